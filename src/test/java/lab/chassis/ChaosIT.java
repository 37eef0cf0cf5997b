package lab.chassis;

import static lab.chassis.MicroservicesIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lab.chassis.http.Json;

/**
 * (f) Chaos assaults, bad input answered with problem codes, and the v1/v2 difference.
 */
class ChaosIT {

	@TempDir
	Path dir;

	DemoProcess users;

	DemoProcess posts;

	@AfterEach
	void stop() {
		if (posts != null) {
			posts.close();
		}
		if (users != null) {
			users.close();
		}
	}

	@Test
	void errorShareOneFailsEveryBusinessRequestButNotHealth() throws Exception {
		users = DemoProcess.start(LaunchCommand.of("users").dataDir(dir.resolve("users")));
		Http.Response set = Http.post(users.url() + "/chaos", Json.object("errorShare", 1.0));
		assertThat(set.json()).containsEntry("errorShare", 1.0).containsEntry("latencyMs", 0L);
		for (int i = 0; i < 5; i++) {
			assertProblem(Http.get(users.url() + "/api/users"), 500, "chaos.error");
		}
		assertThat(Http.get(users.url() + "/health/ready").status()).isEqualTo(200);
		assertThat(Http.get(users.url() + "/chaos").json()).containsEntry("errorShare", 1.0);

		Http.post(users.url() + "/chaos", Json.object("errorShare", 0));
		assertThat(Http.get(users.url() + "/api/users").status()).isEqualTo(200);
	}

	@Test
	void latencyIsAddedAndACallerTimesOut() throws Exception {
		users = DemoProcess.start(LaunchCommand.of("users").dataDir(dir.resolve("users")));
		posts = DemoProcess
			.start(LaunchCommand.of("posts").dataDir(dir.resolve("posts")).peer("users", users.url()).timeoutMs(500));
		Http.post(users.url() + "/chaos", Json.object("latencyMs", 300, "latencyShare", 1.0));
		long start = System.nanoTime();
		assertThat(Http.get(users.url() + "/api/users/1").status()).isEqualTo(200);
		assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);

		// slower than the caller's 500 ms timeout: the feed degrades on time, a post is
		// refused
		Http.post(users.url() + "/chaos", Json.object("latencyMs", 2000));
		start = System.nanoTime();
		Http.Response feed = Http.get(posts.url() + "/api/posts");
		long tookMillis = (System.nanoTime() - start) / 1_000_000;
		assertThat(feed.json()).containsEntry("degraded", true);
		assertThat(tookMillis).isBetween(450L, 1500L);
		assertProblem(Http.post(posts.url() + "/api/posts", Json.object("authorId", 1, "text", "slow")), 503,
				"peer.unavailable");
	}

	@Test
	void chaosSettingsAreChecked() throws Exception {
		users = DemoProcess.start(LaunchCommand.of("users").dataDir(dir.resolve("users")));
		assertProblem(Http.post(users.url() + "/chaos", Json.object("latencyMs", 10_001)), 400,
				"chaos.latencyMs.range");
		assertProblem(Http.post(users.url() + "/chaos", Json.object("latencyShare", -0.1)), 400,
				"chaos.latencyShare.range");
		assertProblem(Http.post(users.url() + "/chaos", Json.object("errorShare", 2)), 400, "chaos.errorShare.range");
		assertProblem(Http.post(users.url() + "/chaos", Json.object("errorShare", "all")), 400, "request.field.type");
		assertThat(Http.get(users.url() + "/chaos").json()).containsEntry("errorShare", 0.0)
			.containsEntry("latencyMs", 0L);
	}

	@Test
	void badInputIsA400WithAStableCode() throws Exception {
		users = DemoProcess.start(LaunchCommand.of("users").dataDir(dir.resolve("users")));
		posts = DemoProcess.start(LaunchCommand.of("posts").dataDir(dir.resolve("posts")).peer("users", users.url()));
		String p = posts.url();
		assertProblem(Http.post(p + "/api/posts", Json.object("authorId", 1, "text", "")), 400, "post.text.size");
		assertProblem(Http.post(p + "/api/posts", Json.object("authorId", 1, "text", "x".repeat(281))), 400,
				"post.text.size");
		assertProblem(Http.post(p + "/api/posts", Json.object("text", "hi")), 400, "post.authorId.required");
		assertProblem(Http.post(p + "/api/posts", Json.object("authorId", 99, "text", "hi")), 400, "user.notFound");
		assertProblem(Http.post(p + "/api/posts", Json.object("authorId", "one", "text", "hi")), 400,
				"request.field.type");
		assertProblem(Http.postRaw(p + "/api/posts", "{\"authorId\": 1, \"text\": "), 400, "request.json.malformed");
		assertProblem(Http.postRaw(p + "/api/posts", "[1, 2]"), 400, "request.json.malformed");
		assertProblem(Http.get(p + "/api/posts/abc"), 400, "request.path.invalid");
		assertProblem(Http.get(p + "/api/posts?limit=0"), 400, "feed.limit.range");
		assertProblem(Http.get(p + "/api/posts/999"), 404, "post.notFound");
		assertProblem(Http.get(p + "/api/nothing"), 404, "route.notFound");
		assertProblem(Http.send(HttpRequest.newBuilder(URI.create(p + "/api/posts")).DELETE()), 405,
				"request.method.notAllowed");
		String u = users.url();
		assertProblem(Http.post(u + "/api/users", Json.object("name", "Ada", "handle", "ada")), 409,
				"user.handle.taken");
		assertProblem(Http.get(u + "/api/users/404"), 404, "user.notFound");
		assertProblem(Http.get(u + "/api/users?ids=1,x"), 400, "request.query.invalid");
	}

	@Test
	void v2ShowsReactionsAndARollbackToV1KeepsThem() throws Exception {
		users = DemoProcess.start(LaunchCommand.of("users").dataDir(dir.resolve("users")));
		Path postsData = dir.resolve("posts");
		posts = DemoProcess
			.start(LaunchCommand.of("posts").version("v2").dataDir(postsData).peer("users", users.url()));
		Http.Response reacted = Http.post(posts.url() + "/api/posts/1/reactions", Json.object());
		assertThat(reacted.status()).isEqualTo(200);
		assertThat(reacted.json()).containsEntry("reactions", 1L);
		assertThat(reacted.header("X-Version")).isEqualTo("v2");
		Http.Response feed = Http.get(posts.url() + "/api/posts");
		assertThat(feed.json()).containsEntry("version", "v2");
		assertThat(feed.list("posts")).allSatisfy(p -> assertThat(p).containsKey("reactions"));
		assertProblem(Http.post(posts.url() + "/api/posts/999/reactions", Json.object()), 404, "post.notFound");
		posts.terminate();

		posts = DemoProcess
			.start(LaunchCommand.of("posts").version("v1").dataDir(postsData).peer("users", users.url()));
		assertProblem(Http.post(posts.url() + "/api/posts/1/reactions", Json.object()), 404, "route.notFound");
		assertThat(Http.get(posts.url() + "/api/posts").list("posts"))
			.allSatisfy(p -> assertThat(p).doesNotContainKey("reactions"));
		posts.terminate();

		posts = DemoProcess
			.start(LaunchCommand.of("posts").version("v2").dataDir(postsData).peer("users", users.url()));
		assertThat(Http.get(posts.url() + "/api/posts/1").json()).containsEntry("reactions", 1L);
	}

}
