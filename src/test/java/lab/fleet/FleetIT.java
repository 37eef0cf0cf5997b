package lab.fleet;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import lab.FleetTest;
import lab.fleet.supervisor.Fleet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The control plane on real processes: failures, isolation, scaling, rolling deploys, bad
 * input.
 */
@FleetTest
class FleetIT {

	@LocalServerPort
	int port;

	@Autowired
	Fleet fleet;

	private FleetClient client;

	@BeforeEach
	void fleetIsUp() {
		this.client = new FleetClient(this.port);
		this.client.heal();
	}

	private String ready(String service) {
		return this.client.instances()
			.stream()
			.filter(i -> service.equals(i.get("service")) && "ready".equals(i.get("state")))
			.map(i -> (String) i.get("id"))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void killingPaymentsKeepsTheFeedAndDegradesTips() {
		String payments = ready("payments");
		assertThat(this.client.post("/api/fleet/instances/" + payments + "/kill", "").status()).isEqualTo(200);
		assertThat(this.client.instance(payments).get("state")).isEqualTo("killed");
		FleetClient.Answer feed = this.client.get("/api/store/microservices/feed");
		assertThat(feed.status()).isEqualTo(200);
		assertThat((List<?>) ((Map<?, ?>) feed.body().get("data")).get("posts")).isNotEmpty();
		FleetClient.Answer tip = this.client.post("/api/store/microservices/tips?lang=en",
				"fromUserId=2&toUserId=1&amountCents=100&idempotencyKey=kill-test-" + System.nanoTime());
		assertThat(tip.status()).isEqualTo(503);
		assertThat(tip.body().get("message")).isEqualTo("Tips are unavailable right now.");
		FleetClient.Answer tipFa = this.client.post("/api/store/microservices/tips?lang=fa",
				"fromUserId=2&toUserId=1&amountCents=100&idempotencyKey=kill-test-" + System.nanoTime());
		assertThat(tipFa.body().get("message")).isEqualTo("انعام دادن در حال حاضر ممکن نیست.");
		this.client.post("/api/fleet/instances/" + payments + "/start", "");
		this.client.awaitReady(payments);
	}

	@Test
	void killingUsersShowsPostsWithoutNames() {
		String users = ready("users");
		this.client.post("/api/fleet/instances/" + users + "/kill", "");
		FleetClient.Answer feed = this.client.get("/api/store/microservices/feed");
		assertThat(feed.status()).isEqualTo(200);
		Map<?, ?> data = (Map<?, ?>) feed.body().get("data");
		assertThat(data.get("degraded")).isEqualTo(true);
		assertThat((List<?>) data.get("posts")).allSatisfy(p -> assertThat(((Map<?, ?>) p).get("authorName")).isNull());
		this.client.post("/api/fleet/instances/" + users + "/start", "");
		this.client.awaitReady(users);
	}

	@Test
	void withoutResilienceAFailedUsersServiceTakesTheFeedDownToo() {
		String users = ready("users");
		this.client.post("/api/fleet/instances/" + users + "/kill", "");
		assertThat(this.client.get("/api/store/microservices/feed").status()).isEqualTo(200);
		assertThat(this.client.post("/api/fleet/settings", "resilience=false").status()).isEqualTo(200);
		FleetClient.Answer feed = this.client.get("/api/store/microservices/feed?lang=en");
		assertThat(feed.status()).isGreaterThanOrEqualTo(500);
		assertThat(feed.body().get("ok")).isEqualTo(false);
		this.client.post("/api/fleet/settings", "resilience=true");
		assertThat(this.client.get("/api/store/microservices/feed").status()).isEqualTo(200);
		this.client.post("/api/fleet/instances/" + users + "/start", "");
		this.client.awaitReady(users);
	}

	@Test
	void aCrashInTheMonolithTakesEveryFeatureDown() {
		String monolith = ready("monolith");
		assertThat(this.client.post("/api/fleet/instances/" + monolith + "/crash", "").status()).isEqualTo(200);
		this.client.await("the monolith has crashed",
				all -> all.stream().anyMatch(i -> monolith.equals(i.get("id")) && "crashed".equals(i.get("state"))),
				Duration.ofSeconds(5));
		assertThat(this.client.get("/api/store/monolith/feed").status()).isEqualTo(503);
		assertThat(this.client.get("/api/store/monolith/users").status()).isEqualTo(503);
		assertThat(this.client
			.post("/api/store/monolith/tips",
					"fromUserId=2&toUserId=1&amountCents=5&idempotencyKey=crash-" + System.nanoTime())
			.status()).isEqualTo(503);
		assertThat(this.client.get("/api/store/microservices/feed").status()).isEqualTo(200);
		this.client.post("/api/fleet/instances/" + monolith + "/start", "");
		this.client.awaitReady(monolith);
	}

	@Test
	void theSiteServesTheDatabasesSoKillingAnInstanceNeverTakesOneFromTheOthers() {
		for (String service : List.of("monolith", "users", "posts", "payments")) {
			Map<?, ?> database = database(ready(service));
			assertThat(database.get("served")).as(service + ": its database is served by the site").isEqualTo(true);
			assertThat(database.get("host")).as(service + ": holds no database file").isEqualTo(false);
		}
		this.client.post("/api/fleet/services/microservices/payments/scale", "replicas=2");
		this.client.await("two payments instances ready", all -> readyIds(all, "payments").size() == 2,
				Duration.ofSeconds(30));
		List<String> both = readyIds(this.client.instances(), "payments");
		String killed = both.get(0);
		String survivor = both.get(1);
		assertThat(this.client.post("/api/fleet/instances/" + killed + "/kill", "").status()).isEqualTo(200);
		FleetClient.Answer tip = this.client.post("/api/store/microservices/tips?lang=en",
				"fromUserId=2&toUserId=1&amountCents=100&idempotencyKey=served-" + System.nanoTime());
		assertThat(tip.status()).as("a tip right after the kill: %s", tip.body()).isEqualTo(201);
		assertThat(database(survivor).get("reconnects")).as("the survivor never lost its database").isEqualTo(0);
		this.client.post("/api/fleet/instances/" + killed + "/start", "");
		this.client.awaitReady(killed);
		this.client.post("/api/fleet/services/microservices/payments/scale", "replicas=1");
		this.client.await("one payments instance", all -> readyIds(all, "payments").size() == 1,
				Duration.ofSeconds(30));
	}

	private Map<?, ?> database(String instanceId) {
		int instancePort = ((Number) this.client.instance(instanceId).get("port")).intValue();
		FleetClient.Answer info = new FleetClient(instancePort).get("/info");
		assertThat(info.status()).isEqualTo(200);
		return (Map<?, ?>) info.body().get("database");
	}

	private static List<String> readyIds(List<Map<String, Object>> all, String service) {
		return all.stream()
			.filter(i -> service.equals(i.get("service")) && "ready".equals(i.get("state")))
			.map(i -> (String) i.get("id"))
			.sorted()
			.toList();
	}

	@Test
	void scalingToThreeSendsTrafficToAllThree() {
		this.client.post("/api/fleet/services/microservices/posts/scale", "replicas=3");
		this.client.await("three posts instances ready",
				all -> all.stream()
					.filter(i -> "posts".equals(i.get("service")) && "ready".equals(i.get("state")))
					.count() == 3,
				Duration.ofSeconds(30));
		Set<Object> answeredBy = new HashSet<>();
		for (int n = 0; n < 30; n++) {
			answeredBy.add(this.client.get("/api/store/microservices/feed").body().get("instance"));
		}
		assertThat(answeredBy).hasSize(3);
		this.client.post("/api/fleet/services/microservices/posts/scale", "replicas=1");
		this.client.await("one posts instance",
				all -> all.stream()
					.filter(i -> "posts".equals(i.get("service")) && "ready".equals(i.get("state")))
					.count() == 1,
				Duration.ofSeconds(30));
	}

	@Test
	void aRollingDeployUnderLoadLosesNoRequest() throws InterruptedException {
		AtomicInteger sent = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		Thread load = new Thread(() -> {
			long until = System.nanoTime() + Duration.ofSeconds(40).toNanos();
			while (!Thread.currentThread().isInterrupted() && System.nanoTime() < until) {
				FleetClient.Answer a = this.client.get("/api/store/microservices/feed");
				sent.incrementAndGet();
				if (a.status() != 200 || !Boolean.TRUE.equals(a.body().get("ok"))) {
					failed.incrementAndGet();
				}
			}
		});
		load.start();
		this.client.post("/api/fleet/services/microservices/posts/scale", "replicas=2");
		this.client.await("two posts instances",
				all -> all.stream()
					.filter(i -> "posts".equals(i.get("service")) && "ready".equals(i.get("state")))
					.count() == 2,
				Duration.ofSeconds(30));
		String target = "v1".equals(this.fleet.group(new ServiceId(Topology.MICROSERVICES, "posts")).version()) ? "v2"
				: "v1";
		assertThat(this.client.post("/api/fleet/services/microservices/posts/deploy", "version=" + target).status())
			.isEqualTo(202);
		this.client.await("posts fully on " + target,
				all -> all.stream()
					.filter(i -> "posts".equals(i.get("service")) && "ready".equals(i.get("state")))
					.allMatch(i -> target.equals(i.get("version")))
						&& this.fleet.group(new ServiceId(Topology.MICROSERVICES, "posts")).activity() == null,
				Duration.ofSeconds(40));
		while (sent.get() < 1000 && load.isAlive()) {
			Thread.sleep(50);
		}
		load.interrupt();
		load.join();
		assertThat(sent.get()).isGreaterThanOrEqualTo(1000);
		assertThat(failed.get()).isZero();
		this.client.post("/api/fleet/services/microservices/posts/scale", "replicas=1");
	}

	@Test
	void unknownTargetsAreNotFoundAndBadValuesAreRefusedInTheCallersLanguage() {
		FleetClient.Answer unknown = this.client.post("/api/fleet/instances/nope-9/kill", "", "Accept-Language", "fa");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat((String) unknown.body().get("detail")).contains("وجود ندارد");
		assertThat(this.client.post("/api/fleet/services/microservices/nope/scale", "replicas=2").status())
			.isEqualTo(404);
		for (String replicas : List.of("0", "99", "abc", "")) {
			FleetClient.Answer bad = this.client.post("/api/fleet/services/microservices/posts/scale",
					"replicas=" + replicas, "Accept-Language", "en");
			assertThat(bad.status()).as(replicas).isEqualTo(400);
			assertThat(bad.body().get("detail")).isEqualTo("Choose between 1 and 5 instances.");
		}
		String posts = ready("posts");
		assertThat(this.client.post("/api/fleet/instances/" + posts + "/chaos", "latencyMs=-1").status())
			.isEqualTo(400);
		assertThat(this.client.post("/api/fleet/instances/" + posts + "/chaos", "errorShare=2.0").status())
			.isEqualTo(400);
		assertThat(this.client.post("/api/fleet/load", "topology=monolith&feature=feed&rps=1000000000&seconds=10")
			.status()).isEqualTo(400);
		assertThat(this.client.post("/api/fleet/services/microservices/posts/deploy", "version=v9").status())
			.isEqualTo(400);
		FleetClient.Answer form = this.client.post("/api/store/microservices/posts?lang=fa", "authorId=1&text=");
		assertThat(form.status()).isEqualTo(400);
		assertThat(((Map<?, ?>) form.body().get("fields")).get("text")).isEqualTo("متنی بین ۱ تا ۲۸۰ نویسه بنویسید.");
	}

	@Test
	void chaosErrorsOpenTheCircuitBreakerAndTheFallbackAnswersFast() {
		String payments = ready("payments");
		this.client.post("/api/fleet/instances/" + payments + "/chaos", "errorShare=1");
		for (int n = 0; n < 8; n++) {
			this.client.post("/api/store/microservices/tips",
					"fromUserId=2&toUserId=1&amountCents=5&idempotencyKey=chaos-" + System.nanoTime());
		}
		assertThat(this.fleet.resilience()).isTrue();
		assertThat(this.client.get("/api/fleet").body().toString()).contains("breaker=open");
		long start = System.nanoTime();
		FleetClient.Answer tip = this.client.post("/api/store/microservices/tips",
				"fromUserId=2&toUserId=1&amountCents=5&idempotencyKey=chaos-" + System.nanoTime());
		long millis = (System.nanoTime() - start) / 1_000_000;
		assertThat(tip.status()).isEqualTo(503);
		assertThat(millis).isLessThan(500);
		this.client.post("/api/fleet/instances/" + payments + "/chaos", "errorShare=0");
	}

}
