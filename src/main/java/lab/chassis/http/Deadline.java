package lab.chassis.http;

import java.time.Duration;
import java.util.Optional;

import lab.business.shared.Failure;

/**
 * The moment a whole request must be done by, set once at the edge and carried on every
 * hop as the time left: the header {@value #HEADER} holds the milliseconds that remain
 * when the request is sent (as gRPC's {@code grpc-timeout} does). Each hop turns it back
 * into a moment on its own clock when the request arrives, gives its own calls only what
 * is left, and does not start work whose budget is already spent.
 */
public final class Deadline {

	/** Milliseconds left of the caller's budget when the request was sent. */
	public static final String HEADER = "X-Deadline-Ms";

	/**
	 * Which attempt of the caller this request is: 1 for the first, 2 for the first
	 * retry.
	 */
	public static final String ATTEMPT_HEADER = "X-Attempt";

	/**
	 * The attempt number a request's {@value #ATTEMPT_HEADER} header gives: 1 when absent
	 * or not a small whole number (a caller retries at most a few times).
	 */
	public static int attempt(String header) {
		return (header != null && header.length() == 1 && header.charAt(0) >= '1' && header.charAt(0) <= '9')
				? header.charAt(0) - '0' : 1;
	}

	/** The longest budget a request may carry (a longer one is cut to this). */
	public static final long MAX_MILLIS = 600_000;

	private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();

	private final long atNanos;

	private Deadline(long atNanos) {
		this.atNanos = atNanos;
	}

	/** A deadline {@code budget} after {@code nowNanos} ({@link System#nanoTime()}). */
	public static Deadline after(Duration budget, long nowNanos) {
		return new Deadline(nowNanos + budget.toNanos());
	}

	/**
	 * The deadline a request carries in its {@value #HEADER} header, if it has one:
	 * {@code value} milliseconds after {@code nowNanos} (zero or less: already spent).
	 * Fails with {@code request.deadline.invalid} unless the value is a whole number.
	 */
	public static Optional<Deadline> fromHeader(String value, long nowNanos) {
		if (value == null) {
			return Optional.empty();
		}
		long millis;
		try {
			millis = Long.parseLong(value.strip());
		}
		catch (NumberFormatException ex) {
			throw Failure.invalid("request.deadline.invalid",
					HEADER + " must be a whole number of milliseconds, was '" + shorten(value) + "'");
		}
		return Optional.of(after(Duration.ofMillis(Math.max(-1, Math.min(MAX_MILLIS, millis))), nowNanos));
	}

	/** Whole milliseconds left at {@code nowNanos}; zero or less once spent. */
	public long remainingMillis(long nowNanos) {
		long nanos = this.atNanos - nowNanos;
		return (nanos <= 0) ? 0 : Math.max(1, nanos / 1_000_000);
	}

	public boolean spent(long nowNanos) {
		return this.atNanos - nowNanos <= 0;
	}

	/**
	 * The shorter of {@code timeout} and what is left: the timeout of a call starting
	 * now.
	 */
	public Duration cap(Duration timeout, long nowNanos) {
		long left = Math.max(0, this.atNanos - nowNanos);
		return (timeout.toNanos() <= left) ? timeout : Duration.ofNanos(Math.max(1_000_000, left));
	}

	/** The header value for a call sent at {@code nowNanos}: the milliseconds left. */
	public String header(long nowNanos) {
		return Long.toString(remainingMillis(nowNanos));
	}

	/**
	 * The deadline of the request this thread is serving, or null if its caller set none.
	 */
	public static Deadline current() {
		return CURRENT.get();
	}

	/** Serves a request under {@code deadline} (null for none) on this thread. */
	static <T> T under(Deadline deadline, java.util.function.Supplier<T> work) {
		Deadline before = CURRENT.get();
		CURRENT.set(deadline);
		try {
			return work.get();
		}
		finally {
			if (before == null) {
				CURRENT.remove();
			}
			else {
				CURRENT.set(before);
			}
		}
	}

	private static String shorten(String value) {
		return (value.length() > 20) ? value.substring(0, 20) + "…" : value;
	}

}
