package lab.fleet.gateway;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.web.util.UriUtils;

import lab.fleet.FleetProblem;
import lab.fleet.Topology;

/**
 * Where a request to the load balancer's front door
 * ({@code /lb/{topology}/{service}/...}) goes. The path is decoded once, segment by
 * segment, and anything that could mean another path after a second decoding or a
 * normalization (dot segments, encoded slashes or backslashes, a percent sign, path
 * parameters, control characters) is refused before any matching. Only the business APIs
 * a peer needs are carried ({@code /api/users}, {@code /api/posts}, {@code /api/threads},
 * {@code /api/tips}, each to the service that owns it); the ops routes of a process
 * (chaos, settings, crash, health, info) are not reachable through it.
 *
 * @param topology the topology's id, as given
 * @param service the service's name, as given
 * @param path the decoded segments after the service name
 */
record LbRoute(String topology, String service, List<String> path) {

	private static final String PREFIX = "lb";

	/** The API resource each business module serves. */
	private static final Map<String, String> RESOURCES = Map.of("users", "users", "posts", "posts", "threads",
			"threads", "payments", "tips");

	/** Parses the raw (still encoded) path of a request, without the context path. */
	static LbRoute parse(String rawPath) {
		if (rawPath.indexOf(';') >= 0) {
			throw FleetProblem.badRequest("fleet.error.lbPath");
		}
		List<String> segments = new ArrayList<>(Arrays.asList(rawPath.split("/", -1)));
		// "/lb/..." splits into "", "lb", ...; one trailing slash is harmless
		segments.remove(0);
		if (segments.size() > 1 && segments.get(segments.size() - 1).isEmpty()) {
			segments.remove(segments.size() - 1);
		}
		List<String> decoded = new ArrayList<>();
		for (String segment : segments) {
			decoded.add(decode(segment));
		}
		if (decoded.size() < 3 || !PREFIX.equals(decoded.get(0))) {
			throw FleetProblem.notFound("fleet.error.lbRoute");
		}
		return new LbRoute(decoded.get(1), decoded.get(2), List.copyOf(decoded.subList(3, decoded.size())));
	}

	private static String decode(String segment) {
		String text;
		try {
			text = UriUtils.decode(segment, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw FleetProblem.badRequest("fleet.error.lbPath");
		}
		if (text.isEmpty() || text.equals(".") || text.equals("..")) {
			throw FleetProblem.badRequest("fleet.error.lbPath");
		}
		for (int n = 0; n < text.length(); n++) {
			char c = text.charAt(n);
			if (c == '/' || c == '\\' || c == '%' || c == ';' || c < 0x20 || c == 0x7f) {
				throw FleetProblem.badRequest("fleet.error.lbPath");
			}
		}
		return text;
	}

	/**
	 * Whether this is a business route of the service: {@code /api/<its resource>/...}.
	 */
	boolean business(Topology topology) {
		if (this.path.size() < 2 || !"api".equals(this.path.get(0))) {
			return false;
		}
		Set<String> allowed = (topology == Topology.MONOLITH) ? Set.copyOf(RESOURCES.values())
				: (RESOURCES.containsKey(this.service) ? Set.of(RESOURCES.get(this.service)) : Set.of());
		return allowed.contains(this.path.get(1));
	}

	/** The path to send on to the instance, encoded again segment by segment. */
	String forwardPath() {
		StringBuilder out = new StringBuilder();
		for (String segment : this.path) {
			out.append('/').append(UriUtils.encodePathSegment(segment, StandardCharsets.UTF_8));
		}
		return (out.length() == 0) ? "/" : out.toString();
	}

}
