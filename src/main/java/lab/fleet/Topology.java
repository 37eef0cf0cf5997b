package lab.fleet;

import java.util.List;
import java.util.Optional;

/**
 * The two shapes of the same app: one process, or one process per business capability.
 */
public enum Topology {

	MONOLITH("monolith", List.of("monolith")),
	MICROSERVICES("microservices", List.of("users", "posts", "threads", "payments"));

	private final String id;

	private final List<String> services;

	Topology(String id, List<String> services) {
		this.id = id;
		this.services = services;
	}

	public String id() {
		return this.id;
	}

	public List<String> services() {
		return this.services;
	}

	/**
	 * Which service of this topology serves a business module (users, posts, threads,
	 * payments).
	 */
	public String serviceFor(String module) {
		return (this == MONOLITH) ? "monolith" : module;
	}

	public static Optional<Topology> of(String id) {
		for (Topology t : values()) {
			if (t.id.equals(id)) {
				return Optional.of(t);
			}
		}
		return Optional.empty();
	}

}
