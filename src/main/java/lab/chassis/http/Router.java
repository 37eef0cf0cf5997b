package lab.chassis.http;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** Routes by method and path pattern, such as {@code /api/posts/{id}/reactions}. */
public final class Router {

	private record Route(String method, String[] segments, Handler handler) {
	}

	/**
	 * A matched route with its path variables, or the methods the path allows if none
	 * matched.
	 */
	record Match(Handler handler, Map<String, String> variables, Set<String> allowedMethods) {
	}

	// routes are added while the server already answers health checks, so the list must
	// be safe to share
	private final List<Route> routes = new CopyOnWriteArrayList<>();

	public Router get(String pattern, Handler handler) {
		return add("GET", pattern, handler);
	}

	public Router post(String pattern, Handler handler) {
		return add("POST", pattern, handler);
	}

	public Router add(String method, String pattern, Handler handler) {
		routes.add(new Route(method, split(pattern), handler));
		return this;
	}

	Match match(String method, String path) {
		String[] segments = split(path);
		Set<String> allowed = new LinkedHashSet<>();
		for (Route route : routes) {
			Map<String, String> variables = variables(route.segments(), segments);
			if (variables == null) {
				continue;
			}
			if (route.method().equals(method)) {
				return new Match(route.handler(), variables, Set.of());
			}
			allowed.add(route.method());
		}
		return new Match(null, Map.of(), allowed);
	}

	private static Map<String, String> variables(String[] pattern, String[] path) {
		if (pattern.length != path.length) {
			return null;
		}
		Map<String, String> variables = new LinkedHashMap<>();
		for (int i = 0; i < pattern.length; i++) {
			String p = pattern[i];
			if (p.startsWith("{") && p.endsWith("}")) {
				variables.put(p.substring(1, p.length() - 1), path[i]);
			}
			else if (!p.equals(path[i])) {
				return null;
			}
		}
		return variables;
	}

	private static String[] split(String path) {
		String trimmed = path;
		while (trimmed.startsWith("/")) {
			trimmed = trimmed.substring(1);
		}
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		return trimmed.isEmpty() ? new String[0] : trimmed.split("/");
	}

}
