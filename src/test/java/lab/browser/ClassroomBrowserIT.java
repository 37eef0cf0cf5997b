package lab.browser;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

import lab.ClassroomTest;
import lab.classroom.SiteClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A class in two real browsers: a student, never signed in, watches the live widget
 * read-only; the instructor signs in, kills Payments from the widget, and the student's
 * page shows it.
 */
@ClassroomTest
class ClassroomBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	MessageSource messages;

	@Test
	void theStudentWatchesWhatTheInstructorDoes() {
		String base = "http://127.0.0.1:" + this.port;
		ChromeDriver student = Browser.driver();
		ChromeDriver instructor = Browser.second();
		new SiteClient(this.port).heal(SiteClient.basic("instructor", ClassroomTest.PASSWORD));
		student.get(base + "/en/");
		student.manage().deleteAllCookies();
		LessonPage.open(instructor, base, "en", "resilience");
		LoginPage.open(instructor, base, "en").signIn(ClassroomTest.PASSWORD);
		for (String lang : List.of("en", "fa")) {
			LessonPage.open(student, base, lang, "resilience");
			DemoWidget watching = new DemoWidget(student);
			assertThat(student.findElement(By.cssSelector("section.demo")).getAttribute("data-operate"))
				.isEqualTo("false");
			assertThat(student.findElement(By.cssSelector("section.demo .demo-read-only")).getText())
				.isEqualTo(this.messages.getMessage("demo.readOnly", null, Locale.forLanguageTag(lang)));
			assertThat(student.findElements(By
				.cssSelector("section.demo button[data-op='instance'], section.demo button[data-op='scale'], "
						+ "section.demo button[data-op='deploy'], section.demo form.demo-form, section.demo button[data-load]")))
				.isEmpty();
			Browser.screenshot(student.findElement(By.cssSelector("section.demo")), lang + "-classroom-student-widget");

			LessonPage.open(instructor, base, lang, "resilience");
			DemoWidget operating = new DemoWidget(instructor);
			assertThat(instructor.findElement(By.cssSelector("section.demo")).getAttribute("data-operate"))
				.isEqualTo("true");
			String payments = operating.readyInstance("payments");
			operating.act(payments, "instance", "kill");
			await().atMost(Duration.ofSeconds(120)).until(() -> "killed".equals(watching.stateOf(payments)));
			assertThat(watching.diagramNodeClass(payments)).contains("state-killed");
			Browser.screenshot(student.findElement(By.cssSelector("section.demo")),
					lang + "-classroom-student-sees-kill");
			operating.awaitState(payments, "killed").act(payments, "instance", "start");
			await().atMost(Duration.ofSeconds(120)).until(() -> "ready".equals(watching.stateOf(payments)));
		}
		// nothing the student's browser holds lets it operate
		SiteClient script = new SiteClient(this.port);
		assertThat(script.post("/api/fleet/instances/payments-1/kill", "").status()).isEqualTo(401);
	}

}
