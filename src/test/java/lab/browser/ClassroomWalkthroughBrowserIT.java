package lab.browser;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

import lab.ClassroomTest;
import lab.classroom.SiteClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instructor-led walkthrough in classroom mode, in two real browsers: presenting asks
 * for the instructor's sign-in on the localized sign-in page; once signed in the
 * instructor presents and starts a class; a student, in the other language and never
 * signed in, joins by code and follows, has no control that drives the class, and is
 * refused when their browser tries to move it anyway.
 */
@ClassroomTest
class ClassroomWalkthroughBrowserIT {

	private static final String SLUG = "one-failing-service";

	private static final Duration WAIT = Duration.ofSeconds(15);

	/**
	 * Everything on a follower's page that would drive a class or the fleet: a step's
	 * action buttons, the presenter's controls, the demo widget's fleet controls (the
	 * app's own buttons, such as tipping a post, stay: students use the app).
	 */
	private static final String DRIVING = ".walk-action, .present-prev, .present-next, .present-class-start, "
			+ ".present-class-end, .present-reset, section.demo form.demo-form, section.demo button[data-load], "
			+ List
				.of("instance", "kill", "crash", "slow", "errors", "hang", "heal", "chaos", "restart", "scale",
						"deploy", "rollback")
				.stream()
				.map(op -> "section.demo button[data-op='" + op + "']")
				.collect(java.util.stream.Collectors.joining(", "));

	@LocalServerPort
	int port;

	@Autowired
	MessageSource messages;

	@Test
	void theInstructorSignsInToPresentAndAStudentInTheOtherLanguageFollowsWithoutDriving() {
		for (List<String> langs : List.of(List.of("en", "fa"), List.of("fa", "en"))) {
			String teacherLang = langs.get(0);
			String studentLang = langs.get(1);
			// fresh profiles: nobody is signed in yet
			ChromeDriver instructor = Browser.another("1920,1080");
			ChromeDriver student = Browser.another("390,844");
			try {
				instructor.get(base() + "/" + teacherLang + "/walkthroughs/" + SLUG + "/present");
				LoginPage login = new LoginPage(instructor);
				assertThat(login.lang()).isEqualTo(teacherLang);
				assertThat(instructor.getCurrentUrl()).contains("/" + teacherLang + "/login");
				assertThat(text(instructor, "main h1")).isEqualTo(message("login.title", teacherLang));
				Browser.screenshot(instructor, teacherLang + "-classroom-present-sign-in", false);
				login.send(ClassroomTest.PASSWORD);
				new WebDriverWait(instructor, WAIT)
					.until(d -> d.findElements(By.cssSelector("body[data-page='walkthrough-present']")).size() == 1);
				assertThat(instructor.getCurrentUrl())
					.contains("/" + teacherLang + "/walkthroughs/" + SLUG + "/present");
				awaitPresenterStep(instructor, 1);

				String code = startClass(instructor);
				student.get(base() + (studentLang.equals("en") ? "/join/" + code : "/fa/classes/" + code));
				new WebDriverWait(student, WAIT)
					.until(d -> d.findElements(By.cssSelector("body[data-page='class-follow']")).size() == 1);
				assertThat(student.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(studentLang);
				awaitFollowerStep(student, 1);

				press(instructor, teacherLang.equals("fa") ? Keys.ARROW_LEFT : Keys.ARROW_RIGHT);
				awaitPresenterStep(instructor, 2);
				awaitFollowerStep(student, 2);
				assertThat(classStep(code)).isEqualTo(2);

				// nothing on the student's page drives the class or the fleet, and the
				// page holds no session token
				assertThat(student.findElements(By.cssSelector(DRIVING))).extracting(e -> e.getAttribute("outerHTML"))
					.isEmpty();
				assertThat(student.findElements(By.cssSelector("section.demo")))
					.allSatisfy(demo -> assertThat(demo.getAttribute("data-operate")).isEqualTo("false"));
				assertThat(student.findElements(By.cssSelector("meta[name='_csrf']"))).isEmpty();
				Browser.screenshot(instructor, teacherLang + "-classroom-presenter", false);
				Browser.screenshot(student, studentLang + "-classroom-follower", false);

				// the student's browser tries to move the class anyway, as the page's
				// own scripts would
				@SuppressWarnings("unchecked")
				Map<String, Object> answer = (Map<String, Object>) ((JavascriptExecutor) student).executeAsyncScript("""
						const done = arguments[arguments.length - 1];
						import('/js/http.js').then(({ send }) => send(arguments[0], { step: 5 }, arguments[1]))
						  .then((a) => done({ status: a.status, detail: a.body.detail }));
						""", "/api/classes/" + code + "/step", studentLang);
				// A student in classroom mode is anonymous (no session, so no CSRF
				// token either): Spring Security refuses before the class's own
				// driver check, asking for the instructor's sign-in.
				assertThat(((Number) answer.get("status")).intValue()).isEqualTo(401);
				assertThat((String) answer.get("detail")).isEqualTo(message("classroom.refused.signIn", studentLang));
				assertThat(classStep(code)).isEqualTo(2);

				// the student's own pager only reads ahead: the class stays where the
				// instructor put it
				WebElement readAhead = student.findElement(By.cssSelector(".follow-next"));
				((JavascriptExecutor) student).executeScript("arguments[0].scrollIntoView({block: 'center'})",
						readAhead);
				readAhead.click();
				awaitFollowerStep(student, 3);
				assertThat(classStep(code)).isEqualTo(2);
				assertThat(instructor.findElement(By.cssSelector("article.present")).getAttribute("data-current"))
					.isEqualTo("2");

				instructor.findElement(By.cssSelector(".present-class-end")).click();
				new WebDriverWait(instructor, WAIT)
					.until(d -> d.findElement(By.cssSelector(".present-class-start")).isDisplayed());
			}
			finally {
				instructor.quit();
				student.quit();
			}
		}
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

	private String message(String key, String lang) {
		return this.messages.getMessage(key, null, Locale.forLanguageTag(lang));
	}

	private int classStep(String code) {
		SiteClient.Answer answer = new SiteClient(this.port).get("/api/classes/" + code);
		assertThat(answer.status()).isEqualTo(200);
		return ((Number) answer.json().get("step")).intValue();
	}

	private static String startClass(ChromeDriver presenter) {
		presenter.findElement(By.cssSelector(".present-class-start")).click();
		WebElement code = presenter.findElement(By.cssSelector(".present-class-code"));
		new WebDriverWait(presenter, WAIT).until(d -> code.getText().matches("[A-Z0-9]{6}"));
		return code.getText();
	}

	private static void awaitPresenterStep(WebDriver presenter, int n) {
		new WebDriverWait(presenter, WAIT).until(d -> String.valueOf(n)
			.equals(d.findElement(By.cssSelector("article.present")).getAttribute("data-current")));
	}

	private static void awaitFollowerStep(WebDriver student, int n) {
		new WebDriverWait(student, WAIT).until(d -> {
			List<WebElement> shown = d.findElements(By.cssSelector(".follow-steps .walk-step:not([hidden])"));
			return shown.size() == 1 && String.valueOf(n).equals(shown.get(0).getAttribute("data-step"));
		});
	}

	private static String text(WebDriver driver, String css) {
		return driver.findElement(By.cssSelector(css)).getText();
	}

	private static void press(WebDriver driver, CharSequence key) {
		((JavascriptExecutor) driver).executeScript("document.activeElement?.blur()");
		new Actions(driver).sendKeys(key).perform();
	}

}
