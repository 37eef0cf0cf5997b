package lab.chassis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lab.chassis.http.Json;

/**
 * Instances of one service on one data dir share the service's database (H2's mixed
 * mode): they start side by side and seed once, see each other's writes, keep every
 * acknowledged write when the instance serving the database is killed, and never charge a
 * retried tip twice, whichever instance the retry reaches. The database is served on
 * 127.0.0.1 only.
 */
class SharedDatabaseIT {

	static final int WRITES_PER_INSTANCE = 50;
	static final int ACKS_BEFORE_KILL = 30;

	@TempDir
	Path dir;

	final List<DemoProcess> started = new CopyOnWriteArrayList<>();

	@AfterEach
	void stopAll() {
		started.forEach(DemoProcess::close);
	}

	@Test
	void twoAndThreeInstancesOfPostsShareOneDatabaseSeededOnce() throws Exception {
		DemoProcess users = start(LaunchCommand.of("users").dataDir(dir.resolve("users")));
		Path postsData = dir.resolve("posts");
		// two instances at the same moment on a fresh dir: one creates and seeds, the
		// other must wait for it
		CompletableFuture<DemoProcess> first = CompletableFuture
			.supplyAsync(() -> start(posts("posts-1", postsData, users)));
		CompletableFuture<DemoProcess> second = CompletableFuture
			.supplyAsync(() -> start(posts("posts-2", postsData, users)));
		DemoProcess a = first.get(30, TimeUnit.SECONDS);
		DemoProcess b = second.get(30, TimeUnit.SECONDS);
		DemoProcess c = start(posts("posts-3", postsData, users));
		List<DemoProcess> all = List.of(a, b, c);

		for (DemoProcess p : all) {
			List<Map<String, Object>> feed = Http.get(p.url() + "/api/posts?limit=200").list("posts");
			assertThat(feed).as("seeded once, seen by " + p.port())
				.extracting(m -> m.get("id"))
				.containsExactly(4L, 3L, 2L, 1L);
		}
		assertThat(all.stream().filter(SharedDatabaseIT::isHost).count()).as("instances serving the database")
			.isEqualTo(1);

		Http.Response written = Http.post(a.url() + "/api/posts",
				Json.object("authorId", 1, "text", "written through A"));
		assertThat(written.status()).isEqualTo(201);
		Object id = written.json().get("id");
		for (DemoProcess reader : List.of(b, c)) {
			Http.Response read = Http.get(reader.url() + "/api/posts/" + id);
			assertThat(read.status()).isEqualTo(200);
			assertThat(read.json()).containsEntry("text", "written through A")
				.containsEntry("authorName", "Ada Lovelace");
			assertThat(Http.get(reader.url() + "/api/posts?limit=1").list("posts").get(0)).containsEntry("id", id);
		}
		Http.Response fromC = Http.post(c.url() + "/api/posts",
				Json.object("authorId", 2, "text", "written through C"));
		assertThat(Http.get(a.url() + "/api/posts/" + fromC.json().get("id")).json()).containsEntry("text",
				"written through C");

		DemoProcess host = all.stream().filter(SharedDatabaseIT::isHost).findFirst().orElseThrow();
		assertServedOnLoopbackOnly(postsData.resolve("posts.lock.db"), host);
		System.out.printf(
				"FIGURES shared posts: spawn-to-READY %d and %d ms (started together), %d ms (joining);"
						+ " RSS host %d MB, others %s MB%n",
				a.spawnToReadyMillis(), b.spawnToReadyMillis(), c.spawnToReadyMillis(), host.rssKb() / 1024,
				all.stream().filter(p -> p != host).map(p -> p.rssKb() / 1024).collect(Collectors.toList()));
	}

	@Test
	void killingTheInstanceThatServesTheDatabaseLosesNoAcknowledgedWrite() throws Exception {
		DemoProcess users = start(LaunchCommand.of("users").dataDir(dir.resolve("users")).arg("log", "none"));
		Path postsData = dir.resolve("posts");
		DemoProcess a = start(posts("posts-a", postsData, users));
		DemoProcess b = start(posts("posts-b", postsData, users));
		DemoProcess c = start(posts("posts-c", postsData, users));
		assertThat(isHost(a)).as("the first instance serves the database").isTrue();

		Map<Long, String> acked = new ConcurrentHashMap<>();
		Map<DemoProcess, AtomicInteger> ackedBy = new ConcurrentHashMap<>();
		Map<DemoProcess, AtomicInteger> refusedBy = new ConcurrentHashMap<>();
		Map<DemoProcess, AtomicLong> firstAckAfterKill = new ConcurrentHashMap<>();
		AtomicLong killedAt = new AtomicLong();
		ExecutorService writers = Executors.newFixedThreadPool(3);
		List<Future<?>> streams = new ArrayList<>();
		long deadline = System.currentTimeMillis() + 60_000;
		for (DemoProcess p : List.of(a, b, c)) {
			ackedBy.put(p, new AtomicInteger());
			refusedBy.put(p, new AtomicInteger());
			streams.add(writers.submit(() -> {
				for (int i = 0; i < WRITES_PER_INSTANCE && System.currentTimeMillis() < deadline; i++) {
					String text = "through " + p.port() + " #" + i;
					try {
						Http.Response r = Http.post(p.url() + "/api/posts",
								Json.object("authorId", 1 + i % 4, "text", text));
						if (r.status() == 201) {
							assertThat(r.json()).containsEntry("text", text);
							acked.put((Long) r.json().get("id"), text);
							ackedBy.get(p).incrementAndGet();
							if (killedAt.get() != 0) {
								firstAckAfterKill.putIfAbsent(p, new AtomicLong(System.nanoTime() - killedAt.get()));
							}
						}
						else {
							// not acknowledged: a write whose commit met the host's death
							// answers 503 store.unavailable
							assertThat(r.status()).as(r.body()).isEqualTo(503);
							assertThat(r.code()).isEqualTo("store.unavailable");
							refusedBy.get(p).incrementAndGet();
							Thread.sleep(20);
						}
					}
					catch (IOException refused) {
						Thread.sleep(20); // the killed instance
					}
					Thread.sleep(2);
				}
				return null;
			}));
		}
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(1))
			.until(() -> acked.size() >= ACKS_BEFORE_KILL);
		int ackedByHostBeforeKill = ackedBy.get(a).get();
		killedAt.set(System.nanoTime());
		a.kill9();
		for (Future<?> stream : streams) {
			stream.get(90, TimeUnit.SECONDS);
		}
		writers.shutdown();

		System.out.printf("SHARED-DB killed the host after %d acknowledged posts (%d by it); acknowledged by host,"
				+ " survivors: %d, %d, %d; 503 from survivors: %d, %d; survivors' first write after the kill: %d, %d ms%n",
				ACKS_BEFORE_KILL, ackedByHostBeforeKill, ackedBy.get(a).get(), ackedBy.get(b).get(),
				ackedBy.get(c).get(), refusedBy.get(b).get(), refusedBy.get(c).get(), millis(firstAckAfterKill.get(b)),
				millis(firstAckAfterKill.get(c)));
		assertThat(ackedByHostBeforeKill).as("the host acknowledged writes of its own before it died").isPositive();
		assertThat(ackedBy.get(a).get()).as("the kill cut the host's stream short").isLessThan(WRITES_PER_INSTANCE);
		for (DemoProcess survivor : List.of(b, c)) {
			assertThat(firstAckAfterKill).as("survivor " + survivor.port() + " writes again").containsKey(survivor);
			assertThat(firstAckAfterKill.get(survivor).get() / 1_000_000).as("its reconnect (ms)").isLessThan(5000);
			// only a write whose commit was under way when the host died may have gone
			// unacknowledged
			assertThat(refusedBy.get(survivor).get()).as("writes the survivor could not acknowledge")
				.isLessThanOrEqualTo(1);
		}
		assertThat(Stream.of(b, c).filter(SharedDatabaseIT::isHost).count()).as("a survivor serves the database now")
			.isEqualTo(1);
		assertEveryAcknowledgedPostIsThere(acked, b);
		assertEveryAcknowledgedPostIsThere(acked, c);

		// the survivors die too, the one now serving the database first: a restart still
		// sees everything
		DemoProcess newHost = isHost(b) ? b : c;
		newHost.kill9();
		(newHost == b ? c : b).kill9();
		DemoProcess restarted = start(posts("posts-d", postsData, users));
		assertThat(isHost(restarted)).isTrue();
		assertEveryAcknowledgedPostIsThere(acked, restarted);
		List<Object> texts = Http.get(restarted.url() + "/api/posts?limit=200")
			.list("posts")
			.stream()
			.map(p -> p.get("text"))
			.collect(Collectors.toList());
		assertThat(texts).doesNotHaveDuplicates().containsAll(acked.values());
	}

	@Test
	void stoppingTheInstanceThatServesTheDatabaseHandsItOver() throws Exception {
		DemoProcess users = start(LaunchCommand.of("users").dataDir(dir.resolve("users")).arg("log", "none"));
		Path postsData = dir.resolve("posts");
		DemoProcess a = start(posts("posts-a", postsData, users).arg("watch-stdin", "false"));
		DemoProcess b = start(posts("posts-b", postsData, users));
		Http.Response before = Http.post(b.url() + "/api/posts",
				Json.object("authorId", 1, "text", "before the hand-over"));
		assertThat(before.status()).isEqualTo(201);
		assertThat(isHost(a)).isTrue();

		// reads through the other instance while the serving one stops: none of them may
		// fail
		AtomicInteger reads = new AtomicInteger();
		List<String> failedReads = new CopyOnWriteArrayList<>();
		CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
			long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
			while (System.nanoTime() < until) {
				try {
					Http.Response feed = Http.get(b.url() + "/api/posts?limit=5");
					reads.incrementAndGet();
					if (feed.status() != 200) {
						failedReads.add(feed.body());
					}
				}
				catch (IOException | InterruptedException e) {
					failedReads.add(e.toString());
				}
			}
		});
		await("reads flowing through the other instance").atMost(Duration.ofSeconds(10)).until(() -> reads.get() >= 5);
		assertThat(a.terminate()).isEqualTo(143);
		long stoppedAt = System.nanoTime();
		Http.Response after = Http.post(b.url() + "/api/posts",
				Json.object("authorId", 2, "text", "after the hand-over"));
		long tookMillis = (System.nanoTime() - stoppedAt) / 1_000_000;
		assertThat(after.status()).as(after.body()).isEqualTo(201);
		assertThat(tookMillis).isLessThan(3000);
		assertThat(isHost(b)).isTrue();
		assertThat(Http.get(b.url() + "/api/posts/" + before.json().get("id")).json()).containsEntry("text",
				"before the hand-over");
		reader.get(20, TimeUnit.SECONDS);
		assertThat(failedReads).as("failed reads among " + reads.get()).isEmpty();
		System.out.printf("SHARED-DB the first write after the serving instance stopped took %d ms; %d reads meanwhile,"
				+ " none failed%n", tookMillis, reads.get());
	}

	@Test
	void aRetriedTipIsChargedOnceWhicheverInstanceTheRetryReaches() throws Exception {
		DemoProcess users = start(LaunchCommand.of("users").dataDir(dir.resolve("users")));
		Path paymentsData = dir.resolve("payments");
		DemoProcess a = start(payments("payments-1", paymentsData, users));
		DemoProcess b = start(payments("payments-2", paymentsData, users));

		Map<String, Object> tip = tip("retried-tip-0001", 250);
		Http.Response made = Http.post(a.url() + "/api/tips", tip);
		assertThat(made.status()).isEqualTo(201);
		assertThat(made.json()).containsEntry("replayed", false);
		Http.Response retried = Http.post(b.url() + "/api/tips", tip);
		assertThat(retried.status()).isEqualTo(200);
		assertThat(retried.json()).containsEntry("replayed", true).containsEntry("id", made.json().get("id"));
		assertThat(retried.header("X-Instance")).isEqualTo("payments-2");
		MicroservicesIT.assertProblem(Http.post(b.url() + "/api/tips", tip("retried-tip-0001", 999)), 409,
				"tip.idempotencyKey.conflict");

		// the same tip sent to both instances at the same moment: one of them makes it,
		// the other replays it
		ExecutorService senders = Executors.newFixedThreadPool(2);
		try {
			for (int i = 1; i <= 10; i++) {
				Map<String, Object> same = tip("raced-tip-" + String.format("%04d", i), 100 + i);
				CyclicBarrier together = new CyclicBarrier(2);
				Future<Http.Response> toA = senders.submit(() -> {
					together.await();
					return Http.post(a.url() + "/api/tips", same);
				});
				Future<Http.Response> toB = senders.submit(() -> {
					together.await();
					return Http.post(b.url() + "/api/tips", same);
				});
				Http.Response ra = toA.get(20, TimeUnit.SECONDS);
				Http.Response rb = toB.get(20, TimeUnit.SECONDS);
				assertThat(List.of(ra.status(), rb.status())).as(ra.body() + " / " + rb.body())
					.containsExactlyInAnyOrder(201, 200);
				assertThat(ra.json().get("id")).isEqualTo(rb.json().get("id"));
				assertThat(List.of(ra.json().get("replayed"), rb.json().get("replayed")))
					.containsExactlyInAnyOrder(true, false);
			}
		}
		finally {
			senders.shutdownNow();
		}
		for (DemoProcess p : List.of(a, b)) {
			List<Object> keys = Http.get(p.url() + "/api/tips?userId=2")
				.list("tips")
				.stream()
				.map(t -> t.get("idempotencyKey"))
				.collect(Collectors.toList());
			assertThat(keys).hasSize(11).doesNotHaveDuplicates().contains("retried-tip-0001");
		}
	}

	// ---------------------------------------------------------------- helpers

	private DemoProcess start(LaunchCommand command) {
		DemoProcess process = DemoProcess.start(command);
		started.add(process);
		return process;
	}

	private static long millis(AtomicLong nanos) {
		return nanos == null ? -1 : nanos.get() / 1_000_000;
	}

	private static LaunchCommand posts(String instance, Path data, DemoProcess users) {
		return LaunchCommand.of("posts").instance(instance).dataDir(data).peer("users", users.url()).arg("log", "none");
	}

	private static LaunchCommand payments(String instance, Path data, DemoProcess users) {
		return LaunchCommand.of("payments")
			.instance(instance)
			.dataDir(data)
			.peer("users", users.url())
			.arg("log", "none");
	}

	private static Map<String, Object> tip(String key, int cents) {
		return Json.object("fromUserId", 1, "toUserId", 2, "amountCents", cents, "idempotencyKey", key);
	}

	@SuppressWarnings("unchecked")
	static boolean isHost(DemoProcess process) {
		try {
			Map<String, Object> database = (Map<String, Object>) Http.get(process.url() + "/info")
				.json()
				.get("database");
			assertThat(database).containsEntry("shared", true);
			return Boolean.TRUE.equals(database.get("host"));
		}
		catch (IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	private static void assertEveryAcknowledgedPostIsThere(Map<Long, String> acked, DemoProcess reader)
			throws Exception {
		for (Map.Entry<Long, String> post : acked.entrySet()) {
			Http.Response r = Http.get(reader.url() + "/api/posts/" + post.getKey());
			assertThat(r.status()).as("post " + post.getKey() + " through " + reader.port()).isEqualTo(200);
			assertThat(r.json()).containsEntry("text", post.getValue());
		}
	}

	/**
	 * H2's lock file names the server as localhost (H2 writes 127.0.0.1 so), which is
	 * loopback, and every socket the host listens on (its HTTP port and H2's) is bound to
	 * 127.0.0.1 only: read from /proc, as {@code ss -ltnp} does.
	 */
	static void assertServedOnLoopbackOnly(Path lockFile, DemoProcess host) throws IOException {
		Properties lock = new Properties();
		try (InputStream in = Files.newInputStream(lockFile)) {
			lock.load(in);
		}
		String server = lock.getProperty("server");
		assertThat(server).as("server in " + lockFile).matches("(localhost|127\\.0\\.0\\.1):\\d+");
		assertThat(InetAddress.getByName(server.substring(0, server.indexOf(':'))).getHostAddress())
			.isEqualTo("127.0.0.1");
		int h2Port = Integer.parseInt(server.substring(server.indexOf(':') + 1));
		Map<Integer, String> listening = listeningSockets(host.pid());
		assertThat(listening).as("sockets %s listens on", host.pid()).containsKeys(h2Port, host.port());
		assertThat(listening.values()).as("addresses %s listens on", host.pid()).containsOnly("127.0.0.1");
	}

	/** Port to local address of every TCP socket {@code pid} listens on (Linux). */
	static Map<Integer, String> listeningSockets(long pid) throws IOException {
		Set<String> inodes = new HashSet<>();
		try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
			fds.forEach(fd -> {
				try {
					String target = Files.readSymbolicLink(fd).toString();
					if (target.startsWith("socket:[")) {
						inodes.add(target.substring("socket:[".length(), target.length() - 1));
					}
				}
				catch (IOException gone) {
					// closed meanwhile
				}
			});
		}
		Map<Integer, String> listening = new ConcurrentHashMap<>();
		for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
			List<String> lines = Files.readAllLines(Path.of(table));
			for (String line : lines.subList(1, lines.size())) {
				String[] f = line.trim().split("\\s+");
				if (f[3].equals("0A") && inodes.contains(f[9])) { // 0A: LISTEN
					String[] local = f[1].split(":");
					listening.put(Integer.parseInt(local[1], 16),
							InetAddress.getByAddress(littleEndianWords(local[0])).getHostAddress());
				}
			}
		}
		return listening;
	}

	/** /proc/net/tcp* print an address as 32-bit words in host (little-endian) order. */
	private static byte[] littleEndianWords(String hex) {
		byte[] bytes = new byte[hex.length() / 2];
		for (int word = 0; word < bytes.length / 4; word++) {
			for (int i = 0; i < 4; i++) {
				int at = word * 8 + (3 - i) * 2;
				bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
			}
		}
		return bytes;
	}

}
