package lab.chassis;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a demo process runs: one module as a service, or all of them as the monolith. */
public enum Role {

	USERS(List.of("users"), List.of()), POSTS(List.of("posts"), List.of("users")),
	THREADS(List.of("threads"), List.of("posts", "users")), PAYMENTS(List.of("payments"), List.of("users")),
	MONOLITH(List.of("users", "posts", "threads", "payments"), List.of());

	private final List<String> modules;

	private final List<String> peers;

	Role(List<String> modules, List<String> peers) {
		this.modules = modules;
		this.peers = peers;
	}

	/** The modules this process serves itself. */
	public List<String> modules() {
		return modules;
	}

	/**
	 * The modules this process needs from other processes ({@code --peer.<module>=URL}).
	 */
	public List<String> peers() {
		return peers;
	}

	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Role parse(String text) {
		for (Role role : values()) {
			if (role.id().equals(text)) {
				return role;
			}
		}
		throw new IllegalArgumentException("unknown role '" + text + "', expected one of "
				+ Arrays.stream(values()).map(Role::id).collect(Collectors.joining(", ")));
	}

}
