package lab.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import lab.FleetTest;

/**
 * Retries and the deadline budget on the live fleet, with real processes: the attempts a
 * hung service receives multiply with the retries of every hop (a retry storm), the
 * deadline budget ends the call within its budget with fewer attempts, a request whose
 * budget is already spent is answered at once without work, and bad settings are refused
 * in the caller's language.
 */
@FleetTest
class RetryStormIT {

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
		this.client.heal();
	}

	@Test
	void retriesMultiplyTheAttemptsAHungPaymentsReceivesAndTheDeadlineStopsThem() {
		breakerClosedOnSuccesses();
		assertThat(this.client.post("/api/fleet/settings", "retries=2").body()).containsEntry("retries", 2)
			.containsEntry("deadline", false);
		hang("payments");

		long before = received("payments");
		long retriedBefore = retried("payments");
		FleetClient.Answer storm = tip();
		assertThat(storm.status()).isEqualTo(503);
		assertThat(storm.body()).containsEntry("message", "Tips are unavailable right now.")
			.containsEntry("attempts", 3)
			.containsEntry("deadlineSpent", false);
		assertThat(received("payments") - before).as("attempts Payments received for one tip").isEqualTo(3);
		assertThat(retried("payments") - retriedBefore).isEqualTo(2);
		long waitedWithoutDeadline = waited(storm);

		assertThat(this.client.post("/api/fleet/settings", "deadline=true").body()).containsEntry("deadline", true)
			.containsEntry("retries", 2);
		long beforeBudget = received("payments");
		FleetClient.Answer budgeted = tip();
		assertThat(budgeted.status()).isEqualTo(503);
		assertThat(budgeted.body()).containsEntry("message", "Tips are unavailable right now.")
			.containsEntry("deadlineSpent", true);
		long attemptsWithDeadline = received("payments") - beforeBudget;
		assertThat(attemptsWithDeadline).as("attempts within the budget").isPositive().isLessThan(3);
		assertThat(((Number) budgeted.body().get("attempts")).longValue()).isEqualTo(attemptsWithDeadline);
		assertThat(waited(budgeted)).isLessThan(waitedWithoutDeadline)
			// the bound: a tip to a hung Payments is answered within 1.5 s
			.isLessThanOrEqualTo(1500);
		Map<String, Object> tipFigures = feature("microservices", "tip");
		assertThat(tipFigures).containsEntry("lastAttempts", (int) attemptsWithDeadline);
		assertThat(events()).contains("Retries per call: 2, at the gateway and in every service")
			.contains("Deadline budget on: each storefront call and every call behind it share 1200 ms");
	}

	@Test
	void aHungUsersGetsTheRetriesOfEveryHopMultipliedUnlessTheBudgetEndsThem() {
		breakerClosedOnSuccesses();
		this.client.post("/api/fleet/settings", "retries=2");
		hang("users");

		// three tries at the gateway, three tries of Users in Payments for each of them
		long before = received("users");
		long paymentsBefore = received("payments");
		assertThat(tip().status()).isEqualTo(503);
		await("nine calls reach Users for one tip").atMost(Duration.ofSeconds(20))
			.until(() -> received("users") - before >= 9);
		assertThat(received("payments") - paymentsBefore).isEqualTo(3);
		long storm = received("users") - before;
		assertThat(storm).isEqualTo(9);

		breakerClosedOnSuccesses();
		hang("users");
		this.client.post("/api/fleet/settings", "deadline=true");
		long beforeBudget = received("users");
		FleetClient.Answer budgeted = tip();
		assertThat(budgeted.status()).isEqualTo(503);
		long withBudget = settled(() -> received("users") - beforeBudget);
		assertThat(withBudget).as("calls to Users within one budget").isPositive().isLessThan(storm);
	}

	@Test
	void aRequestWhoseBudgetIsSpentIsAnsweredAtOnceWithoutWork() {
		Map<String, Object> threads = readyInstance("threads");
		String direct = "http://127.0.0.1:" + threads.get("port");
		// any request that got to work would now hang
		this.client.post("/api/fleet/instances/" + threads.get("id") + "/chaos", "hangShare=1");

		FleetClient.Answer viaBalancer = this.client.get("/lb/microservices/threads/api/threads/1/replies",
				"X-Deadline-Ms", "0");
		assertThat(viaBalancer.status()).isEqualTo(504);
		assertThat(viaBalancer.body()).containsEntry("code", "deadline.exceeded");

		FleetClient other = new FleetClient(((Number) threads.get("port")).intValue());
		FleetClient.Answer read = other.get("/api/threads/1/replies", "X-Deadline-Ms", "0");
		assertThat(read.status()).isEqualTo(504);
		assertThat(read.body()).containsEntry("code", "deadline.exceeded");
		String text = "too+late+" + System.nanoTime();
		FleetClient.Answer write = other.postJson("/api/threads/1/replies",
				"{\"authorId\":1,\"text\":\"" + text.replace('+', ' ') + "\"}", "X-Deadline-Ms", "-1");
		assertThat(write.status()).isEqualTo(504);

		this.client.post("/api/fleet/instances/" + threads.get("id") + "/chaos", "hangShare=0");
		FleetClient.Answer replies = other.get("/api/threads/1/replies", "X-Deadline-Ms", "5000");
		assertThat(replies.status()).as(direct).isEqualTo(200);
		assertThat(replies.body().get("replies").toString()).doesNotContain(text.replace('+', ' '));
	}

	@Test
	void badSettingsAndDeadlinesAreRefusedInTheCallersLanguageAndChangeNothing() {
		FleetClient.Answer seven = this.client.post("/api/fleet/settings?lang=en", "retries=7");
		assertThat(seven.status()).isEqualTo(400);
		assertThat(seven.body()).containsEntry("code", "fleet.error.retries")
			.containsEntry("detail", "Retries must be a whole number from 0 to 3.");
		FleetClient.Answer fa = this.client.post("/api/fleet/settings?lang=fa", "retries=two");
		assertThat(fa.status()).isEqualTo(400);
		assertThat((String) fa.body().get("detail")).startsWith("تعداد تلاش دوباره باید عددی صحیح از");
		FleetClient.Answer half = this.client.post("/api/fleet/settings?lang=en", "retries=2&deadline=maybe");
		assertThat(half.status()).isEqualTo(400);
		assertThat(half.body()).containsEntry("code", "fleet.error.onOff");
		assertThat(settings()).containsEntry("retries", 0).containsEntry("deadline", false);

		FleetClient.Answer header = this.client.get("/lb/microservices/users/api/users?lang=en", "X-Deadline-Ms",
				"soon");
		assertThat(header.status()).isEqualTo(400);
		assertThat(header.body()).containsEntry("code", "fleet.error.deadlineHeader");
		FleetClient.Answer headerFa = this.client.get("/lb/microservices/users/api/users", "X-Deadline-Ms", "1.5",
				"Accept-Language", "fa");
		assertThat(headerFa.status()).isEqualTo(400);
		assertThat((String) headerFa.body().get("detail")).startsWith("سرآیند X-Deadline-Ms");
	}

	/**
	 * Ten good tips, so the breaker's window of ten holds successes and a test's few
	 * failures cannot open it half-way through a call.
	 */
	private void breakerClosedOnSuccesses() {
		this.client.heal();
		for (int n = 0; n < 10; n++) {
			await().atMost(Duration.ofSeconds(20)).until(this::tip, answer -> answer.status() < 300);
		}
	}

	private FleetClient.Answer tip() {
		return this.client.post("/api/store/microservices/tips?lang=en",
				"fromUserId=2&toUserId=1&amountCents=100&idempotencyKey=storm-" + System.nanoTime());
	}

	private void hang(String service) {
		assertThat(
				this.client.post("/api/fleet/instances/" + readyInstance(service).get("id") + "/chaos", "hangShare=1")
					.status())
			.isEqualTo(200);
	}

	private static long waited(FleetClient.Answer answer) {
		return ((Number) answer.body().get("waitedMs")).longValue();
	}

	/** A figure that keeps changing for a while: its value once two readings agree. */
	private static long settled(java.util.function.LongSupplier figure) {
		AtomicLong last = new AtomicLong(Long.MIN_VALUE);
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> last.getAndSet(figure.getAsLong()) == last.get());
		return last.get();
	}

	private long received(String service) {
		return ((Number) service(service).get("attempts")).longValue();
	}

	private long retried(String service) {
		return ((Number) service(service).get("retried")).longValue();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> service(String name) {
		for (Map<String, Object> t : topologies()) {
			for (Map<String, Object> s : (List<Map<String, Object>>) t.get("services")) {
				if ("microservices".equals(s.get("topology")) && name.equals(s.get("name"))) {
					return s;
				}
			}
		}
		throw new AssertionError("no service " + name);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> feature(String topology, String feature) {
		Map<String, Object> t = topologies().stream()
			.filter(x -> topology.equals(x.get("id")))
			.findFirst()
			.orElseThrow();
		return (Map<String, Object>) ((Map<String, Object>) t.get("features")).get(feature);
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> topologies() {
		return (List<Map<String, Object>>) this.client.get("/api/fleet?lang=en").body().get("topologies");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> settings() {
		return (Map<String, Object>) this.client.get("/api/fleet?lang=en").body().get("settings");
	}

	@SuppressWarnings("unchecked")
	private List<String> events() {
		return ((List<Map<String, Object>>) this.client.get("/api/fleet?lang=en").body().get("events")).stream()
			.map(e -> (String) e.get("text"))
			.toList();
	}

	private Map<String, Object> readyInstance(String service) {
		return this.client.instances()
			.stream()
			.filter(i -> service.equals(i.get("service")) && "microservices".equals(i.get("topology"))
					&& "ready".equals(i.get("state")))
			.findFirst()
			.orElseThrow();
	}

}
