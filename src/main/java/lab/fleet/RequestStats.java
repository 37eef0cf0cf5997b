package lab.fleet;

import java.util.Arrays;

/**
 * Requests counted per second over the last two minutes: successes, failures, and a sample of
 * latencies, enough for requests per second, error rate, p95 latency and a chart.
 */
public final class RequestStats {

	public static final int SECONDS = 120;

	private static final int SAMPLES_PER_SECOND = 200;

	private final long[] second = new long[SECONDS];

	private final int[] ok = new int[SECONDS];

	private final int[] failed = new int[SECONDS];

	private final int[][] latencies = new int[SECONDS][SAMPLES_PER_SECOND];

	private final int[] sampled = new int[SECONDS];

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
		int n = this.sampled[slot];
		if (n < SAMPLES_PER_SECOND) {
			this.latencies[slot][n] = (int) Math.min(Integer.MAX_VALUE, latencyMs);
			this.sampled[slot] = n + 1;
		}
	}

	/** The last {@code window} whole seconds (the current, unfinished second left out). */
	public synchronized Summary summary(long nowMillis, int window) {
		long now = nowMillis / 1000;
		long okSum = 0;
		long failSum = 0;
		int[] all = new int[window * SAMPLES_PER_SECOND];
		int count = 0;
		for (long s = now - window; s < now; s++) {
			int slot = (int) Math.floorMod(s, SECONDS);
			if (this.second[slot] != s) {
				continue;
			}
			okSum += this.ok[slot];
			failSum += this.failed[slot];
			System.arraycopy(this.latencies[slot], 0, all, count, this.sampled[slot]);
			count += this.sampled[slot];
		}
		long total = okSum + failSum;
		int p95 = 0;
		if (count > 0) {
			int[] sorted = Arrays.copyOf(all, count);
			Arrays.sort(sorted);
			p95 = sorted[Math.min(count - 1, (int) Math.ceil(count * 0.95) - 1)];
		}
		return new Summary(total / (double) window, (total == 0) ? 0 : failSum / (double) total, p95, total);
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
			this.sampled[slot] = 0;
		}
		return slot;
	}

}
