package lab.chassis;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import lab.chassis.http.Json;

/** A plain HTTP client for tests, talking to 127.0.0.1 only, with timeouts. */
final class Http {

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(2))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	/** A response: status, parsed JSON body (a map, or null), raw body and headers. */
	record Response(int status, Map<String, Object> json, String body, java.net.http.HttpHeaders headers) {

		String header(String name) {
			return headers.firstValue(name).orElse(null);
		}

		String code() {
			return json == null ? null : (String) json.get("code");
		}

		@SuppressWarnings("unchecked")
		java.util.List<Map<String, Object>> list(String name) {
			return (java.util.List<Map<String, Object>>) json.get(name);
		}
	}

	private Http() {
	}

	static Response get(String url) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(url)).GET());
	}

	static Response post(String url, Object body) throws IOException, InterruptedException {
		return postRaw(url, Json.write(body));
	}

	static Response postRaw(String url, String body) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
	}

	static Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
		HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(15)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		Map<String, Object> json = null;
		if (response.body().startsWith("{")) {
			@SuppressWarnings("unchecked")
			Map<String, Object> map = (Map<String, Object>) Json.read(response.body());
			json = map;
		}
		return new Response(response.statusCode(), json, response.body(), response.headers());
	}

	/**
	 * Nothing listens at the URL's address: a plain TCP connect is refused. (An HTTP call
	 * could meet a pooled keep-alive connection to the process that was there and fail
	 * with another error, which says nothing about the port.)
	 */
	static boolean isRefused(String url) {
		URI uri = URI.create(url);
		try (java.net.Socket socket = new java.net.Socket()) {
			socket.connect(new java.net.InetSocketAddress(uri.getHost(), uri.getPort()), 2000);
			return false;
		}
		catch (java.net.ConnectException e) {
			return true;
		}
		catch (IOException e) {
			return false;
		}
	}

}
