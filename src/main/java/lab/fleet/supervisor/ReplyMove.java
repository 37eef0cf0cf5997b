package lab.fleet.supervisor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import lab.chassis.http.Json;

/**
 * The Threads team's data move between two versions of the service that keep their data
 * in different stores (H2 for Java, SQLite for Python): every reply is read from the old
 * version a page at a time ({@code GET /ops/replies}) and written into the new one with
 * its id ({@code POST /ops/replies}), which replaces a reply with the same id, so a move
 * repeated after a failure neither loses nor doubles a reply. Both versions speak the
 * same operations contract; these routes are reached on the instances directly, never
 * through the load balancer.
 */
public final class ReplyMove {

	/** Replies per page: a few hundred KB of JSON at most. */
	static final int PAGE = 500;

	private static final int WARM_UP_READS = 5;

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofMillis(500))
		.build();

	/**
	 * Reads a few times through the new version before it takes traffic, so its first
	 * callers do not pay for a cold start.
	 */
	public void warmUp(Instance instance) {
		for (int n = 0; n < WARM_UP_READS; n++) {
			try {
				send(instance, HttpRequest.newBuilder(uri(instance, "/api/threads/1/replies")).GET());
			}
			catch (IllegalStateException ex) {
				// a cold or busy process may refuse a warm-up read; the move itself will
				// tell
			}
		}
	}

	/**
	 * Copies every reply from {@code from} to {@code to} and returns how many were
	 * copied.
	 */
	public long copy(Instance from, Instance to) {
		long moved = 0;
		long after = 0;
		while (true) {
			Map<String, Object> page = object(send(from,
					HttpRequest.newBuilder(uri(from, "/ops/replies?afterId=" + after + "&limit=" + PAGE)).GET()));
			if (!(page.get("replies") instanceof List<?> replies)) {
				throw new IllegalStateException(from.id() + " gave no replies");
			}
			if (!replies.isEmpty()) {
				send(to, HttpRequest.newBuilder(uri(to, "/ops/replies"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(Json.write(Json.object("replies", replies)),
							StandardCharsets.UTF_8)));
				moved += replies.size();
			}
			if (!(page.get("next") instanceof Long next)) {
				return moved;
			}
			after = next;
		}
	}

	private String send(Instance instance, HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.timeout(TIMEOUT).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			if (response.statusCode() / 100 != 2) {
				throw new IllegalStateException(instance.id() + " answered " + response.statusCode());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new IllegalStateException(instance.id() + " did not answer: " + ex.getClass().getSimpleName(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	private static URI uri(Instance instance, String path) {
		return URI.create("http://127.0.0.1:" + instance.port() + path);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> object(String json) {
		Object value = Json.read(json);
		if (!(value instanceof Map)) {
			throw new IllegalStateException("not a JSON object");
		}
		return (Map<String, Object>) value;
	}

}
