package lab.fleet;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;

import lab.FleetTest;
import lab.content.ContentStore;
import lab.content.Lang;
import lab.fleet.gateway.DemoTraffic;
import lab.fleet.gateway.DemoTrafficProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bulkhead between the demo and the course: with resilience off and Posts answering
 * after 10 s, 300 storefront calls hang in the demo's own pool, and the lesson pages
 * still answer meanwhile, with real processes and real HTTP. (The p95 of those pages
 * under the same load is bench/bulkhead.sh's figure, not a test's.)
 */
@FleetTest
class BulkheadIT {

	private static final int HANGING = 300;

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("storeTraffic")
	DemoTraffic store;

	@Autowired
	DemoTrafficProperties limits;

	@Autowired
	ContentStore content;

	private FleetClient client;

	@BeforeEach
	void fleetReady() {
		this.client = new FleetClient(this.port);
		this.client.heal();
	}

	@AfterEach
	void heal() {
		this.client.heal();
	}

	@Test
	void lessonPagesAnswerWhileThreeHundredStorefrontCallsHangOnASlowService() throws Exception {
		assertThat(this.client.post("/api/fleet/settings", "resilience=false").status()).isEqualTo(200);
		for (Map<String, Object> posts : this.client.instances()) {
			if ("posts".equals(posts.get("service")) && "ready".equals(posts.get("state"))) {
				assertThat(this.client
					.post("/api/fleet/instances/" + posts.get("id") + "/chaos", "latencyMs=10000&latencyShare=1")
					.status()).isEqualTo(200);
			}
		}

		// HTTP/1.1: one connection per hanging call, as 300 browsers would hold them
		HttpClient hanging = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		List<CompletableFuture<HttpResponse<Void>>> feeds = new ArrayList<>();
		for (int i = 0; i < HANGING; i++) {
			HttpRequest feed = HttpRequest.newBuilder(URI.create(base() + "/api/store/microservices/feed"))
				.timeout(Duration.ofMinutes(3))
				.build();
			feeds.add(hanging.sendAsync(feed, HttpResponse.BodyHandlers.discarding()));
		}
		// all 300 are held by the demo's bulkhead: its threads all busy, the rest waiting
		// for one
		int threads = this.limits.store().threads();
		await("300 storefront calls in the bulkhead").atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(this.store.active() + this.store.waiting()).isEqualTo(HANGING));
		assertThat(this.store.active()).isEqualTo(threads);

		HttpClient reader = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		String slug = this.content.lessons(Lang.EN).get(0).slug();
		for (int round = 0; round < 10; round++) {
			for (String page : List.of("/en/lessons/" + slug, "/fa/lessons/" + slug, "/en/", "/fa/glossary")) {
				HttpResponse<String> answer = reader.send(HttpRequest.newBuilder(URI.create(base() + page)).build(),
						HttpResponse.BodyHandlers.ofString());
				assertThat(answer.statusCode()).as(page).isEqualTo(200);
			}
		}
		// ... and the demo was saturated all along: every bulkhead thread still held by a
		// hanging call
		assertThat(this.store.active()).isEqualTo(threads);
		assertThat(feeds.stream().filter(CompletableFuture::isDone).count()).isLessThan(HANGING);
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

}
