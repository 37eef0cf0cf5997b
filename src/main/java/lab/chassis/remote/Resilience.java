package lab.chassis.remote;

import java.time.Duration;
import java.util.Map;

import lab.business.shared.Failure;
import lab.business.shared.Fallbacks;
import lab.chassis.http.Attempts;
import lab.chassis.http.Json;

/**
 * The resilience settings of a process, changed at run time by the site's resilience
 * switch ({@code GET|POST /settings}): the timeout of every call to a peer, whether reads
 * degrade when a peer fails ({@code fallbacks}), and how many times a failed idempotent
 * call to a peer is repeated ({@code retries}, 0 to 3, the fleet's retries setting). With
 * fallbacks off, a feed or a reply list whose peer failed answers 503
 * {@code peer.unavailable} instead of a degraded answer, so failures cascade; with a long
 * timeout on top, callers also wait for a slow peer instead of giving up early.
 */
public final class Resilience implements Fallbacks {

	public static final long MIN_TIMEOUT_MS = 1;

	public static final long MAX_TIMEOUT_MS = 60_000;

	/** The current settings. */
	public record Values(long peerTimeoutMs, boolean fallbacks, int retries) {

		public Map<String, Object> toJson() {
			return Json.object("peerTimeoutMs", peerTimeoutMs, "fallbacks", fallbacks, "retries", retries);
		}
	}

	private volatile Values values;

	public Resilience(long peerTimeoutMs, boolean fallbacks) {
		this.values = new Values(checkTimeout(peerTimeoutMs), fallbacks, 0);
	}

	public Values values() {
		return values;
	}

	/** The timeout of a peer call starting now (connect and whole request). */
	public Duration peerTimeout() {
		return Duration.ofMillis(values.peerTimeoutMs());
	}

	/** Repeats of a failed idempotent call to a peer. */
	public int retries() {
		return values.retries();
	}

	@Override
	public boolean enabled() {
		return values.fallbacks();
	}

	/**
	 * Applies the fields present in {@code changes} over the current settings (others
	 * keep their value; unknown fields are ignored) and returns the result. Fails,
	 * changing nothing, with {@code settings.peerTimeoutMs.range} unless peerTimeoutMs is
	 * a whole number from 1 to 60000, or {@code settings.fallbacks.type} unless fallbacks
	 * is true or false, or {@code settings.retries.range} unless retries is a whole
	 * number from 0 to 3.
	 */
	public synchronized Values update(Map<String, Object> changes) {
		Values now = values;
		long timeout = now.peerTimeoutMs();
		boolean fallbacks = now.fallbacks();
		int retries = now.retries();
		if (changes.containsKey("peerTimeoutMs")) {
			Object value = changes.get("peerTimeoutMs");
			if (!(value instanceof Long millis)) {
				throw rangeFailure();
			}
			timeout = checkTimeout(millis);
		}
		if (changes.containsKey("fallbacks")) {
			if (!(changes.get("fallbacks") instanceof Boolean on)) {
				throw Failure.invalid("settings.fallbacks.type", "fallbacks must be true or false");
			}
			fallbacks = on;
		}
		if (changes.containsKey("retries")) {
			if (!(changes.get("retries") instanceof Long n) || n < 0 || n > Attempts.MAX_RETRIES) {
				throw Failure.invalid("settings.retries.range", "retries must be a whole number from 0 to 3");
			}
			retries = n.intValue();
		}
		values = new Values(timeout, fallbacks, retries);
		return values;
	}

	private static long checkTimeout(long millis) {
		if (millis < MIN_TIMEOUT_MS || millis > MAX_TIMEOUT_MS) {
			throw rangeFailure();
		}
		return millis;
	}

	private static Failure rangeFailure() {
		return Failure.invalid("settings.peerTimeoutMs.range",
				"peerTimeoutMs must be a whole number from " + MIN_TIMEOUT_MS + " to " + MAX_TIMEOUT_MS);
	}

}
