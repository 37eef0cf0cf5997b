package lab.classroom;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

import lab.ClassroomTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Classroom mode over real HTTP against the real fleet: nobody but the instructor
 * operates it, students keep everything else.
 */
@ClassroomTest
class ClassroomIT {

	private static final String[] INSTRUCTOR = SiteClient.basic("instructor", ClassroomTest.PASSWORD);

	@LocalServerPort
	int port;

	@Autowired
	MessageSource messages;

	private SiteClient site;

	@BeforeEach
	void fleetIsUp() {
		this.site = new SiteClient(this.port);
		this.site.heal(INSTRUCTOR);
	}

	/** What a process looks like from outside: its id, state and pid. */
	private List<String> processes() {
		return this.site.instances()
			.stream()
			.map(i -> i.get("id") + "/" + i.get("state") + "/" + i.get("pid"))
			.sorted()
			.toList();
	}

	/**
	 * Every POST of the README's control API list, with valid parameters, placeholders
	 * filled in.
	 */
	static List<String[]> documentedControls() throws IOException {
		String readme = Files.readString(Path.of("README.md"));
		String api = readme.substring(readme.indexOf("### Control API"));
		api = api.substring(api.indexOf("```") + 3);
		api = api.substring(0, api.indexOf("```"));
		List<String[]> out = new ArrayList<>();
		Matcher m = Pattern.compile("(?m)^POST\\s+(\\S+)").matcher(api);
		while (m.find()) {
			String path = m.group(1)
				.replace("{id}", "payments-1")
				.replace("{topology}", "microservices")
				.replace("{service}", "payments");
			out.add(new String[] { path, validForm(path) });
		}
		return out;
	}

	private static String validForm(String path) {
		if (path.endsWith("/chaos")) {
			return "latencyMs=100&latencyShare=1&errorShare=0.5";
		}
		if (path.endsWith("/scale")) {
			return "replicas=3";
		}
		if (path.endsWith("/deploy")) {
			return "version=v2";
		}
		if (path.endsWith("/settings")) {
			return "resilience=false&autoRestart=true";
		}
		if (path.endsWith("/load")) {
			return "topology=microservices&feature=feed&rps=5&seconds=2";
		}
		return "";
	}

	@Test
	void anAnonymousPostToEveryDocumentedControlIsRefusedAndChangesNoProcess() throws IOException {
		List<String[]> controls = documentedControls();
		assertThat(controls).as("the README's control API list").hasSizeGreaterThanOrEqualTo(12);
		List<String> before = processes();
		Map<String, Object> settings = this.site.settings();
		for (String[] control : controls) {
			SiteClient.Answer answer = this.site.post(control[0] + "?lang=fa", control[1], "Accept",
					"application/json");
			assertThat(answer.status()).as(control[0]).isIn(401, 403);
			assertThat(answer.json().get("detail")).as(control[0])
				.isEqualTo(this.messages.getMessage("classroom.refused.signIn", null, Locale.forLanguageTag("fa")));
		}
		// the control room's forms (no JavaScript) and the class API are the instructor's
		// too
		for (String form : List.of("/en/demo/instances/payments-1/kill",
				"/fa/demo/services/microservices/payments/scale", "/en/demo/settings", "/en/fleet/anything",
				"/api/classes", "/api/classes/abc/next")) {
			assertThat(this.site.post(form, "replicas=3&autoRestart=true").status()).as(form).isIn(401, 403);
		}
		assertThat(processes()).isEqualTo(before);
		assertThat(this.site.settings()).isEqualTo(settings);
		assertThat(this.site.get("/api/fleet?lang=en").body()).doesNotContain("loadStarted");
	}

	@Test
	void theInstructorKillsAnInstanceWithHttpBasicAndStartsItAgain() {
		String payments = readyInstance("payments");
		Object pid = this.site.instance(payments).get("pid");
		SiteClient.Answer kill = this.site.post("/api/fleet/instances/" + payments + "/kill", "", INSTRUCTOR);
		assertThat(kill.status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(120)).until(() -> "killed".equals(this.site.instance(payments).get("state")));
		assertThat(this.site.post("/api/fleet/instances/" + payments + "/start", "", INSTRUCTOR).status())
			.isEqualTo(200);
		await().atMost(Duration.ofSeconds(120)).until(() -> "ready".equals(this.site.instance(payments).get("state")));
		assertThat(this.site.instance(payments).get("pid")).isNotEqualTo(pid);
	}

	@Test
	void aWrongPasswordIsRefusedAndChangesNothing() {
		String payments = readyInstance("payments");
		List<String> before = processes();
		SiteClient.Answer answer = this.site.post("/api/fleet/instances/" + payments + "/kill", "",
				SiteClient.basic("instructor", "not-the-password"));
		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.header("WWW-Authenticate")).startsWith("Basic");
		assertThat(this.site
			.post("/api/fleet/instances/" + payments + "/kill", "", SiteClient.basic("student", ClassroomTest.PASSWORD))
			.status()).isEqualTo(401);
		assertThat(processes()).isEqualTo(before);
	}

	@Test
	void studentsKeepTheLessonsTheQuizzesTheLiveViewAndTheStorefront() {
		assertThat(this.site.get("/api/fleet?lang=en").status()).isEqualTo(200);
		assertThat(this.site.get("/en/lessons/resilience").status()).isEqualTo(200);
		assertThat(this.site.get("/fa/fleet").status()).isEqualTo(200);
		assertThat(this.site.post("/en/lessons/monolith/quiz", firstChoices("/en/lessons/monolith")).status())
			.isEqualTo(200);
		SiteClient.Answer post = this.site.post("/api/store/microservices/posts?lang=en",
				"authorId=1&text=hello+class");
		assertThat(post.status()).isIn(200, 201);
		assertThat(post.json().get("ok")).isEqualTo(true);
		HttpClient http = HttpClient.newHttpClient();
		try {
			HttpResponse<java.io.InputStream> stream = http.send(
					HttpRequest.newBuilder(URI.create(this.site.base() + "/api/fleet/stream?lang=en")).build(),
					HttpResponse.BodyHandlers.ofInputStream());
			assertThat(stream.statusCode()).isEqualTo(200);
			assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
			stream.body().close();
		}
		catch (IOException | InterruptedException ex) {
			throw new AssertionError(ex);
		}
	}

	@Test
	void theStudentsControlRoomHasNoFormsAndSaysWhoOperates() {
		String page = this.site.get("/fa/fleet").body();
		assertThat(page).doesNotContain("<form method=\"post\" action=\"/fa/demo")
			.contains(this.messages.getMessage("demo.readOnly", null, Locale.forLanguageTag("fa")));
		String lesson = this.site.get("/en/lessons/resilience").body();
		assertThat(lesson).contains("data-operate=\"false\"").doesNotContain("action=\"/en/demo/settings\"");
	}

	@Test
	void aSignedInInstructorNeedsTheCsrfTokenWithTheSessionCookie() throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		HttpResponse<String> login = browser.send(
				form("/en/login", "username=instructor&password=" + ClassroomTest.PASSWORD),
				HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/en/fleet");
		HttpResponse<String> room = browser.send(
				HttpRequest.newBuilder(URI.create(this.site.base() + "/en/fleet")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(room.body()).contains("action=\"/en/demo/settings\"");
		Matcher token = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(room.body());
		assertThat(token.find()).isTrue();
		HttpResponse<String> without = browser.send(form("/api/fleet/settings", "autoRestart=false"),
				HttpResponse.BodyHandlers.ofString());
		assertThat(without.statusCode()).isEqualTo(403);
		assertThat(without.body()).contains("classroom.refused.csrf");
		HttpResponse<String> with = browser
			.send(HttpRequest.newBuilder(URI.create(this.site.base() + "/api/fleet/settings"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("X-CSRF-TOKEN", token.group(1))
				.POST(HttpRequest.BodyPublishers.ofString("autoRestart=false"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(with.statusCode()).isEqualTo(200);
	}

	@Test
	void thePresenterViewAsksAnonymousVisitorsToSignIn() {
		SiteClient.Answer answer = this.site.get("/fa/walkthroughs/intro/present", "Accept", "text/html");
		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.header("Location")).endsWith("/fa/login?next=%2Ffa%2Fwalkthroughs%2Fintro%2Fpresent");
		assertThat(this.site.get("/fa/walkthroughs/intro/present", "Accept", "application/json").status())
			.isEqualTo(401);
	}

	/** A quiz form with the first choice of every question on a lesson page. */
	private String firstChoices(String lesson) {
		Matcher m = Pattern.compile("name=\"(answer-[^\"]+)\" value=\"([^\"]+)\"")
			.matcher(this.site.get(lesson).body());
		java.util.Map<String, String> answers = new java.util.LinkedHashMap<>();
		while (m.find()) {
			answers.putIfAbsent(m.group(1), m.group(2));
		}
		assertThat(answers).isNotEmpty();
		return String.join("&", answers.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
	}

	private HttpRequest form(String path, String body) {
		return HttpRequest.newBuilder(URI.create(this.site.base() + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
	}

	private String readyInstance(String service) {
		await().atMost(Duration.ofSeconds(120))
			.until(() -> this.site.instances()
				.stream()
				.anyMatch(i -> service.equals(i.get("service")) && "ready".equals(i.get("state"))));
		return this.site.instances()
			.stream()
			.filter(i -> service.equals(i.get("service")) && "ready".equals(i.get("state")))
			.map(i -> (String) i.get("id"))
			.findFirst()
			.orElseThrow();
	}

}
