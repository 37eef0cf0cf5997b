package lab.browser;

import java.util.Optional;

import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebDriver;

/** A lesson: body, table of contents, previous and next links. */
final class LessonPage extends SitePage {

	LessonPage(WebDriver driver) {
		super(driver, "lesson");
	}

	static LessonPage open(WebDriver driver, String base, String lang, String slug) {
		driver.get(base + "/" + lang + "/lessons/" + slug);
		return new LessonPage(driver);
	}

	LessonPage switchLanguage() {
		click(languageSwitch());
		return new LessonPage(this.driver);
	}

	String slug() {
		return this.driver.findElement(By.cssSelector("article[data-slug]")).getAttribute("data-slug");
	}

	Optional<String> firstCodeBlockDirection() {
		return this.driver.findElements(By.cssSelector(".lesson-body pre"))
			.stream()
			.findFirst()
			.map(pre -> pre.getCssValue("direction"));
	}

	Rectangle previousLink() {
		return this.driver.findElement(By.cssSelector(".pager-prev")).getRect();
	}

	Rectangle nextLink() {
		return this.driver.findElement(By.cssSelector(".pager-next")).getRect();
	}

	LessonPage next() {
		click(this.driver.findElement(By.cssSelector(".pager-next")));
		return new LessonPage(this.driver);
	}

	/** Presses a key on the page and waits for the lesson it leads to. */
	LessonPage press(CharSequence key) {
		String before = slug();
		this.driver.findElement(By.tagName("body")).sendKeys(key);
		new org.openqa.selenium.support.ui.WebDriverWait(this.driver, java.time.Duration.ofSeconds(10))
			.until(d -> !d.findElements(By.cssSelector("article[data-slug]")).isEmpty()
					&& !before.equals(d.findElement(By.cssSelector("article[data-slug]")).getAttribute("data-slug")));
		return new LessonPage(this.driver);
	}

}
