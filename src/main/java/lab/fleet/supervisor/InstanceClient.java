package lab.fleet.supervisor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

import lab.fleet.FleetProblem;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to one instance directly (not through the load balancer), over HTTP on loopback.
 */
public final class InstanceClient implements InstanceControl {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

	private final JsonMapper json;

	public InstanceClient(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void chaos(Instance instance, Instance.Chaos chaos) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("latencyMs", chaos.latencyMs());
		body.put("latencyShare", chaos.latencyShare());
		body.put("errorShare", chaos.errorShare());
		body.put("hangShare", chaos.hangShare());
		body.put("jitterMs", chaos.jitterMs());
		post(instance, "/chaos", body);
	}

	@Override
	public void crash(Instance instance) {
		post(instance, "/chaos/crash", Map.of());
	}

	@Override
	public void settings(Instance instance, long peerTimeoutMs, boolean fallbacks, int retries) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("peerTimeoutMs", peerTimeoutMs);
		body.put("fallbacks", fallbacks);
		body.put("retries", retries);
		post(instance, "/settings", body);
	}

	private void post(Instance instance, String path, Map<String, Object> body) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instance.port() + path))
			.timeout(Duration.ofSeconds(2))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(this.json.writeValueAsBytes(body)))
			.build();
		try {
			HttpResponse<Void> response = this.http.send(request, HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() >= 400) {
				throw FleetProblem.badRequest("fleet.error.refused", instance.id());
			}
		}
		catch (IOException ex) {
			// a crash may close the connection before it answers; anything else is a real
			// failure
			if (!path.endsWith("/crash")) {
				throw new FleetProblem(HttpStatus.SERVICE_UNAVAILABLE, "fleet.error.unreachable", instance.id());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
