package lab.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

import lab.FleetTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The live demo in real Chromium against the real fleet: act on a process from the page, watch it. */
@FleetTest
class DemoBrowserIT {

	@LocalServerPort
	int port;

	@org.junit.jupiter.api.BeforeEach
	@org.junit.jupiter.api.AfterEach
	void healTheFleet() {
		new lab.fleet.FleetClient(this.port).heal();
	}

	@Test
	void killingPaymentsFromThePageTurnsItsNodeRedAndDegradesTips() {
		WebDriver driver = Browser.driver();
		String base = "http://127.0.0.1:" + this.port;
		LessonPage.open(driver, base, "en", "resilience");
		DemoWidget demo = new DemoWidget(driver);
		String payments = demo.readyInstance("payments");
		assertThat(demo.diagramNodeClass(payments)).contains("state-ready");
		demo.act(payments, "instance", "kill").awaitState(payments, "killed");
		assertThat(demo.diagramNodeClass(payments)).contains("state-killed");
		assertThat(demo.tipFirstPost("microservices")).isEqualTo("Tips are unavailable right now.");
		assertThat(demo.feedAuthors("microservices")).isNotEmpty();
		Browser.screenshot("en-demo-payments-killed");
		demo.act(payments, "instance", "start").awaitState(payments, "ready");
	}

	@Test
	void aLiveWidgetFullOfProcessesHasNoAccessibilityViolations() {
		WebDriver driver = Browser.driver();
		for (String lang : java.util.List.of("en", "fa")) {
			LessonPage.open(driver, "http://127.0.0.1:" + this.port, lang, "monolith");
			new DemoWidget(driver).awaitFeed("monolith");
			Browser.screenshot(lang + "-demo-monolith");
			com.deque.html.axecore.results.Results results = new com.deque.html.axecore.selenium.AxeBuilder()
				.include(java.util.List.of("section.demo"))
				.analyze(driver);
			assertThat(results.getViolations()).as(lang)
				.extracting(v -> v.getId() + " " + v.getNodes().stream().limit(2).map(n -> n.getTarget().toString()).toList())
				.isEmpty();
		}
	}

	@Test
	void thePersianDemoSpeaksPersian() {
		WebDriver driver = Browser.driver();
		LessonPage.open(driver, "http://127.0.0.1:" + this.port, "fa", "resilience");
		DemoWidget demo = new DemoWidget(driver);
		String users = demo.readyInstance("users");
		demo.act(users, "instance", "kill").awaitState(users, "killed");
		org.openqa.selenium.support.ui.WebDriverWait wait = new org.openqa.selenium.support.ui.WebDriverWait(driver,
				java.time.Duration.ofSeconds(15));
		wait.until(d -> demo.feedAuthors("microservices").contains("نام در دسترس نیست"));
		Browser.screenshot("fa-demo-users-killed");
		demo.act(users, "instance", "start").awaitState(users, "ready");
	}

}
