package lab.chassis;

import static lab.chassis.MicroservicesIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import lab.chassis.http.Json;

/**
 * One contract, two implementations: the HTTP contract of the Threads service (business
 * routes, problem codes, health, readiness, info, chaos, settings, the data export and
 * import, crash and SIGTERM), run against real processes. Each subclass says how to start
 * its Threads; both get real Java Users and Posts as peers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ThreadsContract {

	private Path dir;

	private DemoProcess users;

	private DemoProcess posts;

	private DemoProcess threads;

	/**
	 * The command of the implementation under test, without its peers and data folder.
	 */
	abstract LaunchCommand threadsCommand();

	/** What the implementation says in {@code /info} as its runtime. */
	abstract String runtime();

	@BeforeAll
	void startFleet() throws Exception {
		dir = Files.createTempDirectory("threads-contract-");
		users = DemoProcess.start(LaunchCommand.of("users").dataDir(dir.resolve("users")).arg("log", "none"));
		posts = DemoProcess.start(
				LaunchCommand.of("posts").dataDir(dir.resolve("posts")).peer("users", users.url()).arg("log", "none"));
		threads = startThreads("threads");
	}

	@AfterAll
	void stopFleet() {
		for (DemoProcess p : new DemoProcess[] { threads, posts, users }) {
			if (p != null) {
				p.close();
			}
		}
	}

	@AfterEach
	void heal() throws Exception {
		Http.post(threads.url() + "/chaos",
				Json.object("latencyMs", 0, "latencyShare", 0, "errorShare", 0, "hangShare", 0, "jitterMs", 0));
		Http.post(threads.url() + "/settings", Json.object("peerTimeoutMs", 1000, "fallbacks", true, "retries", 0));
		Http.post(posts.url() + "/chaos", Json.object("errorShare", 0, "hangShare", 0));
	}

	private DemoProcess startThreads(String folder) {
		return DemoProcess.start(threadsCommand().dataDir(dir.resolve(folder))
			.peer("posts", posts.url())
			.peer("users", users.url())
			.scriptDir(dir.resolve("script"))
			.arg("log", "none"));
	}

	private String replies(long postId) {
		return threads.url() + "/api/threads/" + postId + "/replies";
	}

	@Test
	void theSeededReplyIsUnderPostTwoWithItsAuthorsName() throws Exception {
		Http.Response answer = Http.get(replies(2));
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.header("Content-Type")).startsWith("application/json");
		assertThat(answer.json()).containsEntry("postId", 2L).containsEntry("degraded", false);
		Map<String, Object> seeded = answer.list("replies").get(0);
		String grace = (String) Http.get(users.url() + "/api/users/3").json().get("name");
		assertThat(seeded).containsEntry("postId", 2L)
			.containsEntry("authorId", 3L)
			.containsEntry("authorName", grace)
			.containsEntry("text", "Only if we give them good error messages.");
		assertThat(Instant.parse((String) seeded.get("createdAt"))).isBefore(Instant.now());
	}

	@Test
	void aReplyIsAcknowledgedWithItsIdAndReadBackInOrder() throws Exception {
		long postId = newPost();
		Http.Response first = Http.post(replies(postId), Json.object("authorId", 1, "text", "  first  "));
		Http.Response second = Http.post(replies(postId), Json.object("authorId", 2, "text", "دومی، به فارسی"));
		assertThat(first.status()).isEqualTo(201);
		assertThat(second.status()).isEqualTo(201);
		assertThat(first.json()).containsEntry("postId", postId)
			.containsEntry("authorId", 1L)
			.containsEntry("text", "first")
			.containsKeys("id", "authorName", "createdAt");
		assertThat((Long) second.json().get("id")).isGreaterThan((Long) first.json().get("id"));

		List<Map<String, Object>> read = Http.get(replies(postId)).list("replies");
		assertThat(read).extracting(r -> r.get("id")).containsExactly(first.json().get("id"), second.json().get("id"));
		assertThat(read.get(1)).containsEntry("text", "دومی، به فارسی")
			.containsEntry("authorName", second.json().get("authorName"));
		assertThat(Http.get(replies(postId)).header("X-Instance")).isEqualTo("threads-1");
	}

	@Test
	void badRepliesAreRefusedWithTheSameCodes() throws Exception {
		long postId = newPost();
		assertProblem(Http.post(replies(postId), Json.object("text", "who?")), 400, "reply.authorId.required");
		assertProblem(Http.post(replies(postId), Json.object("authorId", 1, "text", "   ")), 400, "reply.text.size");
		assertProblem(Http.post(replies(postId), Json.object("authorId", 1, "text", "x".repeat(281))), 400,
				"reply.text.size");
		assertThat(Http.post(replies(postId), Json.object("authorId", 1, "text", "ی".repeat(280))).status())
			.isEqualTo(201);
		assertProblem(Http.post(replies(postId), Json.object("authorId", "one", "text", "hi")), 400,
				"request.field.type");
		assertProblem(Http.post(replies(postId), Json.object("authorId", 1.5, "text", "hi")), 400,
				"request.field.type");
		assertProblem(Http.post(replies(postId), Json.object("authorId", 1, "text", 7)), 400, "request.field.type");
		assertProblem(Http.post(replies(postId), Json.object("authorId", 999_999, "text", "hi")), 400, "user.notFound");
		assertProblem(Http.post(replies(999_999), Json.object("authorId", 1, "text", "hi")), 404, "post.notFound");
		assertProblem(Http.postRaw(replies(postId), "{\"authorId\": 1,"), 400, "request.json.malformed");
		assertProblem(Http.postRaw(replies(postId), "[1]"), 400, "request.json.malformed");
		assertProblem(Http.postRaw(replies(postId), ""), 400, "request.json.malformed");
		assertProblem(Http.postRaw(replies(postId), "{\"authorId\":1,\"text\":\"" + "x".repeat(70_000) + "\"}"), 400,
				"request.tooLarge");
		assertProblem(Http.get(threads.url() + "/api/threads/abc/replies"), 400, "request.path.invalid");
		assertProblem(Http.get(replies(999_999)), 404, "post.notFound");
		assertThat(Http.get(replies(postId)).list("replies")).hasSize(1);
	}

	@Test
	void unknownRoutesAndMethodsAreProblems() throws Exception {
		assertProblem(Http.get(threads.url() + "/api/nothing"), 404, "route.notFound");
		Http.Response put = Http
			.send(HttpRequest.newBuilder(URI.create(replies(2))).PUT(HttpRequest.BodyPublishers.ofString("{}")));
		assertProblem(put, 405, "request.method.notAllowed");
		assertThat(put.header("Allow")).contains("GET").contains("POST");
	}

	@Test
	void healthReadinessAndInfoTellWhoAnswers() throws Exception {
		assertThat(Http.get(threads.url() + "/health/live").json()).containsEntry("status", "UP");
		assertThat(Http.get(threads.url() + "/health/ready").json()).containsEntry("status", "UP");
		Http.Response info = Http.get(threads.url() + "/info");
		assertThat(info.json()).containsEntry("role", "threads")
			.containsEntry("instance", "threads-1")
			.containsEntry("pid", threads.pid())
			.containsEntry("port", (long) threads.port())
			.containsEntry("state", "READY")
			.containsEntry("runtime", runtime())
			.containsEntry("modules", List.of("threads"));
		assertThat(info.header("X-Version")).isEqualTo(info.json().get("version"));
		assertThat(threads.readyLinePid()).isEqualTo(threads.pid());
	}

	@Test
	void chaosFailsBusinessRequestsButNeverHealth() throws Exception {
		Map<String, Object> set = Http.post(threads.url() + "/chaos", Json.object("errorShare", 1.0)).json();
		assertThat(set).containsEntry("errorShare", 1.0)
			.containsEntry("latencyMs", 0L)
			.containsEntry("hangShare", 0.0)
			.containsEntry("jitterMs", 0L)
			.containsEntry("latencyShare", 0.0);
		assertProblem(Http.get(replies(2)), 500, "chaos.error");
		assertThat(Http.get(threads.url() + "/health/ready").status()).isEqualTo(200);
		assertThat(Http.get(threads.url() + "/chaos").json()).containsEntry("errorShare", 1.0);
	}

	@Test
	void latencyWithJitterDelaysABusinessRequest() throws Exception {
		Http.post(threads.url() + "/chaos", Json.object("latencyMs", 400, "jitterMs", 100, "latencyShare", 1.0));
		long start = System.nanoTime();
		assertThat(Http.get(replies(2)).status()).isEqualTo(200);
		assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
		assertThat(Http.get(threads.url() + "/chaos").json()).containsEntry("jitterMs", 100L);
	}

	@Test
	void aHungRequestIsNeverAnsweredUntilTheCallerGivesUp() throws Exception {
		Http.post(threads.url() + "/chaos", Json.object("hangShare", 1.0));
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create(replies(2))).timeout(Duration.ofMillis(700)).build();
		assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
			.isInstanceOf(HttpTimeoutException.class);
		// the process itself is fine: health answers, and so do business requests once
		// healed
		assertThat(Http.get(threads.url() + "/health/live").status()).isEqualTo(200);
		Http.post(threads.url() + "/chaos", Json.object("hangShare", 0));
		assertThat(Http.get(replies(2)).status()).isEqualTo(200);
	}

	@Test
	void badChaosAndSettingsValuesAreRefusedAndChangeNothing() throws Exception {
		assertProblem(Http.post(threads.url() + "/chaos", Json.object("hangShare", 1.5)), 400, "chaos.hangShare.range");
		assertProblem(Http.post(threads.url() + "/chaos", Json.object("jitterMs", -1)), 400, "chaos.jitterMs.range");
		assertProblem(Http.post(threads.url() + "/chaos", Json.object("jitterMs", 10_001)), 400,
				"chaos.jitterMs.range");
		assertProblem(Http.post(threads.url() + "/chaos", Json.object("latencyMs", 20_000)), 400,
				"chaos.latencyMs.range");
		assertProblem(Http.post(threads.url() + "/chaos", Json.object("errorShare", -0.1)), 400,
				"chaos.errorShare.range");
		assertProblem(Http.post(threads.url() + "/chaos", Json.object("latencyMs", "slow")), 400, "request.field.type");
		assertProblem(Http.post(threads.url() + "/chaos", Json.object("errorShare", 1, "hangShare", 2)), 400,
				"chaos.hangShare.range");
		assertThat(Http.get(threads.url() + "/chaos").json()).containsEntry("errorShare", 0.0)
			.containsEntry("hangShare", 0.0);
		assertProblem(Http.post(threads.url() + "/settings", Json.object("peerTimeoutMs", 0)), 400,
				"settings.peerTimeoutMs.range");
		assertProblem(Http.post(threads.url() + "/settings", Json.object("fallbacks", "yes")), 400,
				"settings.fallbacks.type");
		assertThat(Http.post(threads.url() + "/settings", Json.object("peerTimeoutMs", 250)).json())
			.containsEntry("peerTimeoutMs", 250L)
			.containsEntry("fallbacks", true);
	}

	@Test
	void readsDegradeWhenPostsFailsAndFallbacksAreOnAndFailWhenOff() throws Exception {
		long postId = newPost();
		assertThat(Http.post(replies(postId), Json.object("authorId", 1, "text", "before")).status()).isEqualTo(201);
		Http.post(posts.url() + "/chaos", Json.object("errorShare", 1.0));
		Http.Response degraded = Http.get(replies(postId));
		assertThat(degraded.status()).isEqualTo(200);
		assertThat(degraded.json()).containsEntry("degraded", true);
		assertThat(degraded.list("replies")).extracting(r -> r.get("text")).containsExactly("before");
		assertProblem(Http.post(replies(postId), Json.object("authorId", 1, "text", "now")), 503, "peer.unavailable");
		Http.post(threads.url() + "/settings", Json.object("fallbacks", false));
		assertProblem(Http.get(replies(postId)), 503, "peer.unavailable");
	}

	@Test
	void repliesExportAPageAtATimeAndImportWithTheirIds() throws Exception {
		long postId = newPost();
		Http.post(replies(postId), Json.object("authorId", 1, "text", "one"));
		Http.post(replies(postId), Json.object("authorId", 1, "text", "two"));
		Http.Response firstPage = Http.get(threads.url() + "/ops/replies?afterId=0&limit=1");
		assertThat(firstPage.list("replies")).hasSize(1);
		assertThat(firstPage.json().get("next")).isEqualTo(firstPage.list("replies").get(0).get("id"));
		long total = (Long) firstPage.json().get("total");
		assertThat(total).isGreaterThanOrEqualTo(3);

		Map<String, Object> moved = Json.object("id", 900_000, "postId", postId, "authorId", 2, "text", "moved here",
				"createdAt", "2026-01-02T03:04:05.678Z");
		Http.Response imported = Http.post(threads.url() + "/ops/replies", Json.object("replies", List.of(moved)));
		assertThat(imported.json()).containsEntry("imported", 1L).containsEntry("total", total + 1);
		// again: written over, not doubled
		assertThat(Http.post(threads.url() + "/ops/replies", Json.object("replies", List.of(moved))).json())
			.containsEntry("total", total + 1);
		List<Map<String, Object>> read = Http.get(replies(postId)).list("replies");
		assertThat(read).extracting(r -> r.get("text")).containsExactly("one", "two", "moved here");
		assertThat(Instant.parse((String) read.get(2).get("createdAt")))
			.isEqualTo(Instant.parse("2026-01-02T03:04:05.678Z"));
		Http.Response after = Http.post(replies(postId), Json.object("authorId", 1, "text", "after the import"));
		assertThat((Long) after.json().get("id")).isGreaterThan(900_000L);
		assertProblem(Http.post(threads.url() + "/ops/replies", Json.object("replies", "none")), 400,
				"request.field.type");
		assertProblem(Http.post(threads.url() + "/ops/replies", Json.object("replies", List.of(Json.object("id", 1)))),
				400, "request.field.type");
	}

	@Test
	void aCrashExitsWithSeventyAndSigtermDrainsWithOneFortyThree() throws Exception {
		try (DemoProcess crashing = startThreads("crash")) {
			assertThat(Http.post(crashing.url() + "/chaos/crash", Json.object()).status()).isEqualTo(202);
			assertThat(crashing.waitFor(5_000)).isEqualTo(OpsEndpoints.CRASH_EXIT_STATUS);
		}
		// stdin watch off: Process.destroy() also closes the child's stdin, which would
		// stop it too (with status 0)
		try (DemoProcess stopping = DemoProcess.start(threadsCommand().dataDir(dir.resolve("stop"))
			.peer("posts", posts.url())
			.peer("users", users.url())
			.scriptDir(dir.resolve("script"))
			.arg("watch-stdin", "false"))) {
			assertThat(stopping.terminate()).isEqualTo(ServiceMain.SIGTERM_STATUS);
			assertThat(Http.isRefused(stopping.url() + "/health/live")).isTrue();
		}
	}

	@Test
	void aRequestWhoseBudgetIsSpentIsAnsweredAtOnceAndDoesNoWork() throws Exception {
		long postId = newPost();
		// a request that got to work would now hang: the refusal comes before any of it
		Http.post(threads.url() + "/chaos", Json.object("hangShare", 1.0));
		assertProblem(Http.send(withDeadline(replies(postId), "0").GET()), 504, "deadline.exceeded");
		assertProblem(
				Http.send(withDeadline(replies(postId), "-20").header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers
						.ofString(Json.write(Json.object("authorId", 1, "text", "too late"))))),
				504, "deadline.exceeded");
		assertProblem(Http.send(withDeadline(replies(postId), "soon").GET()), 400, "request.deadline.invalid");
		Http.post(threads.url() + "/chaos", Json.object("hangShare", 0));
		assertThat(Http.get(replies(postId)).list("replies")).as("the late reply was not written").isEmpty();
		Http.Response inTime = Http.send(withDeadline(replies(postId), "5000").GET());
		assertThat(inTime.status()).isEqualTo(200);
		assertThat(Http.get(threads.url() + "/info").json()).containsKey("requests");
	}

	@Test
	void aFailedPeerCallIsRetriedAsSetAndNotPastTheCallersBudget() throws Exception {
		long postId = newPost();
		Http.post(threads.url() + "/settings", Json.object("peerTimeoutMs", 200));
		Http.post(posts.url() + "/chaos", Json.object("errorShare", 1.0));
		long once = received(posts, () -> Http.get(replies(postId)));
		assertThat(once).as("calls to Posts for one read, without retries").isPositive();
		assertThat(Http.post(threads.url() + "/settings", Json.object("retries", 2)).json()).containsEntry("retries",
				2L);
		long retriesBefore = counts(posts).get("retries");
		long thrice = received(posts, () -> Http.get(replies(postId)));
		assertThat(thrice).as("each failed call to Posts is tried three times").isEqualTo(3 * once);
		assertThat(counts(posts).get("retries") - retriesBefore).isEqualTo(2 * once);

		// a hung Posts: every attempt waits its whole timeout, unless the caller's budget
		// ends first
		Http.post(threads.url() + "/settings", Json.object("retries", 3));
		Http.post(posts.url() + "/chaos", Json.object("errorShare", 0, "hangShare", 1.0));
		long unbounded = received(posts, () -> Http.get(replies(postId)));
		long bounded = received(posts, () -> Http.send(withDeadline(replies(postId), "300").GET()));
		assertThat(unbounded).isEqualTo(4 * once);
		assertThat(bounded).as("attempts within a budget of 300 ms").isPositive().isLessThan(unbounded);
		assertProblem(Http.post(threads.url() + "/settings", Json.object("retries", 4)), 400, "settings.retries.range");
		assertProblem(Http.post(threads.url() + "/settings", Json.object("retries", "two")), 400,
				"settings.retries.range");
		assertThat(Http.get(threads.url() + "/settings").json()).containsEntry("retries", 3L);
	}

	/** A call the test makes, and the business requests Posts received meanwhile. */
	private long received(DemoProcess process, Call call) throws Exception {
		long before = counts(process).get("received");
		call.run();
		return counts(process).get("received") - before;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Long> counts(DemoProcess process) throws Exception {
		return (Map<String, Long>) Http.get(process.url() + "/info").json().get("requests");
	}

	private static HttpRequest.Builder withDeadline(String url, String millis) {
		return HttpRequest.newBuilder(URI.create(url)).header("X-Deadline-Ms", millis);
	}

	private interface Call {

		Object run() throws Exception;

	}

	private long newPost() throws Exception {
		Http.Response post = Http.post(posts.url() + "/api/posts",
				Json.object("authorId", 1, "text", "a post to reply to"));
		assertThat(post.status()).isEqualTo(201);
		return (Long) post.json().get("id");
	}

}
