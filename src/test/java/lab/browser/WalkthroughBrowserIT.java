package lab.browser;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import lab.FleetTest;
import lab.fleet.FleetClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two people in two real Chromium browsers against the real fleet: a presenter at
 * 1920×1080 and a student on a phone-sized screen, in both languages.
 */
@FleetTest
class WalkthroughBrowserIT {

	private static final String SLUG = "one-failing-service";

	private static final Duration WAIT = Duration.ofSeconds(15);

	private static ChromeDriver presenter;

	private static ChromeDriver student;

	@LocalServerPort
	int port;

	@BeforeAll
	static void openTwoBrowsers() {
		presenter = Browser.another("1920,1080");
		student = Browser.another("390,844");
	}

	@AfterAll
	static void closeThem() {
		presenter.quit();
		student.quit();
	}

	@BeforeEach
	@AfterEach
	void healTheFleet() {
		new FleetClient(this.port).heal();
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

	// ------------------------------------------------------------------ a class that
	// follows

	@Test
	void theStudentFollowsThePresenterInEitherLanguage() {
		for (String lang : List.of("en", "fa")) {
			String code = startClass(lang);
			openFollower(lang, code);
			assertThat(visibleStep(student, ".follow-steps")).isEqualTo(1);
			press(presenter, forward(lang));
			awaitPresenterStep(2);
			long moved = System.nanoTime();
			awaitFollowerStep(2);
			System.out.printf("[%s] the student followed in %d ms%n", lang, (System.nanoTime() - moved) / 1_000_000);
			press(presenter, Keys.END);
			awaitFollowerStep(8);
			Browser.screenshot(presenter, lang + "-walkthrough-presenter", false);
			Browser.screenshot(student, lang + "-walkthrough-follower", false);
			endClass();
		}
	}

	@Test
	void aLateJoinerLandsOnTheCurrentStep() {
		String code = startClass("en");
		press(presenter, Keys.PAGE_DOWN);
		press(presenter, Keys.PAGE_DOWN);
		press(presenter, Keys.PAGE_DOWN);
		awaitPresenterStep(4);
		awaitClassStep(code, 4);
		openFollower("fa", code);
		assertThat(visibleStep(student, ".follow-steps")).isEqualTo(4);
		awaitFollowerStep(4);
		endClass();
	}

	@Test
	void aDroppedConnectionResumesOnTheCurrentStep() throws Exception {
		String code = startClass("en");
		try (CuttableProxy proxy = new CuttableProxy(this.port)) {
			student.get("http://127.0.0.1:" + proxy.port() + "/en/classes/" + code);
			awaitFollowerStep(1);
			proxy.cut();
			new WebDriverWait(student, WAIT).until(d -> text(d, ".follow-status-text").contains("reconnecting"));
			press(presenter, forward("en"));
			press(presenter, forward("en"));
			awaitClassStep(code, 3);
			assertThat(visibleStep(student, ".follow-steps")).isEqualTo(1);
			proxy.online();
			awaitFollowerStep(3);
			assertThat(text(student, ".follow-status-text")).isEqualTo("You are following the presenter.");
		}
		endClass();
	}

	@Test
	void aStudentCannotMoveTheClass() {
		for (String lang : List.of("en", "fa")) {
			String code = startClass(lang);
			openFollower(lang, code);
			@SuppressWarnings("unchecked")
			Map<String, Object> answer = (Map<String, Object>) ((JavascriptExecutor) student).executeAsyncScript("""
					const done = arguments[arguments.length - 1];
					import('/js/http.js').then(({ send }) => send(arguments[0], { step: 3 }, arguments[1]))
					  .then((a) => done({ status: a.status, detail: a.body.detail }));
					""", "/api/classes/" + code + "/step", lang);
			assertThat(((Number) answer.get("status")).intValue()).isEqualTo(403);
			assertThat((String) answer.get("detail"))
				.isEqualTo(lang.equals("fa") ? "فقط ارائه‌دهندهٔ کلاس می‌تواند آن را جابه‌جا کند یا به پایان برساند."
						: "Only the class's presenter can move or end it.");
			awaitClassStep(code, 1);
			endClass();
		}
	}

	@Test
	void aStepsCheckTurnsMetWhenItsActionIsDone() {
		presenter.get(base() + "/en/walkthroughs/" + SLUG + "/present#step=2");
		awaitPresenterStep(2);
		WebElement check = presenter.findElement(By.cssSelector("#step-2 .walk-check"));
		new WebDriverWait(presenter, WAIT).until(d -> "unmet".equals(check.getAttribute("data-met")));
		assertThat(check.getText()).contains("Payments is down");
		presenter.findElement(By.cssSelector("#step-2 button.walk-action")).click();
		new WebDriverWait(presenter, WAIT).until(d -> "met".equals(check.getAttribute("data-met")));
		assertThat(text(presenter, "#step-2 .walk-check-state")).isEqualTo("Met");
		assertThat(text(presenter, "#step-2 .walk-action-result")).contains("Done");
		Browser.screenshot(presenter, "en-walkthrough-presenter-check-met", false);
	}

	// ------------------------------------------------------------------ the room's
	// screen

	@Test
	void atFullHdTheStepAndTheLiveDemoAreBothAboveTheFoldOnEveryStep() {
		for (String lang : List.of("en", "fa")) {
			presenter.get(base() + "/" + lang + "/walkthroughs/" + SLUG + "/present");
			awaitPresenterStep(1);
			int steps = Integer
				.parseInt(presenter.findElement(By.cssSelector("article.present")).getAttribute("data-steps"));
			for (int n = 1; n <= steps; n++) {
				if (n > 1) {
					press(presenter, forward(lang));
					awaitPresenterStep(n);
				}
				new WebDriverWait(presenter, WAIT).until(d -> !d
					.findElements(By.cssSelector(".present-stage .walk-demo:not([hidden]) .demo-diagram-art svg"))
					.isEmpty());
				@SuppressWarnings("unchecked")
				Map<String, Object> layout = (Map<String, Object>) ((JavascriptExecutor) presenter).executeScript("""
						const box = (css) => document.querySelector(css).getBoundingClientRect();
						const diagrams = [...document.querySelectorAll(
						    '.present-stage .walk-demo:not([hidden]) .demo-diagram-art svg')]
						  .map((svg) => svg.getBoundingClientRect());
						return {
						  width: innerWidth, height: innerHeight, scrolled: scrollY,
						  stepTop: box('.present-current .walk-step:not([hidden]) .walk-step-title').top,
						  stepBottom: box('.present-current .walk-step:not([hidden]) .walk-step-body').bottom,
						  demoTop: box('.present-stage .walk-demo:not([hidden]) section.demo').top,
						  logTop: box('.present-stage .walk-demo:not([hidden]) .demo-events').top,
						  diagramsBottom: Math.max(...diagrams.map((r) => r.bottom)),
						  diagramsWidth: diagrams.reduce((sum, r) => sum + r.width, 0),
						  stepWidth: box('.present-current').width
						};""");
				String where = lang + " step " + n + " " + layout;
				double height = number(layout, "height");
				assertThat(number(layout, "width")).as(where).isEqualTo(1920);
				assertThat(number(layout, "scrolled")).as(where).isZero();
				assertThat(number(layout, "stepTop")).as(where).isBetween(0.0, height);
				assertThat(number(layout, "stepBottom")).as(where).isLessThanOrEqualTo(height);
				assertThat(number(layout, "demoTop")).as(where).isBetween(0.0, height);
				assertThat(number(layout, "diagramsBottom")).as(where).isLessThanOrEqualTo(height);
				assertThat(number(layout, "logTop")).as(where).isLessThan(height);
				// the diagrams take the stage: wider together than the step's column
				assertThat(number(layout, "diagramsWidth")).as(where).isGreaterThan(number(layout, "stepWidth"));
				if (n == 2) {
					Browser.screenshot(presenter, lang + "-walkthrough-presenter-fold", false);
				}
			}
		}
	}

	private static double number(Map<String, Object> values, String key) {
		return ((Number) values.get(key)).doubleValue();
	}

	// ------------------------------------------------------------------ keyboard

	@Test
	void arrowsFollowTheReadingDirectionOnThePresentersView() {
		for (String lang : List.of("en", "fa")) {
			presenter.get(base() + "/" + lang + "/walkthroughs/" + SLUG + "/present");
			awaitPresenterStep(1);
			press(presenter, forward(lang));
			awaitPresenterStep(2);
			press(presenter, Keys.SPACE);
			awaitPresenterStep(3);
			press(presenter, back(lang));
			awaitPresenterStep(2);
			press(presenter, Keys.END);
			awaitPresenterStep(8);
			press(presenter, Keys.PAGE_UP);
			awaitPresenterStep(7);
			press(presenter, Keys.HOME);
			awaitPresenterStep(1);
			press(presenter, "o");
			new WebDriverWait(presenter, WAIT)
				.until(d -> d.findElement(By.cssSelector("dialog.present-overview")).isDisplayed());
			press(presenter, "o");
			press(presenter, "?");
			WebElement help = presenter.findElement(By.cssSelector("dialog.present-help"));
			new WebDriverWait(presenter, WAIT).until(d -> help.isDisplayed());
			assertThat(help.getText()).contains(lang.equals("fa") ? "گام بعد" : "Next step");
			Browser.screenshot(presenter, lang + "-walkthrough-presenter-help", false);
			press(presenter, "?");
		}
	}

	@Test
	void arrowsMoveBetweenSelfStudySteps() {
		for (String lang : List.of("en", "fa")) {
			presenter.get(base() + "/" + lang + "/walkthroughs/" + SLUG + "/steps/2");
			press(presenter, forward(lang));
			new WebDriverWait(presenter, WAIT).until(d -> d.getCurrentUrl().endsWith("/steps/3"));
			press(presenter, back(lang));
			new WebDriverWait(presenter, WAIT).until(d -> d.getCurrentUrl().endsWith("/steps/2"));
		}
	}

	// ------------------------------------------------------------------ accessibility

	@Test
	void walkthroughPagesHaveNoAccessibilityViolations() {
		List<String> problems = new ArrayList<>();
		for (String lang : List.of("en", "fa")) {
			presenter.get(base() + "/" + lang + "/walkthroughs");
			axe(presenter, lang + " index", problems);
			Browser.screenshot(presenter, lang + "-walkthrough-index", true);
			presenter.get(base() + "/" + lang + "/walkthroughs/" + SLUG + "/steps/2");
			awaitCheck(presenter);
			axe(presenter, lang + " self-study", problems);
			Browser.screenshot(presenter, lang + "-walkthrough-step", false);
			presenter.get(base() + "/" + lang + "/walkthroughs/" + SLUG + "/present");
			awaitCheck(presenter);
			axe(presenter, lang + " presenter", problems);
			String code = startClass(lang);
			openFollower(lang, code);
			awaitCheck(student);
			axe(student, lang + " follower", problems);
			endClass();
		}
		assertThat(problems).isEmpty();
	}

	// ------------------------------------------------------------------ helpers

	private String startClass(String lang) {
		presenter.get(base() + "/" + lang + "/walkthroughs/" + SLUG + "/present");
		// a class an earlier test left open in this tab would be resumed: start afresh
		((JavascriptExecutor) presenter).executeScript("sessionStorage.clear()");
		presenter.navigate().refresh();
		awaitPresenterStep(1);
		presenter.findElement(By.cssSelector(".present-class-start")).click();
		WebElement code = presenter.findElement(By.cssSelector(".present-class-code"));
		new WebDriverWait(presenter, WAIT).until(d -> code.getText().matches("[A-Z0-9]{6}"));
		new WebDriverWait(presenter, WAIT).until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
				"const img = document.querySelector('.present-class-qr'); return img.complete && img.naturalWidth > 0;"));
		return code.getText();
	}

	private void endClass() {
		presenter.findElement(By.cssSelector(".present-class-end")).click();
		new WebDriverWait(presenter, WAIT)
			.until(d -> d.findElement(By.cssSelector(".present-class-start")).isDisplayed());
	}

	private void openFollower(String lang, String code) {
		student.get(base() + (lang.equals("en") ? "/join/" + code : "/fa/classes/" + code));
		new WebDriverWait(student, WAIT)
			.until(d -> d.findElements(By.cssSelector("body[data-page='class-follow']")).size() == 1);
	}

	private void awaitPresenterStep(int n) {
		new WebDriverWait(presenter, WAIT).until(d -> String.valueOf(n)
			.equals(d.findElement(By.cssSelector("article.present")).getAttribute("data-current")));
		assertThat(visibleStep(presenter, ".present-current")).isEqualTo(n);
	}

	private void awaitFollowerStep(int n) {
		new WebDriverWait(student, WAIT).until(d -> visibleStep(d, ".follow-steps") == n);
	}

	private void awaitClassStep(String code, int n) {
		new WebDriverWait(presenter, WAIT).until(d -> new FleetClient(this.port).classStep(code) == n);
	}

	private static void awaitCheck(WebDriver driver) {
		new WebDriverWait(driver, WAIT)
			.until(d -> d.findElements(By.cssSelector(".walk-check[data-met='met'], .walk-check[data-met='unmet']"))
				.size() > 0);
	}

	private static int visibleStep(WebDriver driver, String container) {
		List<WebElement> shown = driver.findElements(By.cssSelector(container + " .walk-step:not([hidden])"));
		return (shown.size() == 1) ? Integer.parseInt(shown.get(0).getAttribute("data-step")) : -1;
	}

	private static String text(WebDriver driver, String css) {
		return driver.findElement(By.cssSelector(css)).getText();
	}

	private static void press(WebDriver driver, CharSequence key) {
		// keys go to the page, not to a button that kept the focus after a click
		((JavascriptExecutor) driver).executeScript("document.activeElement?.blur()");
		new Actions(driver).sendKeys(key).perform();
	}

	private static Keys forward(String lang) {
		return lang.equals("fa") ? Keys.ARROW_LEFT : Keys.ARROW_RIGHT;
	}

	private static Keys back(String lang) {
		return lang.equals("fa") ? Keys.ARROW_RIGHT : Keys.ARROW_LEFT;
	}

	private static void axe(WebDriver driver, String name, List<String> problems) {
		Results results = new AxeBuilder().analyze(driver);
		for (Rule rule : results.getViolations()) {
			StringBuilder where = new StringBuilder();
			rule.getNodes().stream().limit(3).forEach(n -> where.append(' ').append(n.getTarget()));
			problems.add(name + ": " + rule.getId() + " (" + rule.getHelp() + ")" + where);
		}
	}

}
