package lab.browser;

import org.openqa.selenium.WebDriver;

/** Any other page (glossary, about, error), known by its {@code data-page} id. */
final class GenericPage extends SitePage {

	private GenericPage(WebDriver driver, String pageId) {
		super(driver, pageId);
	}

	static GenericPage open(WebDriver driver, String base, String path, String pageId) {
		driver.get(base + path);
		return new GenericPage(driver, pageId);
	}

	/** The page the browser is on (or about to show), once it is the expected one. */
	static GenericPage current(WebDriver driver, String pageId) {
		return new GenericPage(driver, pageId);
	}

}
