package lab.fleet.supervisor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.springframework.http.HttpStatus;

import lab.fleet.FleetProblem;

/**
 * Talks to one instance directly (not through the load balancer): its chaos controls, its
 * settings, and its operations routes (the data moved between versions).
 */
final class InstanceClient {

	/** A page of data moved between versions may take longer than a control call. */
	private static final Duration DATA_TIMEOUT = Duration.ofSeconds(20);

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofMillis(500))
		.build();

	/** GET, the body of a 2xx answer; fails with an {@link IllegalStateException} otherwise. */
	String get(Instance instance, String path) {
		return send(instance, HttpRequest.newBuilder(uri(instance, path)).GET());
	}

	/** POST of a JSON body, the body of a 2xx answer; fails with an {@link IllegalStateException} otherwise. */
	String postForBody(Instance instance, String path, String json) {
		return send(instance, HttpRequest.newBuilder(uri(instance, path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json, java.nio.charset.StandardCharsets.UTF_8)));
	}

	private String send(Instance instance, HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.timeout(DATA_TIMEOUT).build(),
					HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
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

	void post(Instance instance, String path, String json) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instance.port() + path))
			.timeout(Duration.ofSeconds(2))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
		try {
			HttpResponse<Void> response = this.http.send(request, HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() >= 400) {
				throw FleetProblem.badRequest("fleet.error.refused", instance.id());
			}
		}
		catch (IOException ex) {
			// a crash may close the connection before it answers; anything else is a real failure
			if (!path.endsWith("/crash")) {
				throw new FleetProblem(HttpStatus.SERVICE_UNAVAILABLE, "fleet.error.unreachable", instance.id());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
