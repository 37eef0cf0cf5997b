package lab.fleet.supervisor;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A short pause of one service's writes while its data moves to another version: writes
 * that arrive during the pause are refused (and counted), writes already on their way are
 * waited for. The load balancer's threads call {@link #tryEnter()} and {@link #exit()}
 * around every write; the service's worker pauses and resumes. The state is two atomics
 * and a volatile flag, so the check is lock-free: a writer counts itself in, then looks
 * at the flag; the pauser sets the flag, then waits for the count to reach zero. Either
 * the writer sees the pause, or the pauser sees the writer.
 */
public final class WritePause {

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicLong refused = new AtomicLong();

	private volatile boolean paused;

	private volatile long lastRefused;

	private volatile long lastPauseMillis;

	private volatile long pausedAt;

	/**
	 * True if the write may go on (then {@link #exit()} must follow); false if it is
	 * refused.
	 */
	public boolean tryEnter() {
		this.inFlight.incrementAndGet();
		if (this.paused) {
			this.inFlight.decrementAndGet();
			this.refused.incrementAndGet();
			return false;
		}
		return true;
	}

	public void exit() {
		this.inFlight.decrementAndGet();
	}

	public boolean paused() {
		return this.paused;
	}

	/** Writes refused during the last pause (or so far in the current one). */
	public long lastRefused() {
		return this.paused ? this.refused.get() : this.lastRefused;
	}

	/** How long the last finished pause lasted, in milliseconds (0 before the first). */
	public long lastPauseMillis() {
		return this.lastPauseMillis;
	}

	/**
	 * Refuses new writes, then waits up to {@code maxMillis} for those under way; false
	 * if some are still running.
	 */
	public boolean pause(long maxMillis) {
		this.refused.set(0);
		this.pausedAt = System.currentTimeMillis();
		this.paused = true;
		long until = System.nanoTime() + maxMillis * 1_000_000;
		while (this.inFlight.get() > 0 && System.nanoTime() < until) {
			try {
				Thread.sleep(2);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return this.inFlight.get() == 0;
	}

	/** Lets writes through again and returns how many were refused during the pause. */
	public long resume() {
		this.lastRefused = this.refused.get();
		this.lastPauseMillis = System.currentTimeMillis() - this.pausedAt;
		this.paused = false;
		return this.lastRefused;
	}

}
