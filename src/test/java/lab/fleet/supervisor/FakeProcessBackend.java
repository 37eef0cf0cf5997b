package lab.fleet.supervisor;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A backend of scripted processes, no JVM: each launch follows the script given for its
 * instance (ready at once by default), and the test decides when a held process becomes
 * ready, crashes or exits. Its futures complete on the test's thread or on the
 * supervisor's, as a real backend's would on its own threads.
 */
final class FakeProcessBackend implements ProcessBackend {

	/** How a launch goes. */
	enum Start {

		/** Ready as soon as it is launched. */
		AT_ONCE,
		/** Starting until the test calls {@link FakeProcess#becomeReady()}. */
		HELD,
		/** Exits with status 1 before it is ready. */
		EXITS,
		/** The backend cannot even launch it. */
		REFUSED

	}

	private final Map<String, Start> scripts = new ConcurrentHashMap<>();

	private final List<FakeProcess> launched = new CopyOnWriteArrayList<>();

	private final AtomicLong pids = new AtomicLong(10_000);

	private final AtomicInteger ports = new AtomicInteger(40_000);

	/** The next launches of {@code instanceId} go this way (until scripted otherwise). */
	void script(String instanceId, Start start) {
		this.scripts.put(instanceId, start);
	}

	@Override
	public Running launch(Spec spec) throws IOException {
		Start start = this.scripts.getOrDefault(spec.instanceId(), Start.AT_ONCE);
		if (start == Start.REFUSED) {
			throw new IOException("cannot launch " + spec.instanceId());
		}
		FakeProcess process = new FakeProcess(spec, this.pids.incrementAndGet(), this.ports.incrementAndGet());
		this.launched.add(process);
		switch (start) {
			case AT_ONCE -> process.becomeReady();
			case EXITS -> process.exitsBy(1);
			default -> {
				// held: the test goes on
			}
		}
		return process;
	}

	List<FakeProcess> launched() {
		return List.copyOf(this.launched);
	}

	/** The latest process of an instance. */
	FakeProcess last(String instanceId) {
		List<FakeProcess> mine = this.launched.stream().filter(p -> p.spec().instanceId().equals(instanceId)).toList();
		if (mine.isEmpty()) {
			throw new AssertionError("no process of " + instanceId + " was launched");
		}
		return mine.get(mine.size() - 1);
	}

	/** Processes launched and not exited. */
	List<FakeProcess> alive() {
		return this.launched.stream().filter(p -> !p.exit().isDone()).toList();
	}

	/** One scripted process. */
	static final class FakeProcess implements Running {

		private final Spec spec;

		private final long pid;

		private final int port;

		private final CompletableFuture<Integer> ready = new CompletableFuture<>();

		private final CompletableFuture<Integer> exit = new CompletableFuture<>();

		private final AtomicInteger terminations = new AtomicInteger();

		private final AtomicInteger kills = new AtomicInteger();

		FakeProcess(Spec spec, long pid, int port) {
			this.spec = spec;
			this.pid = pid;
			this.port = port;
			this.exit.thenAccept(code -> this.ready
				.completeExceptionally(new IllegalStateException("exited with code " + code + " before it was ready")));
		}

		Spec spec() {
			return this.spec;
		}

		void becomeReady() {
			this.ready.complete(this.port);
		}

		/** Exits by itself (a crash, an out-of-memory …) with {@code code}. */
		void exitsBy(int code) {
			this.exit.complete(code);
		}

		int terminations() {
			return this.terminations.get();
		}

		int kills() {
			return this.kills.get();
		}

		@Override
		public long pid() {
			return this.pid;
		}

		@Override
		public CompletableFuture<Integer> ready() {
			return this.ready;
		}

		@Override
		public CompletableFuture<Integer> exit() {
			return this.exit;
		}

		@Override
		public void terminate() {
			this.terminations.incrementAndGet();
			this.exit.complete(143);
		}

		@Override
		public void kill() {
			this.kills.incrementAndGet();
			this.exit.complete(137);
		}

	}

}
