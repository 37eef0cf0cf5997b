package lab.classroom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * A script's view of the site over real HTTP: no cookies unless asked, any header (even a
 * forged {@code Host}, sent over a plain socket), HTTP Basic when given a password.
 */
public final class SiteClient {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final int port;

	private final String base;

	public SiteClient(int port) {
		this.port = port;
		this.base = "http://127.0.0.1:" + port;
	}

	public record Answer(int status, String body, Map<String, List<String>> headers) {

		@SuppressWarnings("unchecked")
		public Map<String, Object> json() {
			return JsonMapper.builder().build().readValue(this.body, Map.class);
		}

		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.flatMap(e -> e.getValue().stream())
				.findFirst()
				.orElse(null);
		}

	}

	public String base() {
		return this.base;
	}

	public Answer get(String path, String... headers) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET(), headers);
	}

	public Answer post(String path, String form, String... headers) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)), headers);
	}

	/** The {@code Authorization} header pair for HTTP Basic. */
	public static String[] basic(String user, String password) {
		String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return new String[] { "Authorization", "Basic " + token };
	}

	public static String[] join(String[]... parts) {
		List<String> all = new ArrayList<>();
		for (String[] part : parts) {
			all.addAll(List.of(part));
		}
		return all.toArray(String[]::new);
	}

	private Answer send(HttpRequest.Builder request, String... headers) {
		if (headers.length > 0) {
			request.headers(headers);
		}
		try {
			HttpResponse<String> r = this.http.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Answer(r.statusCode(), r.body(), r.headers().map());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A request with any {@code Host} header (Java's HTTP client refuses to forge one),
	 * over a plain socket; returns the status line's code and the whole response.
	 */
	public Answer raw(String method, String path, String host, String... headers) {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(30_000);
			StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\n");
			for (int i = 0; i + 1 < headers.length; i += 2) {
				head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
			}
			head.append("Content-Length: 0\r\nConnection: close\r\n\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			in.transferTo(all);
			String text = all.toString(StandardCharsets.UTF_8);
			int status = Integer.parseInt(text.substring(9, 12));
			return new Answer(status, text, Map.of());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Every instance of the fleet as {@code GET /api/fleet} shows it (id, state, pid,
	 * ...).
	 */
	@SuppressWarnings("unchecked")
	public List<Map<String, Object>> instances() {
		List<Map<String, Object>> out = new ArrayList<>();
		Map<String, Object> fleet = this.json.readValue(get("/api/fleet?lang=en").body(), Map.class);
		for (Map<String, Object> t : (List<Map<String, Object>>) fleet.get("topologies")) {
			for (Map<String, Object> s : (List<Map<String, Object>>) t.get("services")) {
				out.addAll((List<Map<String, Object>>) s.get("instances"));
			}
		}
		return out;
	}

	public Map<String, Object> instance(String id) {
		return instances().stream().filter(i -> id.equals(i.get("id"))).findFirst().orElseThrow();
	}

	/**
	 * Every service gets a ready instance again (a start that failed on a busy machine, a
	 * test that stopped half-way), asking with the given credentials; waits until they
	 * are all up.
	 */
	public void heal(String... credentials) {
		List<String> services = List.of("monolith", "users", "posts", "threads", "payments");
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> {
				boolean all = true;
				for (String service : services) {
					List<Map<String, Object>> mine = instances().stream()
						.filter(i -> service.equals(i.get("service")))
						.toList();
					if (mine.stream().noneMatch(i -> "ready".equals(i.get("state")))) {
						all = false;
						if (!mine.isEmpty() && mine.stream().noneMatch(i -> "starting".equals(i.get("state")))) {
							post("/api/fleet/instances/" + mine.get(0).get("id") + "/start", "", credentials);
						}
					}
				}
				return all;
			});
	}

	@SuppressWarnings("unchecked")
	public Map<String, Object> settings() {
		Map<String, Object> fleet = this.json.readValue(get("/api/fleet?lang=en").body(), Map.class);
		return (Map<String, Object>) fleet.get("settings");
	}

}
