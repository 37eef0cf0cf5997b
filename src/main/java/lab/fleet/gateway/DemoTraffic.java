package lab.fleet.gateway;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A bulkhead for the demo's traffic: its calls run on a bounded pool of its own, and the
 * servlet request waits asynchronously (the controller returns a
 * {@link CompletableFuture}), so however long the demo's services make them wait, they
 * never hold Tomcat's threads, which stay free for the lesson pages. When every thread is
 * busy and the queue is full, a call is refused at once. The cascade the resilience
 * lesson shows (calls piling up behind a slow service) stays inside it.
 */
public final class DemoTraffic implements AutoCloseable {

	private final ThreadPoolExecutor executor;

	DemoTraffic(String name, DemoTrafficProperties.Limits limits) {
		AtomicInteger count = new AtomicInteger();
		BlockingQueue<Runnable> queue = (limits.queue() == 0) ? new SynchronousQueue<>()
				: new ArrayBlockingQueue<>(limits.queue());
		this.executor = new ThreadPoolExecutor(limits.threads(), limits.threads(), 30, TimeUnit.SECONDS, queue, r -> {
			Thread t = new Thread(r, name + "-" + count.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
		this.executor.allowCoreThreadTimeOut(true);
	}

	/**
	 * {@code work} on the bulkhead's threads, or {@code whenFull} at once when it has no
	 * room.
	 */
	public <T> CompletableFuture<T> run(Supplier<T> work, Supplier<T> whenFull) {
		try {
			return CompletableFuture.supplyAsync(work, this.executor);
		}
		catch (RejectedExecutionException ex) {
			return CompletableFuture.completedFuture(whenFull.get());
		}
	}

	/** Calls under way now. */
	public int active() {
		return this.executor.getActiveCount();
	}

	/** Calls waiting for a thread now. */
	public int waiting() {
		return this.executor.getQueue().size();
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

}
