package lab.site;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.test.web.server.LocalServerPort;

import lab.SiteTest;
import lab.content.ContentStore;
import lab.content.Lang;
import lab.content.Lesson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The site over real HTTP: languages, links between them, headers, compression, errors,
 * quiz.
 */
@SiteTest
class SiteHttpTest {

	@LocalServerPort
	int port;

	@Autowired
	ContentStore content;

	@Autowired
	HealthEndpointGroups healthGroups;

	private final HttpClient http = HttpClient.newHttpClient();

	private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (headers.length > 0) {
			b.headers(headers);
		}
		return this.http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private String firstLesson(Lang lang) {
		return this.content.lessons(lang).get(0).slug();
	}

	private List<String> pages() {
		String slug = firstLesson(Lang.EN);
		return List.of("/en/", "/fa/", "/en/lessons/" + slug, "/fa/lessons/" + slug, "/en/glossary", "/fa/glossary",
				"/en/about", "/fa/about");
	}

	@Test
	void healthSaysLiveAndReadyOnceTheLessonsAreRendered() throws Exception {
		assertThat(this.content.rendering()).isEqualTo(ContentStore.Rendering.DONE);
		assertThat(get("/health").body()).contains("\"status\":\"UP\"");
		for (String path : List.of("/health/liveness", "/health/readiness")) {
			HttpResponse<String> health = get(path);
			assertThat(health.statusCode()).as(path).isEqualTo(200);
			assertThat(health.body()).as(path).isEqualTo("{\"status\":\"UP\"}");
		}
		// readiness is made of the application's state and the rendered lessons, and
		// nothing else
		HealthEndpointGroup readiness = this.healthGroups.get("readiness");
		assertThat(readiness.isMember("lessons")).isTrue();
		assertThat(readiness.isMember("readinessState")).isTrue();
		assertThat(readiness.isMember("diskSpace")).isFalse();
		assertThat(this.healthGroups.get("liveness").isMember("lessons")).isFalse();
	}

	@Test
	void everyPageLinksAnIconThatIsServedFromHereAndSoIsFaviconIco() throws Exception {
		String html = get("/en/").body();
		Matcher icon = Pattern.compile("<link rel=\"icon\" type=\"image/svg\\+xml\" href=\"([^\"]+)\"").matcher(html);
		assertThat(icon.find()).as("an icon link in " + html).isTrue();
		HttpResponse<String> svg = get(icon.group(1));
		assertThat(svg.statusCode()).isEqualTo(200);
		assertThat(svg.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
		HttpResponse<String> ico = get("/favicon.ico");
		assertThat(ico.statusCode()).isEqualTo(200);
		assertThat(ico.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("icon"));
	}

	@Test
	void anErrorUnderApiIsAProblemDetailInJson() throws Exception {
		HttpResponse<String> missing = get("/api/no-such-thing", "Accept", "application/json");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
		assertThat(missing.body()).startsWith(
				"{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"There is no page");
		HttpResponse<String> persian = get("/api/no-such-thing?lang=fa", "Accept", "application/json");
		assertThat(persian.body()).contains("\"detail\":\"").doesNotContain("There is no page");
	}

	@Test
	void noActuatorEndpointButHealthIsReachable() throws Exception {
		for (String path : List.of("/env", "/beans", "/configprops", "/info", "/heapdump", "/threaddump", "/loggers",
				"/mappings", "/actuator", "/actuator/health", "/actuator/env")) {
			assertThat(get(path).statusCode()).as(path).isEqualTo(404);
		}
		assertThat(get("/health").body()).doesNotContain("components", "details", "diskSpace");
	}

	@Test
	void theRootSendsPersianBrowsersToPersian() throws Exception {
		HttpResponse<String> fa = get("/", "Accept-Language", "fa-IR,fa;q=0.9,en;q=0.5");
		assertThat(fa.statusCode()).isEqualTo(302);
		assertThat(fa.headers().firstValue("Location")).hasValue("/fa/");
		assertThat(get("/", "Accept-Language", "de-DE,en;q=0.5").headers().firstValue("Location")).hasValue("/en/");
		assertThat(get("/").headers().firstValue("Location")).hasValue("/en/");
	}

	@Test
	void everyPageDeclaresItsLanguageAndDirection() throws Exception {
		for (String path : pages()) {
			String html = get(path).body();
			String expected = path.startsWith("/fa/") ? "<html lang=\"fa\" dir=\"rtl\">"
					: "<html lang=\"en\" dir=\"ltr\">";
			assertThat(html).as(path).contains(expected);
			assertThat(html).as(path).doesNotContain("??");
		}
	}

	@Test
	void persianPagesUseTheRightToLeftStylesheetAndTheSelfHostedFont() throws Exception {
		String fa = get("/fa/").body();
		assertThat(fa).contains("css/bootstrap.rtl.min.css").contains("Vazirmatn-Regular");
		String en = get("/en/").body();
		assertThat(en).contains("css/bootstrap.min.css").doesNotContain("rtl.min.css");
	}

	@Test
	void alternateLanguageLinksAreReciprocal() throws Exception {
		for (String path : pages()) {
			String html = get(path).body();
			String other = path.startsWith("/fa/") ? "/en/" + path.substring(4) : "/fa/" + path.substring(4);
			String base = "http://127.0.0.1:" + this.port;
			assertThat(html).as(path)
				.contains("<link rel=\"alternate\" hreflang=\"" + path.substring(1, 3) + "\" href=\"" + base + path
						+ "\">")
				.contains("hreflang=\"" + other.substring(1, 3) + "\" href=\"" + base + other + "\"")
				.contains("hreflang=\"x-default\"");
			assertThat(get(other).body()).as(other).contains("href=\"" + base + path + "\"");
		}
	}

	@Test
	void theLanguageSwitchLeadsToTheSamePage() throws Exception {
		String slug = firstLesson(Lang.EN);
		Matcher m = Pattern.compile("class=\"nav-link lang-switch\" href=\"([^\"]+)\"")
			.matcher(get("/en/lessons/" + slug).body());
		assertThat(m.find()).isTrue();
		assertThat(m.group(1)).isEqualTo("/fa/lessons/" + slug);
	}

	@Test
	void everyResponseCarriesTheSecurityHeaders() throws Exception {
		for (String path : List.of("/en/", "/fa/nope", "/css/site.css", "/en/lessons/..%2f..%2fpom.xml")) {
			HttpResponse<String> r = get(path);
			String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
			assertThat(csp).as(path)
				.contains("default-src 'self'")
				.contains("frame-ancestors 'self'")
				.doesNotContain("unsafe-inline")
				.doesNotContain("http");
			assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
			assertThat(r.headers().firstValue("Referrer-Policy")).as(path).isPresent();
		}
	}

	@Test
	void htmlAndCssAreCompressedForClientsThatAcceptGzip() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/fa/"))
			.header("Accept-Encoding", "gzip")
			.build();
		HttpResponse<byte[]> r = this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
		assertThat(r.headers().firstValue("Content-Encoding")).hasValue("gzip");
		String html = new String(new GZIPInputStream(new ByteArrayInputStream(r.body())).readAllBytes(),
				StandardCharsets.UTF_8);
		assertThat(html).contains("<html lang=\"fa\"");
		Matcher css = Pattern.compile("href=\"(/webjars/bootstrap/[^\"]+)\"").matcher(html);
		assertThat(css.find()).isTrue();
		HttpRequest cssRequest = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + css.group(1)))
			.header("Accept-Encoding", "gzip")
			.build();
		assertThat(this.http.send(cssRequest, HttpResponse.BodyHandlers.ofByteArray())
			.headers()
			.firstValue("Content-Encoding")).hasValue("gzip");
	}

	@Test
	void staticAssetsHaveVersionedUrlsAndAreCachedForAYear() throws Exception {
		Matcher m = Pattern.compile("href=\"(/css/site-[0-9a-f]{32}\\.css)\"").matcher(get("/en/").body());
		assertThat(m.find()).as("versioned site.css").isTrue();
		HttpResponse<String> css = get(m.group(1));
		assertThat(css.statusCode()).isEqualTo(200);
		assertThat(css.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000");
		assertThat(css.body()).containsPattern("Vazirmatn-Regular-[0-9a-f]{32}\\.woff2");
		assertThat(get("/en/").headers().firstValue("Cache-Control").orElse("")).doesNotContain("max-age=31536000");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/de/", "/de/lessons/monolith", "/en/lessons/no-such-lesson", "/fa/lessons/no-such-lesson",
			"/en/lessons/../../pom.xml", "/en/lessons/..%2f..%2fpom.xml", "/fa/lessons/%2e%2e%2fpom.xml",
			"/en/lessons/a%00b", "/fa/lessons/%c0%ae%c0%ae", "/en/lessons/Monolith", "/fa/nothing/here" })
	void badAddressesGetAPageNotAFileNorAServerError(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build();
		HttpResponse<String> r = this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(r.statusCode()).as(path).isIn(400, 404);
		assertThat(r.body()).as(path)
			.contains("<html lang=")
			.doesNotContain("<project")
			.doesNotContain("Exception")
			.doesNotContain("Tomcat");
		if (path.startsWith("/fa/")) {
			assertThat(r.body()).as(path).contains("lang=\"fa\"").containsPattern("[\\u0600-\\u06FF]");
		}
	}

	@Test
	void anOverlongSlugIsNotFound() throws Exception {
		HttpResponse<String> r = get("/fa/lessons/" + "a".repeat(5000));
		assertThat(r.statusCode()).isIn(400, 404, 414);
		assertThat(r.statusCode()).isLessThan(500);
	}

	@Test
	void persianPagesWritePersianDigits() throws Exception {
		String html = get("/fa/lessons/" + firstLesson(Lang.FA)).body();
		assertThat(html).containsPattern("درس [۰-۹]+ از [۰-۹]+");
		assertThat(get("/en/lessons/" + firstLesson(Lang.EN)).body()).containsPattern("Lesson \\d+ of \\d+");
	}

	@Test
	void aQuizIsGradedOnTheServer() throws Exception {
		Lesson lesson = this.content.lessons(Lang.EN).get(0);
		var quiz = this.content.quiz(Lang.EN, lesson.slug()).orElseThrow();
		StringBuilder form = new StringBuilder();
		for (var q : quiz.questions()) {
			form.append("answer-").append(q.id()).append('=').append(q.answer()).append('&');
		}
		HttpResponse<String> r = post("/en/lessons/" + lesson.slug() + "/quiz", form.toString());
		assertThat(r.statusCode()).isEqualTo(200);
		int n = quiz.questions().size();
		assertThat(r.body()).contains("You got " + n + " of " + n + " right.");
	}

	@Test
	void aQuizWithMissingOrForgedAnswersSaysSoInThePageLanguage() throws Exception {
		Lesson lesson = this.content.lessons(Lang.FA).get(0);
		var quiz = this.content.quiz(Lang.FA, lesson.slug()).orElseThrow();
		String first = quiz.questions().get(0).id();
		String firstAnswer = quiz.questions().get(0).answer();
		String second = quiz.questions().get(1).id();
		HttpResponse<String> r = post("/fa/lessons/" + lesson.slug() + "/quiz",
				"answer-" + first + "=" + firstAnswer + "&answer-" + second + "=forged&answer-nosuch=a");
		assertThat(r.statusCode()).isEqualTo(400);
		assertThat(r.body()).contains("این پاسخ جزو گزینه‌ها نیست")
			.contains("فرم پرسشی داشت که در این آزمونک نیست")
			.contains("برای این پرسش یک پاسخ انتخاب کنید")
			.containsPattern("name=\"answer-" + first + "\" value=\"" + firstAnswer + "\" checked");
	}

	@Test
	void aQuizForAnUnknownLessonIsNotFound() throws Exception {
		assertThat(post("/en/lessons/no-such-lesson/quiz", "answer-q1=a").statusCode()).isEqualTo(404);
	}

}
