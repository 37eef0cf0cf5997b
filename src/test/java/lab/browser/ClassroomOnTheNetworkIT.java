package lab.browser;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;

import lab.MicroservicesLabApplication;
import lab.classroom.SiteClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real start of the site listening on every interface ({@code 0.0.0.0}), nothing said
 * about classroom mode: it turns on by itself, prints a generated password once, and its
 * budgets and refusal pages hold (real HTTP, real Chromium, axe on the login, 401, 403
 * and 429 pages).
 */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClassroomOnTheNetworkIT {

	private static final Pattern PASSWORD = Pattern.compile("password ([a-z2-9]{4}(?:-[a-z2-9]{4}){3})");

	private static ConfigurableApplicationContext site;

	private static String startOutput;

	private static SiteClient client;

	@BeforeAll
	static void startOnEveryInterface(CapturedOutput output) {
		site = new SpringApplicationBuilder(MicroservicesLabApplication.class).run("--server.port=0",
				"--server.address=0.0.0.0", "--lab.fleet.autostart=false",
				"--lab.fleet.data-dir=target/it-network-data", "--lab.limits.loopback-exempt=false",
				"--lab.limits.store-writes-per-minute=8", "--lab.classroom.login-failures-per-minute=3",
				"--spring.jmx.enabled=false");
		startOutput = output.getAll();
		client = new SiteClient(((WebServerApplicationContext) site).getWebServer().getPort());
	}

	@AfterAll
	static void stop() {
		if (site != null) {
			site.close();
		}
	}

	private static String text(String key, String lang) {
		return site.getBean(MessageSource.class).getMessage(key, null, Locale.forLanguageTag(lang));
	}

	@Test
	@Order(1)
	void listeningOnEveryInterfaceTurnsClassroomModeOnAndPrintsAPasswordOnce() {
		assertThat(startOutput).contains("Classroom mode is on");
		Matcher m = PASSWORD.matcher(startOutput);
		assertThat(m.find()).as("a generated password in the start-up output").isTrue();
		String password = m.group(1);
		assertThat(startOutput.split(Pattern.quote(password), -1)).hasSize(2);
		assertThat(client.post("/api/fleet/settings", "autoRestart=true").status()).isEqualTo(401);
		assertThat(client.post("/api/fleet/settings", "autoRestart=true", SiteClient.basic("instructor", password))
			.status()).isEqualTo(200);
	}

	@Test
	@Order(2)
	void aBurstOfStorefrontWritesGets429() {
		int refused = 0;
		SiteClient.Answer last = null;
		for (int i = 0; i < 10; i++) {
			last = client.post("/api/store/microservices/posts?lang=fa", "authorId=1&text=burst-" + i);
			if (last.status() == 429) {
				refused++;
			}
			else {
				assertThat(refused).as("no write passes once the budget is spent").isZero();
			}
		}
		assertThat(refused).isGreaterThan(0);
		assertThat(last.status()).isEqualTo(429);
		assertThat(last.header("Retry-After")).matches("\\d+");
		assertThat(last.json().get("detail")).isEqualTo(text("classroom.refused.storeWrites", "fa"));
		// reading is never budgeted
		assertThat(client.get("/api/fleet").status()).isEqualTo(200);
	}

	@Test
	@Order(3)
	void fromAnotherMachineTheLoadBalancerIsClosedAndTheAddressIsAccepted() throws Exception {
		java.net.InetAddress own = null;
		for (java.net.NetworkInterface nic : java.util.Collections
			.list(java.net.NetworkInterface.getNetworkInterfaces())) {
			for (java.net.InetAddress a : java.util.Collections.list(nic.getInetAddresses())) {
				if (nic.isUp() && !a.isLoopbackAddress() && a.getAddress().length == 4) {
					own = a;
				}
			}
		}
		assertThat(own).as("a network address of this machine").isNotNull();
		int port = ((WebServerApplicationContext) site).getWebServer().getPort();
		java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
		String base = "http://" + own.getHostAddress() + ":" + port;
		for (String method : List.of("GET", "POST")) {
			java.net.http.HttpResponse<String> lb = http.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create(base + "/lb/microservices/users/api/users?lang=fa"))
				.method(method, java.net.http.HttpRequest.BodyPublishers.noBody())
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
			assertThat(lb.statusCode()).as(method).isEqualTo(403);
			assertThat(lb.body()).contains(text("classroom.refused.peersOnly", "fa"));
		}
		java.net.http.HttpResponse<String> page = http.send(
				java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/en/")).build(),
				java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
	}

	@Test
	@Order(4)
	void loginAndRefusalPagesAreAccessibleInBothLanguages() {
		WebDriver driver = Browser.driver();
		String base = client.base();
		for (String lang : List.of("en", "fa")) {
			LoginPage.open(driver, base, lang);
			assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(text("login.title", lang));
			Browser.screenshot(lang + "-classroom-login");
			assertNoViolations(driver, lang + " login");

			submitForm(driver, "about:blank", base + "/" + lang + "/demo/settings");
			GenericPage.current(driver, "error");
			assertThat(driver.findElement(By.cssSelector(".error-status")).getText()).contains(digits("403", lang));
			assertThat(driver.findElement(By.cssSelector("p.lead")).getText())
				.isEqualTo(text("classroom.refused.crossSite", lang));
			Browser.screenshot(lang + "-classroom-403");
			assertNoViolations(driver, lang + " 403");

			submitForm(driver, base + "/" + lang + "/about", base + "/" + lang + "/demo/settings");
			GenericPage.current(driver, "error");
			assertThat(driver.findElement(By.cssSelector("p.lead")).getText())
				.isEqualTo(text("classroom.refused.signIn", lang));
			Browser.screenshot(lang + "-classroom-401");
			assertNoViolations(driver, lang + " 401");
		}
		for (String lang : List.of("en", "fa")) {
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				LoginPage.open(driver, base, lang).send("not-the-password");
				return !driver.findElements(By.cssSelector("body[data-page='error']")).isEmpty();
			});
			assertThat(driver.findElement(By.cssSelector(".error-status")).getText()).contains(digits("429", lang));
			assertThat(driver.findElement(By.cssSelector("p.lead")).getText())
				.isEqualTo(text("classroom.refused.logins", lang));
			Browser.screenshot(lang + "-classroom-429");
			assertNoViolations(driver, lang + " 429");
		}
	}

	/**
	 * Opens {@code from} and posts a form from there to {@code action}, as a page at
	 * {@code from} could.
	 */
	private static void submitForm(WebDriver driver, String from, String action) {
		driver.get(from);
		((JavascriptExecutor) driver).executeScript("const f = document.createElement('form');"
				+ "f.method = 'post'; f.action = arguments[0];"
				+ "const i = document.createElement('input'); i.name = 'autoRestart'; i.value = 'true'; f.append(i);"
				+ "document.body.append(f); f.submit();", action);
	}

	private static String digits(String ascii, String lang) {
		return "fa".equals(lang) ? lab.system.LocalizedFormat.digits(ascii, Locale.forLanguageTag("fa")) : ascii;
	}

	private static void assertNoViolations(WebDriver driver, String what) {
		Results results = new AxeBuilder().analyze(driver);
		assertThat(results.getViolations()).as(what)
			.extracting(
					v -> v.getId() + " " + v.getNodes().stream().limit(2).map(n -> n.getTarget().toString()).toList())
			.isEmpty();
	}

}
