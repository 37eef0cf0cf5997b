package lab.chassis.http;

/**
 * When one more attempt of a failed call is allowed: up to {@code retries} repeats of an
 * idempotent call (never of one that is not), and, under a deadline, only while its
 * budget lasts. Shared by the gateway and the services, so every hop retries by the same
 * rule; the retry storm the lesson shows comes from each hop applying it in turn.
 */
public final class Attempts {

	/** The most repeats of one call the fleet's setting may ask for. */
	public static final int MAX_RETRIES = 3;

	private final int retries;

	private final Deadline deadline;

	/**
	 * @param retries repeats allowed after the first attempt (0 to {@value #MAX_RETRIES})
	 * @param idempotent whether repeating the call is safe; if not, no repeat is made
	 * @param deadline the request's deadline, or null for none
	 */
	public Attempts(int retries, boolean idempotent, Deadline deadline) {
		if (retries < 0 || retries > MAX_RETRIES) {
			throw new IllegalArgumentException("retries must be 0 to " + MAX_RETRIES + ", was " + retries);
		}
		this.retries = idempotent ? retries : 0;
		this.deadline = deadline;
	}

	/**
	 * Whether attempt number {@code next} (2 for the first repeat) may start at
	 * {@code nowNanos}.
	 */
	public boolean allows(int next, long nowNanos) {
		return next >= 1 && next <= this.retries + 1 && !spent(nowNanos);
	}

	/** Whether the request's budget is spent (never, without a deadline). */
	public boolean spent(long nowNanos) {
		return this.deadline != null && this.deadline.spent(nowNanos);
	}

	/** The most attempts this call may make. */
	public int most() {
		return this.retries + 1;
	}

	public Deadline deadline() {
		return this.deadline;
	}

}
