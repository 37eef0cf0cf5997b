package lab.browser;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import lab.SiteTest;

import static org.assertj.core.api.Assertions.assertThat;

/** A lesson's quiz and glossary links as a learner uses them, in real Chromium. */
@SiteTest
class LessonFlowBrowserIT {

	@LocalServerPort
	int port;

	private WebDriver driver;

	private String base;

	@BeforeEach
	void open() {
		this.driver = Browser.driver();
		this.base = "http://127.0.0.1:" + this.port;
	}

	private WebDriverWait waiting() {
		return new WebDriverWait(this.driver, Duration.ofSeconds(15));
	}

	@Test
	void aQuizLandsOnItsResultWithFocusGradesWhatWasAnsweredAndMarksOnlyTheMissingQuestion() {
		LessonPage.open(this.driver, this.base, "en", "monolith");
		List<WebElement> questions = this.driver.findElements(By.cssSelector(".quiz-question"));
		assertThat(questions).hasSizeGreaterThan(1);
		// answer every question but the last
		for (WebElement q : questions.subList(0, questions.size() - 1)) {
			WebElement choice = q.findElement(By.cssSelector("input[type='radio']"));
			((JavascriptExecutor) this.driver).executeScript("arguments[0].click()", choice);
		}
		WebElement submit = this.driver.findElement(By.cssSelector(".quiz button[type='submit']"));
		((JavascriptExecutor) this.driver).executeScript("arguments[0].click()", submit);
		waiting()
			.until(d -> d.getCurrentUrl().endsWith("/quiz#quiz") && !d.findElements(By.id("quiz-result")).isEmpty());
		waiting().until(d -> "quiz-result".equals(d.switchTo().activeElement().getAttribute("id")));
		assertThat(this.driver.findElement(By.id("quiz-result")).getText())
			.contains("Of the " + (questions.size() - 1) + " questions you answered")
			.contains("Try again");
		List<WebElement> graded = this.driver.findElements(By.cssSelector(".quiz-question"));
		for (WebElement q : graded.subList(0, graded.size() - 1)) {
			assertThat(q.findElements(By.cssSelector(".quiz-verdict"))).as("answered questions are graded").hasSize(1);
			assertThat(q.findElements(By.cssSelector(".quiz-error"))).isEmpty();
		}
		WebElement last = graded.get(graded.size() - 1);
		assertThat(last.findElements(By.cssSelector(".quiz-error"))).as("only the missing one is marked").hasSize(1);
		assertThat(last.findElements(By.cssSelector(".quiz-verdict"))).isEmpty();
		Browser.screenshot("en-quiz-partial");
		this.driver.findElement(By.cssSelector("#quiz-result .quiz-retry")).click();
		waiting().until(d -> d.findElements(By.id("quiz-result")).isEmpty() && d.getCurrentUrl().endsWith("#quiz"));
	}

	@Test
	void aGlossaryLinkShowsItsDefinitionInPlaceAndTheGlossaryLinksBack() {
		for (String lang : List.of("en", "fa")) {
			LessonPage.open(this.driver, this.base, lang, "resilience");
			String lesson = this.driver.getCurrentUrl();
			WebElement link = this.driver.findElement(By.cssSelector(".lesson-body p a.glossary-link"));
			((JavascriptExecutor) this.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", link);
			link.click();
			WebElement pop = waiting()
				.until(d -> d.findElements(By.cssSelector(".glossary-pop")).stream().findFirst().orElse(null));
			assertThat(this.driver.getCurrentUrl()).isEqualTo(lesson);
			assertThat(pop.getText()).hasSizeGreaterThan(30);
			assertThat(link.getAttribute("aria-expanded")).isEqualTo("true");
			Browser.screenshot(lang + "-glossary-in-place");
			pop.findElement(By.cssSelector("a")).click();
			waiting().until(d -> d.getCurrentUrl().contains("/glossary#term-"));
			WebElement back = waiting().until(d -> {
				WebElement b = d.findElement(By.cssSelector(".glossary-back a"));
				return b.isDisplayed() ? b : null;
			});
			assertThat(back.getAttribute("href")).isEqualTo(lesson);
		}
	}

}
