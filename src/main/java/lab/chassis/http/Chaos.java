package lab.chassis.http;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import lab.business.shared.Failure;

/**
 * Fault injection, in the spirit of Chaos Monkey for Spring Boot's assaults: a share of
 * business requests gets extra latency (varied by a jitter, as a real network varies), a
 * share fails with HTTP 500, and a share hangs: accepted and never answered, until the
 * caller gives up (Toxiproxy's {@code timeout} toxic). Health, info and chaos endpoints
 * are never touched, so the supervisor can still see and heal the process.
 */
public final class Chaos {

	/**
	 * The current assault. Shares are fractions 0..1 of business requests; a request
	 * drawn for the latency waits {@code latencyMs} plus or minus up to {@code jitterMs}
	 * (never less than nothing).
	 */
	public record Settings(int latencyMs, double latencyShare, double errorShare, double hangShare, int jitterMs) {

		public static final Settings NONE = new Settings(0, 0, 0, 0, 0);

		public Map<String, Object> toJson() {
			return Json.object("latencyMs", latencyMs, "latencyShare", latencyShare, "errorShare", errorShare,
					"hangShare", hangShare, "jitterMs", jitterMs);
		}
	}

	/** What one business request draws. */
	enum Outcome {

		PASS, FAIL, HANG

	}

	public static final int MAX_LATENCY_MS = 10_000;

	private volatile Settings settings = Settings.NONE;

	public Settings settings() {
		return settings;
	}

	/**
	 * Applies the given fields over the current settings (absent fields keep their value)
	 * and returns the result, changing nothing if a field is refused:
	 * {@code request.field.type}, or {@code chaos.<field>.range} (latencyMs, jitterMs,
	 * latencyShare, errorShare, hangShare).
	 */
	public synchronized Settings update(Map<String, Object> changes) {
		Settings now = settings;
		Long latency = Call.longField(changes, "latencyMs");
		Long jitter = Call.longField(changes, "jitterMs");
		Double latencyShare = Call.numberField(changes, "latencyShare");
		Double errorShare = Call.numberField(changes, "errorShare");
		Double hangShare = Call.numberField(changes, "hangShare");
		settings = new Settings(latency == null ? now.latencyMs() : checkMillis(latency, "latencyMs"),
				latencyShare == null ? now.latencyShare() : checkShare(latencyShare, "latencyShare"),
				errorShare == null ? now.errorShare() : checkShare(errorShare, "errorShare"),
				hangShare == null ? now.hangShare() : checkShare(hangShare, "hangShare"),
				jitter == null ? now.jitterMs() : checkMillis(jitter, "jitterMs"));
		return settings;
	}

	/** Draws this request's fate; sleeps first if it drew the latency assault. */
	Outcome strike() {
		Settings s = settings;
		ThreadLocalRandom random = ThreadLocalRandom.current();
		if (s.hangShare() > 0 && random.nextDouble() < s.hangShare()) {
			return Outcome.HANG;
		}
		if ((s.latencyMs() > 0 || s.jitterMs() > 0) && s.latencyShare() > 0 && random.nextDouble() < s.latencyShare()) {
			long delay = s.latencyMs() + (s.jitterMs() == 0 ? 0 : random.nextLong(-s.jitterMs(), s.jitterMs() + 1L));
			if (delay > 0) {
				try {
					Thread.sleep(delay);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}
		}
		return s.errorShare() > 0 && random.nextDouble() < s.errorShare() ? Outcome.FAIL : Outcome.PASS;
	}

	private static int checkMillis(long millis, String name) {
		if (millis < 0 || millis > MAX_LATENCY_MS) {
			throw Failure.invalid("chaos." + name + ".range", name + " must be 0 to " + MAX_LATENCY_MS);
		}
		return (int) millis;
	}

	private static double checkShare(double share, String name) {
		if (!(share >= 0 && share <= 1)) {
			throw Failure.invalid("chaos." + name + ".range", name + " must be 0 to 1");
		}
		return share;
	}

}
