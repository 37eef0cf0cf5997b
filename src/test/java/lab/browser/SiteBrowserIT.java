package lab.browser;

import java.util.ArrayList;
import java.util.List;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

import lab.SiteTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The site in real headless Chromium: languages, direction, mirroring, accessibility. */
@SiteTest
class SiteBrowserIT {

	@LocalServerPort
	int port;

	private WebDriver driver;

	private String base;

	@BeforeEach
	void open() {
		this.driver = Browser.driver();
		this.base = "http://127.0.0.1:" + this.port;
	}

	@Test
	void switchingLanguageLandsOnTheSamePage() {
		HomePage fa = HomePage.open(this.driver, this.base, "en").switchLanguage();
		assertThat(fa.url()).endsWith("/fa/");
		assertThat(fa.lang()).isEqualTo("fa");
		String slug = fa.lessonSlugs().get(2);
		LessonPage en = LessonPage.open(this.driver, this.base, "fa", slug).switchLanguage();
		assertThat(en.lang()).isEqualTo("en");
		assertThat(en.slug()).isEqualTo(slug);
		assertThat(en.url()).endsWith("/en/lessons/" + slug);
	}

	@Test
	void persianPagesAreRightToLeftAndCodeStaysLeftToRight() {
		HomePage home = HomePage.open(this.driver, this.base, "fa");
		assertThat(home.dir()).isEqualTo("rtl");
		assertThat(home.bodyDirection()).isEqualTo("rtl");
		String withCode = null;
		for (String slug : home.lessonSlugs()) {
			LessonPage lesson = LessonPage.open(this.driver, this.base, "fa", slug);
			if (lesson.firstCodeBlockDirection().isPresent()) {
				assertThat(lesson.firstCodeBlockDirection()).hasValue("ltr");
				withCode = slug;
				break;
			}
		}
		assertThat(withCode).as("a Persian lesson with a code block").isNotNull();
		HomePage en = HomePage.open(this.driver, this.base, "en");
		assertThat(en.dir()).isEqualTo("ltr");
		assertThat(en.bodyDirection()).isEqualTo("ltr");
	}

	@Test
	void theBrandSitsOnTheRightInPersianAndOnTheLeftInEnglish() {
		HomePage en = HomePage.open(this.driver, this.base, "en");
		Rectangle header = en.header();
		assertThat(centre(en.brand())).isLessThan(centre(header));
		HomePage fa = HomePage.open(this.driver, this.base, "fa");
		assertThat(centre(fa.brand())).isGreaterThan(centre(fa.header()));
	}

	@Test
	void previousAndNextAreMirroredInPersian() {
		String slug = HomePage.open(this.driver, this.base, "en").lessonSlugs().get(1);
		LessonPage en = LessonPage.open(this.driver, this.base, "en", slug);
		assertThat(centre(en.previousLink())).isLessThan(centre(en.nextLink()));
		LessonPage fa = LessonPage.open(this.driver, this.base, "fa", slug);
		assertThat(centre(fa.previousLink())).isGreaterThan(centre(fa.nextLink()));
		LessonPage following = fa.next();
		assertThat(following.lang()).isEqualTo("fa");
		assertThat(following.slug()).isNotEqualTo(slug);
	}

	@Test
	void arrowKeysFollowTheReadingDirection() {
		String first = HomePage.open(this.driver, this.base, "en").lessonSlugs().get(1);
		LessonPage fa = LessonPage.open(this.driver, this.base, "fa", first);
		LessonPage forward = fa.press(org.openqa.selenium.Keys.ARROW_LEFT);
		assertThat(forward.slug()).isNotEqualTo(first);
		LessonPage back = forward.press(org.openqa.selenium.Keys.ARROW_RIGHT);
		assertThat(back.slug()).isEqualTo(first);
		LessonPage en = LessonPage.open(this.driver, this.base, "en", first)
			.press(org.openqa.selenium.Keys.ARROW_RIGHT);
		assertThat(en.slug()).isEqualTo(forward.slug());
	}

	@Test
	void everyPageInBothLanguagesHasNoAccessibilityViolations() {
		List<String> problems = new ArrayList<>();
		for (String lang : List.of("en", "fa")) {
			HomePage home = HomePage.open(this.driver, this.base, lang);
			check(lang + "-home", problems);
			for (String slug : home.lessonSlugs()) {
				LessonPage.open(this.driver, this.base, lang, slug);
				check(lang + "-lesson-" + slug, problems);
			}
			GenericPage.open(this.driver, this.base, "/" + lang + "/glossary", "glossary");
			check(lang + "-glossary", problems);
			GenericPage.open(this.driver, this.base, "/" + lang + "/about", "about");
			check(lang + "-about", problems);
			GenericPage.open(this.driver, this.base, "/" + lang + "/fleet", "fleet");
			check(lang + "-fleet", problems);
			GenericPage.open(this.driver, this.base, "/" + lang + "/lessons/no-such-lesson", "error");
			check(lang + "-not-found", problems);
		}
		assertThat(problems).isEmpty();
	}

	private void check(String name, List<String> problems) {
		Browser.screenshot(name);
		Results results = new AxeBuilder().analyze(this.driver);
		for (Rule rule : results.getViolations()) {
			StringBuilder where = new StringBuilder();
			rule.getNodes().stream().limit(3).forEach(n -> where.append(' ').append(n.getTarget()));
			problems.add(name + ": " + rule.getId() + " (" + rule.getHelp() + ")" + where);
		}
	}

	private static int centre(Rectangle r) {
		return r.getX() + r.getWidth() / 2;
	}

}
