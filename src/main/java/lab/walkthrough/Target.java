package lab.walkthrough;

import java.util.List;
import java.util.Optional;

/**
 * A service a walkthrough names: {@code monolith} (the monolith topology's one service)
 * or one of the four microservices. Walkthrough files say {@code payments}, never a
 * topology or an instance id.
 */
public record Target(String topology, String service) {

	static final List<String> SERVICES = List.of("users", "posts", "threads", "payments", "monolith");

	static Optional<Target> of(String name) {
		if (!SERVICES.contains(name)) {
			return Optional.empty();
		}
		return Optional.of(new Target("monolith".equals(name) ? "monolith" : "microservices", name));
	}

	/** Message key of the service's name, as the fleet's own view words it. */
	String labelKey() {
		return "service." + this.service;
	}

}
