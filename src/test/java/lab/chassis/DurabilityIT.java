package lab.chassis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lab.chassis.http.Json;

/**
 * (d) {@code kill -9} in the middle of a stream of writes: after a restart every
 * acknowledged post and tip is there, none twice, and retrying a tip's idempotency key
 * returns the same tip.
 */
class DurabilityIT {

	static final int WRITES_PER_STREAM = 150;
	static final int ACKS_BEFORE_KILL = 40;

	@TempDir
	Path dir;

	@Test
	void everyAcknowledgedWriteSurvivesKill9AndNoTipIsChargedTwice() throws Exception {
		Map<Long, String> ackedPosts = new ConcurrentHashMap<>();
		Map<String, Long> ackedTips = new ConcurrentHashMap<>();
		Set<String> attemptedTips = ConcurrentHashMap.newKeySet();

		DemoProcess first = DemoProcess.start(LaunchCommand.of("monolith").dataDir(dir).arg("log", "none"));
		ExecutorService writers = Executors.newFixedThreadPool(2);
		try {
			String url = first.url();
			writers.submit(() -> {
				for (int i = 0; i < WRITES_PER_STREAM; i++) {
					String text = "durable post " + i;
					Http.Response r = Http.post(url + "/api/posts", Json.object("authorId", 1, "text", text));
					if (r.status() == 201) {
						ackedPosts.put((Long) r.json().get("id"), text);
					}
				}
				return null;
			});
			writers.submit(() -> {
				for (int i = 0; i < WRITES_PER_STREAM; i++) {
					String key = "durable-tip-" + i;
					attemptedTips.add(key);
					Http.Response r = Http.post(url + "/api/tips", tip(key, i));
					if (r.status() == 201) {
						ackedTips.put(key, (Long) r.json().get("id"));
					}
				}
				return null;
			});
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(1))
				.until(() -> ackedPosts.size() + ackedTips.size() >= ACKS_BEFORE_KILL);
			first.kill9();
		}
		finally {
			writers.shutdown();
			assertThat(writers.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
			first.close();
		}
		System.out.printf(
				"DURABILITY killed after %d acknowledged posts and %d acknowledged tips (%d tips attempted)%n",
				ackedPosts.size(), ackedTips.size(), attemptedTips.size());
		assertThat(ackedPosts.size() + ackedTips.size()).isGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
		// the kill must have cut the streams short, or this test proves nothing about a
		// crash mid-stream
		assertThat(ackedPosts.size() + ackedTips.size()).isLessThan(2 * WRITES_PER_STREAM);

		try (DemoProcess second = DemoProcess.start(LaunchCommand.of("monolith").dataDir(dir).arg("log", "none"))) {
			String url = second.url();
			for (Map.Entry<Long, String> post : ackedPosts.entrySet()) {
				Http.Response r = Http.get(url + "/api/posts/" + post.getKey());
				assertThat(r.status()).as("post " + post.getKey()).isEqualTo(200);
				assertThat(r.json()).containsEntry("text", post.getValue());
			}
			List<Object> feedTexts = Http.get(url + "/api/posts?limit=200")
				.list("posts")
				.stream()
				.map(p -> p.get("text"))
				.collect(Collectors.toList());
			assertThat(feedTexts).doesNotHaveDuplicates().containsAll(ackedPosts.values());

			for (Map.Entry<String, Long> tip : ackedTips.entrySet()) {
				int i = Integer.parseInt(tip.getKey().substring("durable-tip-".length()));
				Http.Response retried = Http.post(url + "/api/tips", tip(tip.getKey(), i));
				assertThat(retried.status()).isEqualTo(200);
				assertThat(retried.json()).containsEntry("id", tip.getValue()).containsEntry("replayed", true);
			}
			// retrying the tips that were in flight (or never sent) makes each exist
			// exactly once
			for (String key : attemptedTips) {
				int i = Integer.parseInt(key.substring("durable-tip-".length()));
				assertThat(Http.post(url + "/api/tips", tip(key, i)).status()).isIn(200, 201);
			}
			List<Object> keys = Http.get(url + "/api/tips?userId=2")
				.list("tips")
				.stream()
				.map(t -> t.get("idempotencyKey"))
				.collect(Collectors.toList());
			assertThat(keys).doesNotHaveDuplicates()
				.hasSize(attemptedTips.size())
				.containsExactlyInAnyOrderElementsOf(attemptedTips);
		}
	}

	private static Map<String, Object> tip(String key, int i) {
		return Json.object("fromUserId", 1, "toUserId", 2, "amountCents", 100 + i, "idempotencyKey", key);
	}

}
