package lab.classroom;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The host names the site answers to (checked on every request by Spring Security's
 * firewall), so that DNS rebinding (an attacker's name pointed at this machine) reads
 * nothing: loopback names always; when the site listens beyond loopback also the
 * machine's own names and addresses, any literal IP address (a page loaded from an IP
 * address is this site's own page, and behind Docker or a port forward the address
 * students type is not one the machine can list) and the names in
 * {@code lab.allowed-hosts}.
 */
final class SiteHosts implements Predicate<String> {

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern IPV6 = Pattern.compile("\\[?[0-9a-fA-F:.]+(%[\\w.]+)?]?");

	private final Set<String> names;

	private final boolean anyAddress;

	SiteHosts(Set<String> names, boolean anyAddress) {
		this.names = Set.copyOf(names);
		this.anyAddress = anyAddress;
	}

	static SiteHosts of(ClassroomMode mode, List<String> configured) {
		Set<String> names = new HashSet<>(Set.of("localhost", "127.0.0.1", "[::1]", "::1", "0:0:0:0:0:0:0:1"));
		configured.stream().map(SiteHosts::normal).forEach(names::add);
		if (mode.beyondLoopback()) {
			names.addAll(ownNames());
		}
		return new SiteHosts(names, mode.beyondLoopback());
	}

	@Override
	public boolean test(String host) {
		if (host == null || host.isEmpty()) {
			return false;
		}
		String name = normal(host);
		boolean ipv4 = IPV4.matcher(name).matches();
		if (this.names.contains(name) || name.endsWith(".localhost") || (ipv4 && name.startsWith("127."))) {
			return true;
		}
		return this.anyAddress && (ipv4 || (name.contains(":") && IPV6.matcher(name).matches()));
	}

	Set<String> names() {
		return this.names;
	}

	private static String normal(String host) {
		String name = host.trim().toLowerCase(Locale.ROOT);
		return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
	}

	/**
	 * This machine's host name (plain, canonical and mDNS) and the addresses of its
	 * interfaces.
	 */
	static Set<String> ownNames() {
		Set<String> out = new HashSet<>();
		try {
			InetAddress local = InetAddress.getLocalHost();
			String host = normal(local.getHostName());
			out.add(host);
			out.add(host + ".local");
			out.add(normal(local.getCanonicalHostName()));
		}
		catch (UnknownHostException ex) {
			// no name for this machine: its addresses still work
		}
		try {
			for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
				for (InetAddress address : Collections.list(nic.getInetAddresses())) {
					String literal = address.getHostAddress();
					int zone = literal.indexOf('%');
					literal = (zone < 0) ? literal : literal.substring(0, zone);
					out.add(literal.contains(":") ? "[" + literal + "]" : literal);
					out.add(literal);
				}
			}
		}
		catch (SocketException ex) {
			// no interfaces to list
		}
		return out;
	}

}
