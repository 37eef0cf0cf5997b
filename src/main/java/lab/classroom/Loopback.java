package lab.classroom;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether a request comes from this machine, by the peer address of its connection (never
 * a header).
 */
final class Loopback {

	private Loopback() {
	}

	static boolean client(HttpServletRequest request) {
		return address(request.getRemoteAddr());
	}

	/** A literal peer address as Tomcat reports it, IPv4, IPv6 or IPv4-mapped IPv6. */
	static boolean address(String address) {
		if (address == null) {
			return false;
		}
		return address.startsWith("127.") || address.startsWith("::ffff:127.") || "::1".equals(address)
				|| "0:0:0:0:0:0:0:1".equals(address);
	}

}
