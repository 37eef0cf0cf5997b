package lab.business.shared;

/**
 * A business outcome that is not a success: bad input, something missing, a conflict, or
 * a peer module that could not be asked. {@code code} is a stable message key (for
 * example {@code post.text.size}) that the web site localizes; {@code detail} is a plain
 * English sentence. No stack trace is captured: these are expected answers, not bugs.
 */
public final class Failure extends RuntimeException {

	/** The kind of failure; the chassis maps each to an HTTP status. */
	public enum Kind {

		INVALID(400), NOT_FOUND(404), CONFLICT(409), UNAVAILABLE(503);

		private final int status;

		Kind(int status) {
			this.status = status;
		}

		public int status() {
			return status;
		}

	}

	/** The code every module uses when a peer it depends on does not answer. */
	public static final String PEER_UNAVAILABLE = "peer.unavailable";

	/**
	 * The code when the process's own database cannot be reached for now (it is shared
	 * with other instances, and the one that served it has just died), or a commit's
	 * outcome is unknown.
	 */
	public static final String STORE_UNAVAILABLE = "store.unavailable";

	private final Kind kind;

	private final String code;

	public Failure(Kind kind, String code, String detail) {
		super(detail, null, false, false);
		this.kind = kind;
		this.code = code;
	}

	public static Failure invalid(String code, String detail) {
		return new Failure(Kind.INVALID, code, detail);
	}

	public static Failure notFound(String code, String detail) {
		return new Failure(Kind.NOT_FOUND, code, detail);
	}

	public static Failure conflict(String code, String detail) {
		return new Failure(Kind.CONFLICT, code, detail);
	}

	public static Failure peerUnavailable(String detail) {
		return new Failure(Kind.UNAVAILABLE, PEER_UNAVAILABLE, detail);
	}

	public static Failure storeUnavailable(String detail) {
		return new Failure(Kind.UNAVAILABLE, STORE_UNAVAILABLE, detail);
	}

	public Kind kind() {
		return kind;
	}

	public String code() {
		return code;
	}

	public String detail() {
		return getMessage();
	}

	/**
	 * True only for {@code peer.unavailable}: a store that is unavailable is no reason to
	 * degrade.
	 */
	public boolean isPeerUnavailable() {
		return kind == Kind.UNAVAILABLE && PEER_UNAVAILABLE.equals(code);
	}

}
