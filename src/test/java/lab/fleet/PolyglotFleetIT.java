package lab.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import lab.FleetTest;

/**
 * Threads v3 (Python) in the live fleet, on real processes: a deploy from Java to Python
 * and the rollback, both under load, with no failed read and no acknowledged reply lost
 * or doubled; the monolith's refusal; the hang with resilience on and off; bad chaos
 * values refused in the caller's language.
 */
@FleetTest
class PolyglotFleetIT {

	@LocalServerPort
	int port;

	private FleetClient client;

	@BeforeEach
	void fleetIsUp() {
		this.client = new FleetClient(this.port);
		this.client.heal();
	}

	@AfterEach
	void heal() {
		this.client.post("/api/fleet/load/stop", "");
		this.client.heal();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> threadsService() {
		for (Map<String, Object> t : (List<Map<String, Object>>) this.client.get("/api/fleet?lang=en")
			.body()
			.get("topologies")) {
			for (Map<String, Object> s : (List<Map<String, Object>>) t.get("services")) {
				if ("microservices".equals(s.get("topology")) && "threads".equals(s.get("name"))) {
					return s;
				}
			}
		}
		throw new AssertionError("no threads service in the view");
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> readyThreads() {
		return ((List<Map<String, Object>>) threadsService().get("instances")).stream()
			.filter(i -> "ready".equals(i.get("state")))
			.toList();
	}

	private boolean settledOn(String version, String runtime) {
		Map<String, Object> service = threadsService();
		List<Map<String, Object>> ready = readyThreads();
		return version.equals(service.get("version")) && service.get("activity") == null && !ready.isEmpty()
				&& ready.stream().allMatch(i -> runtime.equals(i.get("runtime")) && version.equals(i.get("version")));
	}

	/**
	 * The texts of the post's replies, read from Threads through the load balancer (no
	 * breaker in the way).
	 */
	@SuppressWarnings("unchecked")
	private List<String> replyTexts(long postId) {
		FleetClient.Answer read = this.client.get("/lb/microservices/threads/api/threads/" + postId + "/replies");
		assertThat(read.status()).as("reading the replies: %s", read.body()).isEqualTo(200);
		return ((List<Map<String, Object>>) read.body().get("replies")).stream()
			.map(r -> (String) r.get("text"))
			.toList();
	}

	@SuppressWarnings("unchecked")
	private List<String> events() {
		return ((List<Map<String, Object>>) this.client.get("/api/fleet?lang=en").body().get("events")).stream()
			.map(e -> (String) e.get("text"))
			.toList();
	}

	@Test
	void deployToPythonAndRollBackUnderLoadLoseNoReplyAndFailNoRead() throws Exception {
		// the first calls after the fleet's start may still be slow enough for the
		// gateway's timeout
		FleetClient.Answer post = await().atMost(Duration.ofSeconds(30))
			.until(() -> this.client.post("/api/store/microservices/posts?lang=en",
					"authorId=1&text=A+post+that+moves"), answer -> answer.status() == 201);
		long postId = ((Number) ((Map<?, ?>) post.body().get("data")).get("id")).longValue();

		// load on the feed and on replies (through the gateway), plus our own writer and
		// reader
		assertThat(
				this.client.post("/api/fleet/load", "topology=microservices&feature=reply&rps=5&seconds=120").status())
			.isEqualTo(202);
		assertThat(
				this.client.post("/api/fleet/load", "topology=microservices&feature=feed&rps=10&seconds=120").status())
			.isEqualTo(202);
		ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
		AtomicInteger refused = new AtomicInteger();
		AtomicInteger reads = new AtomicInteger();
		ConcurrentLinkedQueue<String> failedReads = new ConcurrentLinkedQueue<>();
		AtomicLong sequence = new AtomicLong();
		ScheduledExecutorService traffic = Executors.newScheduledThreadPool(2);
		try {
			traffic.scheduleWithFixedDelay(() -> {
				String text = "reply " + sequence.incrementAndGet();
				FleetClient.Answer answer = this.client.post(
						"/api/store/microservices/posts/" + postId + "/replies?lang=en",
						"authorId=2&text=" + text.replace(' ', '+'));
				if (answer.status() == 201) {
					acknowledged.add(text);
				}
				else if ("Writes to this service are paused for a moment while it moves its data to a new version; try again in a second."
					.equals(answer.body().get("message"))) {
					refused.incrementAndGet();
				}
			}, 0, 40, TimeUnit.MILLISECONDS);
			// reads through the load balancer: what the switch must keep serving, without
			// the gateway's
			// breaker, which writes failing for other reasons (a slow machine) could open
			traffic.scheduleWithFixedDelay(() -> {
				FleetClient.Answer read = this.client
					.get("/lb/microservices/threads/api/threads/" + postId + "/replies");
				reads.incrementAndGet();
				if (read.status() != 200) {
					failedReads.add(read.status() + " " + read.body());
				}
			}, 0, 25, TimeUnit.MILLISECONDS);

			await().atMost(Duration.ofSeconds(90)).until(() -> acknowledged.size() >= 5);
			List<String> writtenOnJava = List.copyOf(acknowledged);

			assertThat(this.client.post("/api/fleet/services/microservices/threads/deploy", "version=v3").status())
				.isEqualTo(202);
			await().atMost(Duration.ofSeconds(120)).until(() -> settledOn("v3", "python"));
			Map<String, Object> python = readyThreads().get(0);
			assertThat((String) python.get("figures")).contains("Python");
			// memory is sampled every second: a just-started instance may not have its
			// first figure yet
			await("the Python instance's first memory figure").atMost(Duration.ofSeconds(10))
				.until(() -> ((Number) readyThreads().get(0).get("rssBytes")).longValue() > 0);
			assertThat(replyTexts(postId)).containsAll(writtenOnJava);

			int before = acknowledged.size();
			await().atMost(Duration.ofSeconds(90)).until(() -> acknowledged.size() >= before + 5);
			List<String> writtenSoFar = List.copyOf(acknowledged);

			assertThat(this.client.post("/api/fleet/services/microservices/threads/rollback", "").status())
				.isEqualTo(202);
			await().atMost(Duration.ofSeconds(120)).until(() -> settledOn("v1", "java"));
			assertThat(replyTexts(postId)).containsAll(writtenSoFar);
			int afterRollback = acknowledged.size();
			await().atMost(Duration.ofSeconds(90)).until(() -> acknowledged.size() >= afterRollback + 5);
		}
		finally {
			traffic.shutdownNow();
			assertThat(traffic.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
			this.client.post("/api/fleet/load/stop", "");
		}

		List<String> all = replyTexts(postId);
		Map<String, Integer> counts = new HashMap<>();
		all.forEach(t -> counts.merge(t, 1, Integer::sum));
		List<String> doubled = new ArrayList<>();
		counts.forEach((text, n) -> {
			if (n > 1) {
				doubled.add(text);
			}
		});
		assertThat(doubled).as("replies stored twice").isEmpty();
		assertThat(all).as("every acknowledged reply, after the deploy and the rollback").containsAll(acknowledged);
		assertThat(failedReads).as("failed reads out of %d", reads.get()).isEmpty();
		assertThat(reads.get()).isPositive();

		List<String> events = events();
		assertThat(events).anyMatch(e -> e.startsWith("Threads: writes paused to move the replies from v1 to v3"));
		assertThat(events).anyMatch(e -> e.matches("Threads: \\d+ replies moved from v1 to v3 in \\d+ ms"));
		assertThat(events).anyMatch(e -> e.matches("Threads: \\d+ replies moved from v3 to v1 in \\d+ ms"));
		assertThat(events).anyMatch(
				e -> e.matches("Threads: writes resumed after a pause of \\d+ ms; \\d+ writes refused meanwhile"));
		// the refusals our writer saw are among those the live view counted for the last
		// pause or before
		Map<String, Object> service = threadsService();
		assertThat(service.get("versions")).isEqualTo(List.of("v1", "v2", "v3"));
		assertThat(service.get("writesPaused")).isEqualTo(false);
		assertThat(((Number) service.get("writePauseMs")).longValue()).isPositive();
	}

	@Test
	void theMonolithRefusesVersionThreeInTheCallersLanguage() {
		FleetClient.Answer en = this.client.post("/api/fleet/services/monolith/monolith/deploy?lang=en", "version=v3");
		assertThat(en.status()).isEqualTo(400);
		assertThat(en.body()).containsEntry("code", "fleet.error.versionMonolith");
		assertThat((String) en.body().get("detail")).startsWith("The monolith cannot run v3");
		FleetClient.Answer fa = this.client.post("/api/fleet/services/monolith/monolith/deploy?lang=fa", "version=v3");
		assertThat(fa.status()).isEqualTo(400);
		assertThat((String) fa.body().get("detail")).startsWith("مونولیت نمی‌تواند v3 را اجرا کند");
		FleetClient.Answer posts = this.client.post("/api/fleet/services/microservices/posts/deploy?lang=en",
				"version=v3");
		assertThat(posts.status()).isEqualTo(400);
		assertThat(posts.body()).containsEntry("code", "fleet.error.versionFor");
		assertThat((String) posts.body().get("detail"))
			.isEqualTo("v3 is only for Threads in the microservices; Posts can run v1 or v2.");
		FleetClient.Answer unknown = this.client.post("/api/fleet/services/microservices/threads/deploy?lang=en",
				"version=v9");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat((String) unknown.body().get("detail")).isEqualTo("Choose one of these versions: v1, v2, v3.");
		assertThat(threadsService().get("version")).isEqualTo("v1");
	}

	@Test
	void badChaosValuesAreRefusedInTheCallersLanguageAndChangeNothing() {
		String payments = readyId("payments");
		FleetClient.Answer hang = this.client.post("/api/fleet/instances/" + payments + "/chaos?lang=en",
				"hangShare=2");
		assertThat(hang.status()).isEqualTo(400);
		assertThat(hang.body()).containsEntry("code", "fleet.error.hangShare")
			.containsEntry("detail", "The share of hung requests must be a number from 0 to 1.");
		FleetClient.Answer hangFa = this.client.post("/api/fleet/instances/" + payments + "/chaos?lang=fa",
				"hangShare=abc");
		assertThat(hangFa.status()).isEqualTo(400);
		assertThat(hangFa.body()).containsEntry("detail", "سهم درخواست‌های بی‌پاسخ باید عددی بین ۰ و ۱ باشد.");
		FleetClient.Answer jitter = this.client.post("/api/fleet/instances/" + payments + "/chaos?lang=en",
				"latencyMs=100&jitterMs=-5");
		assertThat(jitter.status()).isEqualTo(400);
		assertThat(jitter.body()).containsEntry("code", "fleet.error.jitter");
		FleetClient.Answer jitterFa = this.client.post("/api/fleet/instances/" + payments + "/chaos", "jitterMs=99999",
				"Accept-Language", "fa");
		assertThat(jitterFa.status()).isEqualTo(400);
		assertThat((String) jitterFa.body().get("detail")).startsWith("تغییر تصادفی تأخیر باید عددی صحیح از");
		assertThat(this.client.instance(payments).get("chaos"))
			.isEqualTo(Map.of("latencyMs", 0, "latencyShare", 0.0, "errorShare", 0.0, "hangShare", 0.0, "jitterMs", 0));
	}

	@Test
	void aHungPaymentsIsAnsweredByTheFallbackInTimeWithResilienceAndWaitedForWithout() {
		String payments = readyId("payments");
		assertThat(this.client.post("/api/fleet/instances/" + payments + "/chaos", "hangShare=1").status())
			.isEqualTo(200);
		assertThat(this.client.instance(payments).get("chaos"))
			.isEqualTo(Map.of("latencyMs", 0, "latencyShare", 0.0, "errorShare", 0.0, "hangShare", 1.0, "jitterMs", 0));

		FleetClient.Answer guarded = tip();
		assertThat(guarded.status()).isEqualTo(503);
		assertThat(guarded.body()).containsEntry("message", "Tips are unavailable right now.");
		// the bound: a tip to a hung Payments is answered within 1.5 s
		assertThat(((Number) guarded.body().get("waitedMs")).longValue()).isLessThanOrEqualTo(1500);

		this.client.post("/api/fleet/settings", "resilience=false");
		FleetClient.Answer unguarded = tip();
		assertThat(unguarded.status()).isEqualTo(504);
		long waited = ((Number) unguarded.body().get("waitedMs")).longValue();
		assertThat(waited).as("without a timeout the page waits until the gateway's patience runs out")
			.isGreaterThan(((Number) guarded.body().get("waitedMs")).longValue())
			.isGreaterThanOrEqualTo(10_000);
		assertThat((String) unguarded.body().get("message")).startsWith("No answer after ")
			.contains("without a timeout");
	}

	private FleetClient.Answer tip() {
		return this.client.post("/api/store/microservices/tips?lang=en",
				"fromUserId=2&toUserId=1&amountCents=100&idempotencyKey=hang-" + System.nanoTime());
	}

	private String readyId(String service) {
		return this.client.instances()
			.stream()
			.filter(i -> service.equals(i.get("service")) && "ready".equals(i.get("state")))
			.map(i -> (String) i.get("id"))
			.findFirst()
			.orElseThrow();
	}

}
