package lab.chassis.http;

import java.util.ArrayDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;

/**
 * Requests that drew the hang assault: accepted and held without an answer, so the caller
 * waits until its own timeout gives up. The JDK server does not tell when a caller
 * closes, so each held request is closed, still unanswered, after
 * {@link #MAX_HANG_MILLIS} (longer than any caller in the lab waits), when more than
 * {@link #MAX_HELD} are held (oldest first), or when the server stops. The holding costs
 * no worker thread; this class owns the held set and guards it with its monitor.
 */
final class HungRequests {

	static final long MAX_HANG_MILLIS = 30_000;
	static final int MAX_HELD = 256;

	private final ArrayDeque<HttpExchange> held = new ArrayDeque<>();

	private ScheduledExecutorService closer;

	synchronized void hold(HttpExchange exchange) {
		if (closer == null) {
			// made on the first hang only: most processes never hang and need not pay for
			// the thread
			closer = Executors.newSingleThreadScheduledExecutor(r -> {
				Thread t = new Thread(r, "hang-closer");
				t.setDaemon(true);
				return t;
			});
		}
		held.addLast(exchange);
		while (held.size() > MAX_HELD) {
			held.removeFirst().close();
		}
		closer.schedule(() -> release(exchange), MAX_HANG_MILLIS, TimeUnit.MILLISECONDS);
	}

	synchronized int size() {
		return held.size();
	}

	/** Closes every held request and the timer; used when the server stops. */
	synchronized void releaseAll() {
		held.forEach(HttpExchange::close);
		held.clear();
		if (closer != null) {
			closer.shutdownNow();
		}
	}

	private void release(HttpExchange exchange) {
		boolean wasHeld;
		synchronized (this) {
			wasHeld = held.remove(exchange);
		}
		if (wasHeld) {
			exchange.close();
		}
	}

}
