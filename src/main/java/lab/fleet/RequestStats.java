package lab.fleet;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.IntCountsHistogram;

/**
 * Requests counted per second over the last two minutes: successes and failures, enough
 * for requests per second, error rate and a chart; and the latency of every request of
 * the last {@value #LATENCY_SECONDS} seconds in an HdrHistogram per second, for
 * percentiles (to 1 %, up to {@value #MAX_LATENCY_MS} ms; a longer one counts as that).
 */
public final class RequestStats {

	public static final int SECONDS = 120;

	/** How far back latency percentiles can look: the live view's window. */
	public static final int LATENCY_SECONDS = 10;

	static final long MAX_LATENCY_MS = 60_000;

	private final long[] second = new long[SECONDS];

	private final int[] ok = new int[SECONDS];

	private final int[] failed = new int[SECONDS];

	private final long[] latencySecond = new long[LATENCY_SECONDS];

	private final AbstractHistogram[] latencies = new AbstractHistogram[LATENCY_SECONDS];

	/** A summary over a recent window. */
	public record Summary(double rps, double errorRate, int p95Ms, long total) {
	}

	public synchronized void record(long nowMillis, boolean success, long latencyMs) {
		int slot = slot(nowMillis);
		if (success) {
			this.ok[slot]++;
		}
		else {
			this.failed[slot]++;
		}
		latencies(nowMillis / 1000).recordValue(Math.max(0, Math.min(MAX_LATENCY_MS, latencyMs)));
	}

	/**
	 * The last {@code window} whole seconds (the current, unfinished second left out);
	 * the p95 covers every request of at most the last {@value #LATENCY_SECONDS} of them.
	 */
	public synchronized Summary summary(long nowMillis, int window) {
		long now = nowMillis / 1000;
		long okSum = 0;
		long failSum = 0;
		AbstractHistogram all = new IntCountsHistogram(MAX_LATENCY_MS, 2);
		for (long s = now - window; s < now; s++) {
			int slot = (int) Math.floorMod(s, SECONDS);
			if (this.second[slot] != s) {
				continue;
			}
			okSum += this.ok[slot];
			failSum += this.failed[slot];
			int latencySlot = (int) Math.floorMod(s, LATENCY_SECONDS);
			if (this.latencySecond[latencySlot] == s && now - s <= LATENCY_SECONDS) {
				all.add(this.latencies[latencySlot]);
			}
		}
		long total = okSum + failSum;
		int p95 = (all.getTotalCount() == 0) ? 0 : (int) all.getValueAtPercentile(95);
		return new Summary(total / (double) window, (total == 0) ? 0 : failSum / (double) total, p95, total);
	}

	/**
	 * The histogram of second {@code s}, emptied first when it last held an older second.
	 */
	private AbstractHistogram latencies(long s) {
		int slot = (int) Math.floorMod(s, LATENCY_SECONDS);
		if (this.latencies[slot] == null) {
			this.latencies[slot] = new IntCountsHistogram(MAX_LATENCY_MS, 2);
		}
		if (this.latencySecond[slot] != s) {
			this.latencySecond[slot] = s;
			this.latencies[slot].reset();
		}
		return this.latencies[slot];
	}

	/** Successes and failures per second for the last {@code seconds}, oldest first. */
	public synchronized long[][] series(long nowMillis, int seconds) {
		long now = nowMillis / 1000;
		long[][] out = new long[3][seconds];
		for (int i = 0; i < seconds; i++) {
			long s = now - seconds + 1 + i;
			int slot = (int) Math.floorMod(s, SECONDS);
			out[0][i] = s;
			if (this.second[slot] == s) {
				out[1][i] = this.ok[slot];
				out[2][i] = this.failed[slot];
			}
		}
		return out;
	}

	private int slot(long nowMillis) {
		long s = nowMillis / 1000;
		int slot = (int) Math.floorMod(s, SECONDS);
		if (this.second[slot] != s) {
			this.second[slot] = s;
			this.ok[slot] = 0;
			this.failed[slot] = 0;
		}
		return slot;
	}

}
