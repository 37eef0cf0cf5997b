package lab.fleet;

/** What a visitor does in the storefront, and which business module serves it. */
public enum Feature {

	FEED("feed", "posts"), USERS("users", "users"), POST("post", "posts"), REPLY("reply", "threads"),
	TIP("tip", "payments");

	private final String id;

	private final String module;

	Feature(String id, String module) {
		this.id = id;
		this.module = module;
	}

	public String id() {
		return this.id;
	}

	public String module() {
		return this.module;
	}

	/**
	 * Whether a call of this feature is safe to repeat: a read, or a tip (it carries an
	 * idempotency key, so a repeat is not paid twice). A new post, reply or like is not.
	 */
	public boolean idempotent(String method) {
		return "GET".equals(method) || this == TIP;
	}

	public static Feature of(String id) {
		for (Feature f : values()) {
			if (f.id.equals(id)) {
				return f;
			}
		}
		throw FleetProblem.badRequest("fleet.error.feature");
	}

}
