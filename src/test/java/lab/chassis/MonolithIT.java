package lab.chassis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lab.chassis.http.Json;

/**
 * (c) The monolith serves all four features from one process, and one crash takes all
 * four down.
 */
class MonolithIT {

	@TempDir
	Path dir;

	@Test
	void oneCrashTakesEveryFeatureDown() throws Exception {
		try (DemoProcess monolith = DemoProcess.start(LaunchCommand.of("monolith").dataDir(dir))) {
			String url = monolith.url();
			assertThat(Http.get(url + "/api/users").status()).isEqualTo(200);
			Http.Response post = Http.post(url + "/api/posts", Json.object("authorId", 1, "text", "One process"));
			assertThat(post.status()).isEqualTo(201);
			assertThat(post.json()).containsEntry("authorName", "Ada Lovelace");
			assertThat(Http
				.post(url + "/api/threads/" + post.json().get("id") + "/replies",
						Json.object("authorId", 2, "text", "One process, one fate"))
				.status()).isEqualTo(201);
			assertThat(Http
				.post(url + "/api/tips",
						Json.object("fromUserId", 2, "toUserId", 1, "amountCents", 100, "idempotencyKey",
								"monolith-tip"))
				.status()).isEqualTo(201);

			try {
				Http.Response crash = Http.post(url + "/chaos/crash", Json.object());
				assertThat(crash.status()).isEqualTo(202);
			}
			catch (java.io.IOException answerLostInTheCrash) {
				// the process may halt before the answer is out; the crash is what
				// matters
			}
			assertThat(monolith.waitFor(2000)).isEqualTo(OpsEndpoints.CRASH_EXIT_STATUS);

			for (String path : new String[] { "/api/users", "/api/posts", "/api/threads/1/replies",
					"/api/tips?userId=1" }) {
				assertThat(Http.isRefused(url + path)).as(path).isTrue();
			}
		}
	}

}
