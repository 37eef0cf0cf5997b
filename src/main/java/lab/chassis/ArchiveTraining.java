package lab.chassis;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;

/**
 * The training run behind a demo process's class-data archive ({@link ChildArchive}): a
 * monolith that, once ready, asks itself what the fleet asks of an instance (health,
 * reads, a write, the ops endpoints), then loads the chassis and business classes the
 * monolith does not use (the HTTP clients of the services), and exits normally, which is
 * when the JVM writes the archive. Started by {@code --train=true} beside the usual
 * arguments; never by the fleet.
 */
final class ArchiveTraining {

	static final String FLAG = "--train=true";

	private static final List<String> PREFIXES = List.of("lab/chassis/", "lab/business/", "lab/monolith/");

	private ArchiveTraining() {
	}

	/** Exercises the process on {@code port}; failures only make the archive smaller. */
	static void exercise(int port) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		String base = "http://127.0.0.1:" + port;
		List<HttpRequest> requests = List.of(get(base + "/health/ready"), get(base + "/info"), get(base + "/api/users"),
				get(base + "/api/users/1"), get(base + "/api/posts"), get(base + "/api/posts/1"),
				get(base + "/api/threads/1/replies"), get(base + "/api/tips"), get(base + "/settings"),
				get(base + "/chaos"), get(base + "/no-such-path"),
				post(base + "/api/posts", "{\"authorId\":1,\"text\":\"training\"}"),
				post(base + "/api/threads/1/replies", "{\"authorId\":2,\"text\":\"training\"}"),
				post(base + "/api/tips",
						"{\"fromUserId\":1,\"toUserId\":2,\"amountCents\":100,\"idempotencyKey\":\"training\"}"),
				post(base + "/settings", "{}"), post(base + "/chaos", "{}"));
		for (int round = 0; round < 3; round++) {
			for (HttpRequest request : requests) {
				try {
					http.send(request, HttpResponse.BodyHandlers.ofString());
				}
				catch (IOException e) {
					// a failed call costs only its classes
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
		loadApplicationClasses();
	}

	/**
	 * Loads (without initialising) every chassis and business class, so the archive holds
	 * them too.
	 */
	private static void loadApplicationClasses() {
		Path jar = codeSource();
		if (jar == null) {
			return;
		}
		ClassLoader loader = ArchiveTraining.class.getClassLoader();
		try (JarInputStream in = new JarInputStream(java.nio.file.Files.newInputStream(jar))) {
			for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
				String name = entry.getName();
				if (name.endsWith(".class") && PREFIXES.stream().anyMatch(name::startsWith)) {
					try {
						Class.forName(name.substring(0, name.length() - ".class".length()).replace('/', '.'), false,
								loader);
					}
					catch (ClassNotFoundException | LinkageError e) {
						// a class that needs what a demo process does not have stays out
						// of the archive
					}
				}
			}
		}
		catch (IOException e) {
			// the classes already loaded are archived all the same
		}
	}

	private static Path codeSource() {
		try {
			var source = ArchiveTraining.class.getProtectionDomain().getCodeSource();
			Path path = source == null ? null : Path.of(source.getLocation().toURI());
			return path != null && path.toString().endsWith(".jar") ? path : null;
		}
		catch (java.net.URISyntaxException | IllegalArgumentException | SecurityException e) {
			return null;
		}
	}

	private static HttpRequest get(String url) {
		return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
	}

	private static HttpRequest post(String url, String json) {
		return HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(5))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
	}

}
