package lab.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@code --role=probe --url=...}: asks a health endpoint once and exits 0 when it answers 200, so
 * a container's HEALTHCHECK needs nothing but the jar (the runtime image has no curl).
 */
public final class HealthProbe {

	private HealthProbe() {
	}

	public static int check(String[] args) {
		String url = "http://127.0.0.1:8080/health/ready";
		for (String arg : args) {
			if (arg.startsWith("--url=")) {
				url = arg.substring("--url=".length());
			}
		}
		try {
			HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
			HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build();
			return (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) ? 0 : 1;
		}
		catch (Exception ex) {
			return 1;
		}
	}

}
