package lab.fleet.load;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;

import org.springframework.stereotype.Component;

import lab.fleet.Daemons;
import lab.fleet.EventLog;
import lab.fleet.Feature;
import lab.fleet.FleetProblem;
import lab.fleet.Topology;
import lab.fleet.gateway.Gateway;

/**
 * Sends storefront requests through the gateway at a steady rate, bounded in rate,
 * duration and count, so the live view has traffic to show. Each run stops by itself.
 * <p>
 * Its figures say what the system under test did: at most {@value #MAX_IN_FLIGHT}
 * requests are under way at once (all runs together), and a request that is due while all
 * of them are still waiting for answers is not sent but counted apart, as
 * {@code dropped}: a limit of the generator, not a failure of the services.
 * {@code failed} counts only answers the gateway gave as failures.
 */
@Component
public class LoadGenerator {

	public static final int MAX_RPS = 200;

	public static final int MAX_SECONDS = 120;

	private static final int TICK_MILLIS = 50;

	/**
	 * Requests under way at once, all runs together: each waits for its answer on its own
	 * thread.
	 */
	public static final int MAX_IN_FLIGHT = 64;

	private final Gateway gateway;

	private final EventLog events;

	private final ScheduledExecutorService ticker = Executors
		.newSingleThreadScheduledExecutor(Daemons.named("load-ticker"));

	private final ThreadPoolExecutor senders = new ThreadPoolExecutor(MAX_IN_FLIGHT, MAX_IN_FLIGHT, 30,
			TimeUnit.SECONDS, new SynchronousQueue<>(), Daemons.named("load-sender"));

	private final Map<Long, Run> runs = new ConcurrentHashMap<>();

	private final AtomicLong ids = new AtomicLong();

	public LoadGenerator(Gateway gateway, EventLog events) {
		this.gateway = gateway;
		this.events = events;
		this.senders.allowCoreThreadTimeOut(true);
	}

	/** One run of load: its settings and how far it got. */
	final class Run {

		final long id;

		final Topology topology;

		final Feature feature;

		final int rps;

		final int seconds;

		/** Requests that were due so far, sent or not: the pace. */
		final AtomicLong due = new AtomicLong();

		final AtomicLong sent = new AtomicLong();

		final AtomicLong failed = new AtomicLong();

		/** Due, but not sent: every sender was still waiting for an answer. */
		final AtomicLong dropped = new AtomicLong();

		final long startedAt = System.currentTimeMillis();

		volatile boolean running = true;

		ScheduledFuture<?> task;

		Run(long id, Topology topology, Feature feature, int rps, int seconds) {
			this.id = id;
			this.topology = topology;
			this.feature = feature;
			this.rps = rps;
			this.seconds = seconds;
		}

		void tick() {
			long elapsed = System.currentTimeMillis() - this.startedAt;
			long total = (long) this.rps * this.seconds;
			if (elapsed >= this.seconds * 1000L || this.due.get() >= total) {
				finish();
				return;
			}
			long dueNow = Math.min(total, (elapsed + TICK_MILLIS) * this.rps / 1000);
			while (this.due.get() < dueNow) {
				long n = this.due.incrementAndGet();
				try {
					LoadGenerator.this.senders.execute(() -> send(n));
					this.sent.incrementAndGet();
				}
				catch (RejectedExecutionException ex) {
					this.dropped.incrementAndGet();
				}
			}
		}

		private void send(long n) {
			Gateway.Answer answer = request(this.topology, this.feature, this.id, n);
			if (answer.status() >= 500 || answer.fallback() != null) {
				this.failed.incrementAndGet();
			}
		}

		void finish() {
			if (this.running) {
				this.running = false;
				this.task.cancel(false);
				if (this.dropped.get() == 0) {
					LoadGenerator.this.events.add(this.topology.id(), "event.loadDone", false,
							"feature." + this.feature.id(), this.sent.get(), this.failed.get());
				}
				else {
					LoadGenerator.this.events.add(this.topology.id(), "event.loadDoneDropped", false,
							"feature." + this.feature.id(), this.sent.get(), this.failed.get(), this.dropped.get(),
							MAX_IN_FLIGHT);
				}
			}
		}

	}

	/**
	 * Starts a run; at most one runs per topology and feature at a time (a second one is
	 * refused, so nobody can pile runs onto the machine).
	 */
	public synchronized long start(Topology topology, Feature feature, int rps, int seconds) {
		if (rps < 1 || rps > MAX_RPS) {
			throw FleetProblem.badRequest("fleet.error.rps", 1, MAX_RPS);
		}
		if (seconds < 1 || seconds > MAX_SECONDS) {
			throw FleetProblem.badRequest("fleet.error.seconds", 1, MAX_SECONDS);
		}
		if (this.runs.values().stream().anyMatch(r -> r.running && r.topology == topology && r.feature == feature)) {
			throw FleetProblem.conflict("fleet.error.loadRunning");
		}
		long id = this.ids.incrementAndGet();
		Run run = new Run(id, topology, feature, rps, seconds);
		this.runs.put(id, run);
		this.runs.values().removeIf(r -> !r.running && r.id < id - 20);
		run.task = this.ticker.scheduleAtFixedRate(run::tick, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
		this.events.add(topology.id(), "event.loadStarted", false, "feature." + feature.id(), rps, seconds);
		return id;
	}

	public void stopAll() {
		this.runs.values().forEach(Run::finish);
	}

	public List<LoadView> views() {
		List<LoadView> out = new ArrayList<>();
		for (Run r : this.runs.values()) {
			out.add(new LoadView(r.id, r.topology.id(), r.feature.id(), r.rps, r.seconds, r.sent.get(), r.failed.get(),
					r.running, r.dropped.get()));
		}
		out.sort((a, b) -> Long.compare(a.id(), b.id()));
		return out;
	}

	/** A request of the kind a visitor would make, with data the seeded app accepts. */
	Gateway.Answer request(Topology topology, Feature feature, long run, long n) {
		return switch (feature) {
			case FEED -> this.gateway.call(topology, feature, "GET", "/api/posts?limit=20", null);
			case USERS -> this.gateway.call(topology, feature, "GET", "/api/users", null);
			case POST -> this.gateway.call(topology, feature, "POST", "/api/posts",
					json("{\"authorId\":1,\"text\":\"Load test " + run + "-" + n + "\"}"));
			case REPLY -> this.gateway.call(topology, feature, "POST", "/api/threads/1/replies",
					json("{\"authorId\":2,\"text\":\"Reply " + run + "-" + n + "\"}"));
			case TIP -> this.gateway.call(topology, feature, "POST", "/api/tips",
					json("{\"fromUserId\":2,\"toUserId\":1,\"amountCents\":100,\"idempotencyKey\":\"load-"
							+ UUID.randomUUID() + "\"}"));
		};
	}

	private static byte[] json(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@PreDestroy
	void close() {
		this.ticker.shutdownNow();
		this.senders.shutdownNow();
	}

}
