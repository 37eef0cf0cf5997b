package lab.fleet.supervisor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.springframework.http.HttpStatus;

import lab.fleet.FleetProblem;

/** Talks to one instance directly (not through the load balancer): its chaos controls. */
final class InstanceClient {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

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
