package lab.chassis;

import static lab.chassis.MicroservicesIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lab.chassis.http.Json;

/**
 * The site's resilience switch, as each process sees it: {@code GET|POST /settings}. With
 * fallbacks off, a feed or reply list whose peer is down fails with 503
 * {@code peer.unavailable} (the failure cascades); with them on, it degrades. The peer
 * timeout changes at run time too.
 */
class ResilienceSwitchIT {

	@TempDir
	Path dir;

	DemoProcess users;

	DemoProcess posts;

	DemoProcess threads;

	@AfterEach
	void stopAll() {
		for (DemoProcess p : new DemoProcess[] { threads, posts, users }) {
			if (p != null) {
				p.close();
			}
		}
	}

	@Test
	void withFallbacksOffAFailedPeerFailsTheFeedAndWithThemOnItDegrades() throws Exception {
		users = DemoProcess.start(LaunchCommand.of("users").dataDir(dir.resolve("users")));
		posts = DemoProcess.start(LaunchCommand.of("posts")
			.dataDir(dir.resolve("posts"))
			.peer("users", users.url())
			// a timeout a cold JVM on a loaded machine still meets when Users is up; a
			// killed Users refuses at once
			.timeoutMs(2500)
			.fallbacks(false));
		threads = DemoProcess.start(LaunchCommand.of("threads")
			.dataDir(dir.resolve("threads"))
			.peer("users", users.url())
			.peer("posts", posts.url())
			.fallbacks(false));

		Http.Response settings = Http.get(posts.url() + "/settings");
		assertThat(settings.status()).isEqualTo(200);
		assertThat(settings.json()).isEqualTo(Map.of("peerTimeoutMs", 2500L, "fallbacks", false, "retries", 0L));
		assertThat(Http.get(threads.url() + "/settings").json())
			.isEqualTo(Map.of("peerTimeoutMs", 1000L, "fallbacks", false, "retries", 0L));
		assertThat(Http.get(posts.url() + "/info").json()).containsEntry("settings",
				Map.of("peerTimeoutMs", 2500L, "fallbacks", false, "retries", 0L));
		// with every peer up, the switch changes nothing
		assertThat(Http.get(posts.url() + "/api/posts").json()).containsEntry("degraded", false);

		users.kill9();

		assertProblem(Http.get(posts.url() + "/api/posts"), 503, "peer.unavailable");
		assertProblem(Http.get(threads.url() + "/api/threads/2/replies"), 503, "peer.unavailable");

		Http.Response on = Http.post(posts.url() + "/settings", Json.object("fallbacks", true));
		assertThat(on.status()).isEqualTo(200);
		assertThat(on.json()).isEqualTo(Map.of("peerTimeoutMs", 2500L, "fallbacks", true, "retries", 0L));
		Http.Response degraded = Http.get(posts.url() + "/api/posts");
		assertThat(degraded.status()).isEqualTo(200);
		assertThat(degraded.json()).containsEntry("degraded", true);
		assertThat(degraded.list("posts")).hasSize(4).allSatisfy(p -> assertThat(p).containsEntry("authorName", null));

		Http.post(threads.url() + "/settings", Json.object("fallbacks", true));
		Http.Response replies = Http.get(threads.url() + "/api/threads/2/replies");
		assertThat(replies.status()).isEqualTo(200);
		assertThat(replies.json()).containsEntry("degraded", true);

		// and off again: the next request fails again
		Http.post(posts.url() + "/settings", Json.object("fallbacks", false));
		assertProblem(Http.get(posts.url() + "/api/posts"), 503, "peer.unavailable");
	}

	@Test
	void badSettingsAreRefusedWithStableCodes() throws Exception {
		users = DemoProcess.start(LaunchCommand.of("users").dataDir(dir.resolve("users")));
		String u = users.url();
		assertProblem(Http.post(u + "/settings", Json.object("peerTimeoutMs", 0)), 400, "settings.peerTimeoutMs.range");
		assertProblem(Http.post(u + "/settings", Json.object("peerTimeoutMs", 60_001)), 400,
				"settings.peerTimeoutMs.range");
		assertProblem(Http.post(u + "/settings", Json.object("peerTimeoutMs", "fast")), 400,
				"settings.peerTimeoutMs.range");
		assertProblem(Http.post(u + "/settings", Json.object("fallbacks", "no")), 400, "settings.fallbacks.type");
		assertProblem(Http.post(u + "/settings", Json.object("retries", 4)), 400, "settings.retries.range");
		assertProblem(Http.postRaw(u + "/settings", "{\"fallbacks\": "), 400, "request.json.malformed");
		// nothing was changed by the refused requests
		assertThat(Http.get(u + "/settings").json())
			.isEqualTo(Map.of("peerTimeoutMs", 1000L, "fallbacks", true, "retries", 0L));
		assertThat(Http.post(u + "/settings", Json.object("peerTimeoutMs", 60_000)).json())
			.isEqualTo(Map.of("peerTimeoutMs", 60_000L, "fallbacks", true, "retries", 0L));
		// an empty change answers with the settings as they are
		assertThat(Http.post(u + "/settings", Json.object()).json())
			.isEqualTo(Map.of("peerTimeoutMs", 60_000L, "fallbacks", true, "retries", 0L));
	}

	@Test
	void thePeerTimeoutChangesAtRunTime() throws Exception {
		users = DemoProcess.start(LaunchCommand.of("users").dataDir(dir.resolve("users")));
		posts = DemoProcess
			.start(LaunchCommand.of("posts").dataDir(dir.resolve("posts")).peer("users", users.url()).timeoutMs(300));
		Http.post(users.url() + "/chaos", Json.object("latencyMs", 1500, "latencyShare", 1.0));

		long start = System.nanoTime();
		Http.Response quick = Http.get(posts.url() + "/api/posts");
		long quickMillis = (System.nanoTime() - start) / 1_000_000;
		assertThat(quick.json()).containsEntry("degraded", true);

		Http.post(posts.url() + "/settings", Json.object("peerTimeoutMs", 5000));
		start = System.nanoTime();
		Http.Response patient = Http.get(posts.url() + "/api/posts");
		long patientMillis = (System.nanoTime() - start) / 1_000_000;
		assertThat(patient.json()).containsEntry("degraded", false);
		assertThat(patientMillis).as("waited for the slow peer").isGreaterThanOrEqualTo(1500);
		// the short timeout gave up before the slow peer answered (no absolute upper
		// bound: a loaded
		// machine stretches both calls alike; bench/ has the figures)
		assertThat(quickMillis).as("gave up after the 300 ms timeout").isLessThan(patientMillis);

		Http.post(posts.url() + "/settings", Json.object("peerTimeoutMs", 300, "fallbacks", false));
		start = System.nanoTime();
		assertProblem(Http.get(posts.url() + "/api/posts"), 503, "peer.unavailable");
		assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(patientMillis);
		System.out.printf("RESILIENCE feed with a 1500 ms slow peer: %d ms at 300 ms timeout, %d ms at 5000 ms%n",
				quickMillis, patientMillis);
	}

}
