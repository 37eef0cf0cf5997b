package lab.chassis.http;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import lab.business.shared.Failure;

/**
 * Fault injection, in the spirit of Chaos Monkey for Spring Boot's assaults: a share of business
 * requests gets extra latency, a share fails with HTTP 500. Health, info and chaos endpoints are
 * never touched, so the supervisor can still see and heal the process.
 */
public final class Chaos {

	/** The current assault. Shares are fractions 0..1 of business requests. */
	public record Settings(int latencyMs, double latencyShare, double errorShare) {

		public static final Settings NONE = new Settings(0, 0, 0);

		public Map<String, Object> toJson() {
			return Json.object("latencyMs", latencyMs, "latencyShare", latencyShare, "errorShare", errorShare);
		}
	}

	public static final int MAX_LATENCY_MS = 10_000;

	private volatile Settings settings = Settings.NONE;

	public Settings settings() {
		return settings;
	}

	/**
	 * Applies the given fields over the current settings (absent fields keep their value) and
	 * returns the result; fails with {@code chaos.latencyMs.range}, {@code chaos.latencyShare.range}
	 * or {@code chaos.errorShare.range}.
	 */
	public synchronized Settings update(Map<String, Object> changes) {
		Settings now = settings;
		Long latency = Call.longField(changes, "latencyMs");
		Double latencyShare = Call.numberField(changes, "latencyShare");
		Double errorShare = Call.numberField(changes, "errorShare");
		int newLatency = latency == null ? now.latencyMs() : checkLatency(latency);
		double newLatencyShare = latencyShare == null ? now.latencyShare() : checkShare(latencyShare, "latencyShare");
		double newErrorShare = errorShare == null ? now.errorShare() : checkShare(errorShare, "errorShare");
		settings = new Settings(newLatency, newLatencyShare, newErrorShare);
		return settings;
	}

	/** Sleeps for the latency assault if this request drew it; returns true if it must fail with 500. */
	boolean strike() {
		Settings s = settings;
		ThreadLocalRandom random = ThreadLocalRandom.current();
		if (s.latencyMs() > 0 && s.latencyShare() > 0 && random.nextDouble() < s.latencyShare()) {
			try {
				Thread.sleep(s.latencyMs());
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		return s.errorShare() > 0 && random.nextDouble() < s.errorShare();
	}

	private static int checkLatency(long latency) {
		if (latency < 0 || latency > MAX_LATENCY_MS) {
			throw Failure.invalid("chaos.latencyMs.range", "latencyMs must be 0 to " + MAX_LATENCY_MS);
		}
		return (int) latency;
	}

	private static double checkShare(double share, String name) {
		if (!(share >= 0 && share <= 1)) {
			throw Failure.invalid("chaos." + name + ".range", name + " must be 0 to 1");
		}
		return share;
	}

}
