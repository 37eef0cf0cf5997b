package lab.classroom;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per client address: {@code perMinute} tokens a minute, at most
 * {@code burst} saved up. The map is bounded (least recently seen clients go first), so a
 * flood of addresses cannot grow it. This object owns its state; every access holds its
 * lock, which is held for a few arithmetic steps only.
 */
final class ClientBudget {

	static final int MAX_CLIENTS = 10_000;

	private static final long MINUTE_NANOS = 60_000_000_000L;

	private final double perNano;

	private final double burst;

	private final LongSupplier clock;

	private final Map<String, Bucket> buckets = new LinkedHashMap<>(64, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
			return size() > MAX_CLIENTS;
		}
	};

	private static final class Bucket {

		double tokens;

		long at;

		Bucket(double tokens, long at) {
			this.tokens = tokens;
			this.at = at;
		}

	}

	ClientBudget(int perMinute, int burst) {
		this(perMinute, burst, System::nanoTime);
	}

	ClientBudget(int perMinute, int burst, LongSupplier clock) {
		this.perNano = perMinute / (double) MINUTE_NANOS;
		this.burst = Math.max(1, burst);
		this.clock = clock;
	}

	/** Takes one token for the client; false when it has none left. */
	synchronized boolean take(String client) {
		Bucket bucket = refilled(client);
		if (bucket.tokens < 1) {
			return false;
		}
		bucket.tokens -= 1;
		return true;
	}

	/** True when the client has no token left (without taking one). */
	synchronized boolean exhausted(String client) {
		Bucket bucket = this.buckets.get(client);
		return bucket != null && refilled(client).tokens < 1;
	}

	/** Seconds until the client has a token again (at least 1). */
	synchronized long secondsToWait(String client) {
		Bucket bucket = refilled(client);
		double missing = Math.max(0, 1 - bucket.tokens);
		return Math.max(1, (long) Math.ceil(missing / this.perNano / 1e9));
	}

	synchronized int size() {
		return this.buckets.size();
	}

	private Bucket refilled(String client) {
		long now = this.clock.getAsLong();
		Bucket bucket = this.buckets.get(client);
		if (bucket == null) {
			bucket = new Bucket(this.burst, now);
			this.buckets.put(client, bucket);
			return bucket;
		}
		bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) * this.perNano);
		bucket.at = now;
		return bucket;
	}

}
