package lab.site;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production path: the packaged jar, run as {@code java -jar} like the README says,
 * so the lessons and bundles come from the jar and the page cache is on. Pages are served
 * from the cache (gzip as sent, with the right headers), assets with their versioned
 * URLs, and the About page fresh each time (it shows today's date).
 */
class PackagedSiteIT {

	private static final Pattern LISTENING = Pattern.compile("Microservices Lab on http://[^:]+:(\\d+)/");

	@TempDir
	static Path dir;

	static Process site;

	static String base;

	/**
	 * The line Spring Boot logs first, which names an AOT-processed application as such.
	 */
	static final CompletableFuture<String> starting = new CompletableFuture<>();

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void startTheJar() throws Exception {
		Path classes = Path.of(PackagedSiteIT.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		Path jar = classes.getParent().resolve("microservices-lab.jar");
		assertThat(jar).as("the packaged jar").isRegularFile();
		String java = ProcessHandle.current().info().command().orElse("java");
		site = new ProcessBuilder(java, "-XX:+UseSerialGC", "-Xmx256m", "-jar", jar.toString(), "--server.port=0",
				"--server.address=127.0.0.1", "--lab.fleet.autostart=false",
				"--lab.fleet.data-dir=" + dir.resolve("data"))
			.redirectErrorStream(true)
			.start();
		CompletableFuture<String> port = new CompletableFuture<>();
		Thread reader = new Thread(() -> {
			try (BufferedReader out = new BufferedReader(
					new InputStreamReader(site.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line = out.readLine(); line != null; line = out.readLine()) {
					if (line.contains("Starting ") && line.contains("MicroservicesLabApplication")) {
						starting.complete(line);
					}
					Matcher m = LISTENING.matcher(line);
					if (m.find()) {
						port.complete(m.group(1));
					}
				}
				port.completeExceptionally(new IllegalStateException("the site exited"));
			}
			catch (java.io.IOException ex) {
				port.completeExceptionally(ex);
			}
		}, "packaged-site-stdout");
		reader.setDaemon(true);
		reader.start();
		base = "http://127.0.0.1:" + port.get(180, TimeUnit.SECONDS);
		org.awaitility.Awaitility.await("the packaged site ready")
			.atMost(Duration.ofSeconds(120))
			.until(() -> status("/health/readiness") == 200);
	}

	@AfterAll
	static void stop() throws Exception {
		if (site != null) {
			site.destroy();
			if (!site.waitFor(20, TimeUnit.SECONDS)) {
				site.destroyForcibly();
			}
		}
	}

	private static int status(String path) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (java.io.IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	@Test
	void theJarStartsWithTheBeanDefinitionsGeneratedAtBuildTime() throws Exception {
		assertThat(starting.get(10, TimeUnit.SECONDS)).contains("Starting AOT-processed MicroservicesLabApplication");
	}

	@Test
	void lessonsComeFromTheJarAndAreServedFromTheCacheGzippedAsSent() throws Exception {
		String page = "/fa/lessons/what-is-a-microservice";
		HttpResponse<byte[]> first = get(page);
		assertThat(first.statusCode()).isEqualTo(200);
		HttpResponse<byte[]> plain = get(page);
		assertThat(plain.headers().firstValue(PageCacheFilter.HEADER)).hasValue("hit");
		assertThat(plain.headers().firstValue("Content-Language")).hasValue("fa");
		assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
		String html = new String(plain.body(), StandardCharsets.UTF_8);
		assertThat(html).contains("<html lang=\"fa\" dir=\"rtl\">");

		HttpResponse<byte[]> zipped = get(page, "Accept-Encoding", "gzip");
		assertThat(zipped.headers().firstValue(PageCacheFilter.HEADER)).hasValue("hit");
		assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(zipped.headers().allValues("Vary")).anyMatch(v -> v.contains("Accept-Encoding"));
		assertThat(zipped.headers().firstValue("Content-Security-Policy")).isPresent();
		assertThat(zipped.body().length).isLessThan(plain.body().length);
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(html);
		}
	}

	@Test
	void assetsHaveVersionedUrlsThatAnswerWithAYearOfCaching() throws Exception {
		String html = new String(get("/en/").body(), StandardCharsets.UTF_8);
		Matcher css = Pattern.compile("href=\"(/css/[^\"]+-[0-9a-f]{32}\\.css)\"").matcher(html);
		assertThat(css.find()).as("a versioned stylesheet in " + html).isTrue();
		HttpResponse<byte[]> asset = get(css.group(1));
		assertThat(asset.statusCode()).isEqualTo(200);
		assertThat(asset.headers().firstValue("Cache-Control"))
			.hasValueSatisfying(v -> assertThat(v).contains("max-age=31536000"));
	}

	@Test
	void theAboutPageIsRenderedFreshEachTime() throws Exception {
		for (String page : new String[] { "/en/about", "/fa/about" }) {
			get(page);
			HttpResponse<byte[]> again = get(page);
			assertThat(again.statusCode()).isEqualTo(200);
			assertThat(again.headers().firstValue(PageCacheFilter.HEADER)).as(page).isEmpty();
		}
	}

}
