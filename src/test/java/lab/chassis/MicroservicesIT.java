package lab.chassis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lab.chassis.http.Json;

/**
 * (b) Four services wired by peer URLs. Killing Users with SIGKILL leaves the feed
 * answering (without names, flagged degraded) while tips and replies, which must check
 * users, are refused with 503 peer.unavailable.
 */
class MicroservicesIT {

	@TempDir
	Path dir;

	DemoProcess users;

	DemoProcess posts;

	DemoProcess threads;

	DemoProcess payments;

	@AfterEach
	void stopAll() {
		for (DemoProcess p : new DemoProcess[] { payments, threads, posts, users }) {
			if (p != null) {
				p.close();
			}
		}
	}

	@Test
	void servicesCooperateAndDegradeWhenUsersIsKilled() throws Exception {
		users = DemoProcess.start(LaunchCommand.of("users").instance("users-1").dataDir(dir.resolve("users")));
		posts = DemoProcess.start(
				LaunchCommand.of("posts").instance("posts-1").dataDir(dir.resolve("posts")).peer("users", users.url()));
		threads = DemoProcess.start(LaunchCommand.of("threads")
			.instance("threads-1")
			.dataDir(dir.resolve("threads"))
			.peer("users", users.url())
			.peer("posts", posts.url()));
		payments = DemoProcess.start(LaunchCommand.of("payments")
			.instance("payments-1")
			.dataDir(dir.resolve("payments"))
			.peer("users", users.url()));

		Http.Response created = Http.post(posts.url() + "/api/posts",
				Json.object("authorId", 2, "text", "Hello, services"));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("X-Instance")).isEqualTo("posts-1");
		Object postId = created.json().get("id");

		Http.Response feed = Http.get(posts.url() + "/api/posts");
		assertThat(feed.json()).containsEntry("degraded", false);
		assertThat(feed.list("posts").get(0)).containsEntry("id", postId).containsEntry("authorName", "Alan Turing");

		Http.Response reply = Http.post(threads.url() + "/api/threads/" + postId + "/replies",
				Json.object("authorId", 3, "text", "Hello back"));
		assertThat(reply.status()).isEqualTo(201);
		assertThat(reply.json()).containsEntry("authorName", "Grace Hopper");

		Map<String, Object> tip = Json.object("fromUserId", 3, "toUserId", 2, "amountCents", 250, "idempotencyKey",
				"tip-before-kill");
		Http.Response tipped = Http.post(payments.url() + "/api/tips", tip);
		assertThat(tipped.status()).isEqualTo(201);

		users.kill9();

		Http.Response degraded = Http.get(posts.url() + "/api/posts");
		assertThat(degraded.status()).isEqualTo(200);
		assertThat(degraded.json()).containsEntry("degraded", true);
		List<Map<String, Object>> items = degraded.list("posts");
		assertThat(items).isNotEmpty().allSatisfy(p -> assertThat(p).containsEntry("authorName", null));
		assertThat(items.get(0)).containsEntry("id", postId).containsEntry("text", "Hello, services");

		Http.Response refusedTip = Http.post(payments.url() + "/api/tips",
				Json.object("fromUserId", 3, "toUserId", 2, "amountCents", 250, "idempotencyKey", "tip-after-kill"));
		assertProblem(refusedTip, 503, "peer.unavailable");

		Http.Response refusedReply = Http.post(threads.url() + "/api/threads/" + postId + "/replies",
				Json.object("authorId", 3, "text", "Anyone there?"));
		assertProblem(refusedReply, 503, "peer.unavailable");

		Http.Response refusedPost = Http.post(posts.url() + "/api/posts", Json.object("authorId", 2, "text", "Hello?"));
		assertProblem(refusedPost, 503, "peer.unavailable");

		// a retry of a tip already made needs no check: it is answered from the payments
		// table
		Http.Response retried = Http.post(payments.url() + "/api/tips", tip);
		assertThat(retried.status()).isEqualTo(200);
		assertThat(retried.json()).containsEntry("id", tipped.json().get("id")).containsEntry("replayed", true);

		Http.Response replies = Http.get(threads.url() + "/api/threads/" + postId + "/replies");
		assertThat(replies.status()).isEqualTo(200);
		assertThat(replies.json()).containsEntry("degraded", true);
	}

	static void assertProblem(Http.Response response, int status, String code) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json()).containsKeys("type", "title", "status", "detail", "code")
			.containsEntry("status", (long) status)
			.containsEntry("code", code);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at lab.");
	}

}
