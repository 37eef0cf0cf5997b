package lab.classroom;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Whether the site runs as a class: only the instructor operates the demos. Asked for
 * explicitly, or on by itself when the site listens beyond loopback, where other people
 * can reach it.
 *
 * @param on classroom mode is on
 * @param beyondLoopback the site listens on an address other machines can reach
 */
public record ClassroomMode(boolean on, boolean beyondLoopback) {

	/**
	 * @param enabled {@code lab.classroom.enabled}, null when not set
	 * @param serverAddress {@code server.address}, null or blank when not set (Tomcat
	 * then listens on every interface)
	 */
	public static ClassroomMode decide(Boolean enabled, String serverAddress) {
		boolean beyond = beyondLoopback(serverAddress);
		return new ClassroomMode((enabled != null) ? enabled : beyond, beyond);
	}

	/**
	 * True unless the address is a loopback one: blank, the wildcards and network
	 * addresses are beyond it.
	 */
	static boolean beyondLoopback(String serverAddress) {
		if (serverAddress == null || serverAddress.isBlank()) {
			return true;
		}
		String address = serverAddress.trim();
		if (address.startsWith("[") && address.endsWith("]")) {
			address = address.substring(1, address.length() - 1);
		}
		if ("localhost".equalsIgnoreCase(address)) {
			return false;
		}
		try {
			InetAddress inet = InetAddress.getByName(address);
			return !inet.isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			// a name we cannot resolve here: assume the worst
			return true;
		}
	}

}
