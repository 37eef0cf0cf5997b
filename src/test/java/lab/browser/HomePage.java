package lab.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The home page: the lessons in reading order. */
final class HomePage extends SitePage {

	private HomePage(WebDriver driver) {
		super(driver, "home");
	}

	static HomePage open(WebDriver driver, String base, String lang) {
		driver.get(base + "/" + lang + "/");
		return new HomePage(driver);
	}

	HomePage switchLanguage() {
		click(languageSwitch());
		return new HomePage(this.driver);
	}

	List<String> lessonSlugs() {
		return this.driver.findElements(By.cssSelector(".lesson-link"))
			.stream()
			.map(a -> a.getAttribute("href"))
			.map(href -> href.substring(href.lastIndexOf('/') + 1))
			.toList();
	}

	LessonPage openLesson(int index) {
		List<WebElement> links = this.driver.findElements(By.cssSelector(".lesson-link"));
		click(links.get(index));
		return new LessonPage(this.driver);
	}

}
