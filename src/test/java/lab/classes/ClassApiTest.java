package lab.classes;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import lab.SiteTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The class API and stream over real HTTP: who may drive, what bad input gets, what a
 * stream carries.
 */
@SiteTest
class ClassApiTest {

	private static final String SLUG = "one-failing-service";

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	int port;

	record Answer(int status, String type, Map<String, Object> body) {
	}

	@Test
	void theDriverMovesTheClassAndAnyoneCanReadIt() {
		Answer started = send("POST", "/api/classes", "walkthrough=" + SLUG);
		assertThat(started.status()).isEqualTo(201);
		String code = (String) started.body().get("code");
		String token = (String) started.body().get("token");
		assertThat(code).matches("[ACDEFGHJKMNPQRTWXY34679]{6}");
		assertThat(started.body()).containsEntry("step", 1).containsEntry("steps", 8);

		assertThat(send("POST", "/api/classes/" + code + "/step", "step=3", "X-Class-Token", token).body())
			.containsEntry("step", 3);
		assertThat(send("GET", "/api/classes/" + code.toLowerCase(), null).body()).containsEntry("step", 3)
			.containsEntry("title", "The same failure in the monolith");
		assertThat(send("GET", "/api/classes/" + code, null, "Accept-Language", "fa").body()).containsEntry("title",
				"همین خرابی در مونولیت");

		Answer ended = send("DELETE", "/api/classes/" + code, null, "X-Class-Token", token);
		assertThat(ended.body()).containsEntry("ended", true);
		Answer after = send("GET", "/api/classes/" + code, null);
		assertThat(after.status()).isEqualTo(404);
		assertThat(after.body()).containsEntry("code", "class.error.ended");
	}

	@Test
	void onlyTheHolderOfTheDriverTokenMovesTheClass() {
		Answer created = send("POST", "/api/classes", "walkthrough=" + SLUG);
		String code = (String) created.body().get("code");
		String token = (String) created.body().get("token");
		assertThat(send("POST", "/api/classes/" + code + "/step", "step=2", "X-Class-Token", token).status())
			.isEqualTo(200);

		Answer stranger = send("POST", "/api/classes/" + code + "/step", "step=5", "Accept-Language", "fa");
		assertThat(stranger.status()).isEqualTo(403);
		assertThat(stranger.type()).startsWith("application/problem+json");
		assertThat(stranger.body()).containsEntry("detail",
				"فقط ارائه‌دهندهٔ کلاس می‌تواند آن را جابه‌جا کند یا به پایان برساند.");
		assertThat(send("POST", "/api/classes/" + code + "/step", "step=5", "X-Class-Token", "guess").status())
			.isEqualTo(403);
		assertThat(send("DELETE", "/api/classes/" + code, null).status()).isEqualTo(403);
		assertThat(send("GET", "/api/classes/" + code, null).body()).containsEntry("step", 2);
		assertThat(send("GET", "/api/classes/" + code, null).body()).doesNotContainKey("token");
		assertThat(send("DELETE", "/api/classes/" + code, null, "X-Class-Token", token).status()).isEqualTo(200);
	}

	@Test
	void badInputGetsALocalizedProblemAndNeverA500() {
		Answer created = send("POST", "/api/classes", "walkthrough=" + SLUG);
		String code = (String) created.body().get("code");
		String token = (String) created.body().get("token");
		assertProblem(send("POST", "/api/classes", "walkthrough=nope", "Accept-Language", "fa"), 404,
				"آموزشی با نام «nope» وجود ندارد.");
		assertProblem(send("POST", "/api/classes", null), 400,
				"Say which walkthrough the class follows (the walkthrough parameter).");
		assertProblem(send("POST", "/api/classes/" + code + "/step", "step=9", "X-Class-Token", token), 400,
				"There is no step 9: this walkthrough has steps 1 to 8.");
		assertProblem(send("POST", "/api/classes/" + code + "/step", "step=0", "X-Class-Token", token,
				"Accept-Language", "fa"), 400, "گام ۰ وجود ندارد: این آموزش گام‌های ۱ تا ۸ را دارد.");
		assertProblem(send("POST", "/api/classes/" + code + "/step", "step=two", "X-Class-Token", token), 400,
				"Give the step as a whole number.");
		assertProblem(send("GET", "/api/classes/ZZZZZZ", null), 404, "There is no class with the code ZZZZZZ.");
		assertProblem(send("GET", "/api/classes/ZZZZZZ/stream", null, "Accept", "text/event-stream"), 404,
				"There is no class with the code ZZZZZZ.");
		assertProblem(send("PUT", "/api/classes/" + code, null), 405, null);
		send("DELETE", "/api/classes/" + code, null, "X-Class-Token", token);
	}

	@Test
	void theQrCodeIsAnSvgOfTheJoinAddress() throws Exception {
		String code = (String) send("POST", "/api/classes", "walkthrough=" + SLUG).body().get("code");
		HttpResponse<String> qr = this.http.send(
				HttpRequest.newBuilder(URI.create(base() + "/api/classes/" + code + "/qr")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(qr.statusCode()).isEqualTo(200);
		assertThat(qr.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
		assertThat(qr.body()).startsWith("<svg").contains("/join/" + code).contains("<path").doesNotContain("style=");
	}

	@Test
	void aStreamStartsOnTheCurrentStepFollowsMovesAndHonoursLastEventId() throws Exception {
		Answer created = send("POST", "/api/classes", "walkthrough=" + SLUG);
		String code = (String) created.body().get("code");
		String token = (String) created.body().get("token");
		send("POST", "/api/classes/" + code + "/step", "step=4", "X-Class-Token", token);

		List<String> first = new CopyOnWriteArrayList<>();
		try (Stream<String> lines = open(code, null)) {
			collect(lines, first);
			await().atMost(Duration.ofSeconds(20)).until(() -> first.contains("event: fleet"));
			assertThat(first).containsSubsequence("retry: 1000", "id: 2", "event: step");
			assertThat(dataOf(first, "step")).containsEntry("step", 4).containsEntry("title", "A cascading failure");
			assertThat(dataOf(first, "fleet")).containsEntry("step", 4).containsKeys("checks", "fleet");

			send("POST", "/api/classes/" + code + "/step", "step=5", "X-Class-Token", token);
			await().atMost(Duration.ofSeconds(20)).until(() -> first.contains("id: 3"));
		}

		List<String> resumed = new CopyOnWriteArrayList<>();
		try (Stream<String> lines = open(code, "3")) {
			collect(lines, resumed);
			await().atMost(Duration.ofSeconds(20)).until(() -> resumed.contains("event: fleet"));
			assertThat(resumed).doesNotContain("event: step");
		}
		List<String> behind = new CopyOnWriteArrayList<>();
		try (Stream<String> lines = open(code, "1")) {
			collect(lines, behind);
			await().atMost(Duration.ofSeconds(20)).until(() -> behind.contains("event: fleet"));
			assertThat(behind).containsSubsequence("id: 3", "event: step");
		}

		List<String> ending = new CopyOnWriteArrayList<>();
		try (Stream<String> lines = open(code, "3")) {
			collect(lines, ending);
			await().atMost(Duration.ofSeconds(20)).until(() -> ending.contains("event: fleet"));
			send("DELETE", "/api/classes/" + code, null, "X-Class-Token", token);
			await().atMost(Duration.ofSeconds(20)).until(() -> ending.contains("event: end"));
		}
	}

	// ------------------------------------------------------------------ helpers

	private Stream<String> open(String code, String lastEventId) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(base() + "/api/classes/" + code + "/stream?lang=en"))
			.header("Accept", "text/event-stream");
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		HttpResponse<Stream<String>> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
		return response.body();
	}

	private static void collect(Stream<String> lines, List<String> into) {
		Thread reader = new Thread(() -> {
			try {
				lines.forEach(into::add);
			}
			catch (RuntimeException ex) {
				// the test closed the stream
			}
		});
		reader.setDaemon(true);
		reader.start();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> dataOf(List<String> lines, String event) {
		int at = lines.indexOf("event: " + event);
		return this.json.readValue(lines.get(at + 1).substring("data: ".length()), Map.class);
	}

	private void assertProblem(Answer answer, int status, String detail) {
		assertThat(answer.status()).isEqualTo(status);
		if (detail != null) {
			assertThat(answer.type()).startsWith("application/problem+json");
			assertThat(answer.body()).containsEntry("detail", detail);
		}
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

	private Answer send(String method, String path, String form, String... headers) {
		return send(this.http, method, path, form, headers);
	}

	@SuppressWarnings("unchecked")
	private Answer send(HttpClient client, String method, String path, String form, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
			.timeout(Duration.ofSeconds(20))
			.method(method, (form == null) ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
		if (form != null) {
			request.header("Content-Type", "application/x-www-form-urlencoded");
		}
		for (int n = 0; n + 1 < headers.length; n += 2) {
			request.header(headers[n], headers[n + 1]);
		}
		try {
			HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			String type = r.headers().firstValue("Content-Type").orElse("");
			Map<String, Object> body = (r.body().isBlank() || !type.contains("json")) ? Map.of()
					: this.json.readValue(r.body(), Map.class);
			return new Answer(r.statusCode(), type, body);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
