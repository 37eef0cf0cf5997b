package lab.browser;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What every page of the site has: language, direction, brand, language switch. */
abstract class SitePage {

	protected final WebDriver driver;

	protected SitePage(WebDriver driver, String pageId) {
		this.driver = driver;
		// the browser may still be leaving the previous page (a form just sent): its body
		// can go stale between finding it and reading it, which is a reason to look again
		new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
			.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-page", pageId));
	}

	String lang() {
		return html().getAttribute("lang");
	}

	String dir() {
		return html().getAttribute("dir");
	}

	String bodyDirection() {
		return this.driver.findElement(By.tagName("body")).getCssValue("direction");
	}

	String url() {
		return this.driver.getCurrentUrl();
	}

	Rectangle brand() {
		return this.driver.findElement(By.cssSelector(".brand")).getRect();
	}

	Rectangle header() {
		return this.driver.findElement(By.cssSelector(".site-header nav")).getRect();
	}

	/**
	 * Bootstrap scrolls smoothly; a click must wait for no animation, so scroll at once
	 * first.
	 */
	protected void click(WebElement element) {
		((JavascriptExecutor) this.driver)
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
		element.click();
	}

	protected WebElement languageSwitch() {
		return this.driver.findElement(By.cssSelector(".lang-switch"));
	}

	private WebElement html() {
		return this.driver.findElement(By.tagName("html"));
	}

}
