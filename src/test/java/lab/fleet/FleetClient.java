package lab.fleet;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

import tools.jackson.databind.json.JsonMapper;

/** A test's view of the site's fleet API over real HTTP. */
public final class FleetClient {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final String base;

	public FleetClient(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	record Answer(int status, Map<String, Object> body) {
	}

	Answer get(String path, String... headers) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).headers(withAccept(headers)).GET());
	}

	Answer post(String path, String form, String... headers) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.headers(withAccept(headers))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	Answer postJson(String path, String json, String... headers) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.headers(withAccept(headers))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	private static String[] withAccept(String[] headers) {
		String[] all = new String[headers.length + 2];
		all[0] = "Accept";
		all[1] = "application/json";
		System.arraycopy(headers, 0, all, 2, headers.length);
		return all;
	}

	@SuppressWarnings("unchecked")
	private Answer send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> r = this.http.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			Map<String, Object> body = r.body().isBlank() ? Map.of() : this.json.readValue(r.body(), Map.class);
			return new Answer(r.statusCode(), body);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Every instance of the fleet as the API shows it. */
	@SuppressWarnings("unchecked")
	List<Map<String, Object>> instances() {
		List<Map<String, Object>> out = new java.util.ArrayList<>();
		for (Map<String, Object> t : (List<Map<String, Object>>) get("/api/fleet?lang=en").body().get("topologies")) {
			for (Map<String, Object> s : (List<Map<String, Object>>) t.get("services")) {
				out.addAll((List<Map<String, Object>>) s.get("instances"));
			}
		}
		return out;
	}

	Map<String, Object> instance(String id) {
		return instances().stream().filter(i -> id.equals(i.get("id"))).findFirst().orElseThrow();
	}

	/** Waits (up to a limit) until the fleet's state satisfies the condition. */
	void await(String what, Predicate<List<Map<String, Object>>> condition, Duration limit) {
		Awaitility.await(what)
			.atMost(limit)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> condition.test(instances()));
	}

	/**
	 * Brings the default fleet back after a test that broke it (or failed half-way):
	 * every service gets a ready instance again, resilience is on, and no chaos is left.
	 */
	/** The step a class is on, as {@code GET /api/classes/{code}} tells anyone. */
	public int classStep(String code) {
		return ((Number) get("/api/classes/" + code).body().get("step")).intValue();
	}

	public void heal() {
		post("/api/fleet/settings", "resilience=true&autoRestart=false&retries=0&deadline=false");
		for (String service : List.of("monolith", "users", "posts", "threads", "payments")) {
			List<Map<String, Object>> mine = instances().stream()
				.filter(i -> service.equals(i.get("service")))
				.toList();
			boolean ready = mine.stream().anyMatch(i -> "ready".equals(i.get("state")));
			if (!ready && !mine.isEmpty()) {
				post("/api/fleet/instances/" + mine.get(0).get("id") + "/start", "");
			}
			for (Map<String, Object> i : mine) {
				if ("ready".equals(i.get("state")) && !i.get("chaos")
					.toString()
					.equals("{latencyMs=0, latencyShare=0.0, errorShare=0.0, hangShare=0.0, jitterMs=0}")) {
					post("/api/fleet/instances/" + i.get("id") + "/chaos",
							"latencyMs=0&latencyShare=0&errorShare=0&hangShare=0&jitterMs=0");
				}
			}
		}
		await("every service has a ready instance", all -> {
			for (String service : List.of("monolith", "users", "posts", "threads", "payments")) {
				if (all.stream().noneMatch(i -> service.equals(i.get("service")) && "ready".equals(i.get("state")))) {
					return false;
				}
			}
			return true;
		}, Duration.ofSeconds(40));
	}

	void awaitReady(String... ids) {
		await(String.join(", ", ids) + " ready", all -> {
			for (String id : ids) {
				if (all.stream().noneMatch(i -> id.equals(i.get("id")) && "ready".equals(i.get("state")))) {
					return false;
				}
			}
			return true;
		}, Duration.ofSeconds(20));
	}

}
