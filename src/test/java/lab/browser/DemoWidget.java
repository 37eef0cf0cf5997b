package lab.browser;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The live demo widget on a lesson page, once its script has drawn the fleet. */
final class DemoWidget {

	private final WebDriver driver;

	private final WebDriverWait wait;

	DemoWidget(WebDriver driver) {
		this.driver = driver;
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
		this.wait.until(d -> !d.findElements(By.cssSelector("section.demo li.demo-instance[data-state='ready']")).isEmpty());
		this.wait.until(d -> !d.findElements(By.cssSelector("section.demo select.demo-author option")).isEmpty());
	}

	/** The id of a ready instance of a service in the microservices column. */
	String readyInstance(String service) {
		return this.driver
			.findElements(By.cssSelector(
					"[data-topology='microservices'] li.demo-instance[data-state='ready'][data-instance^='" + service + "-']"))
			.get(0)
			.getAttribute("data-instance");
	}

	DemoWidget act(String instance, String op, String value) {
		String selector = "li.demo-instance[data-instance='" + instance + "'] button[data-op='" + op + "']"
				+ ((value != null) ? "[data-value='" + value + "']" : "");
		click(this.driver.findElement(By.cssSelector(selector)));
		return this;
	}

	String stateOf(String instance) {
		By row = By.cssSelector("li.demo-instance[data-instance='" + instance + "']");
		return this.wait.ignoring(StaleElementReferenceException.class).until(d -> d.findElement(row).getAttribute("data-state"));
	}

	/**
	 * The class of the instance's node in the architecture diagram (its colour follows its state).
	 * The diagram is redrawn on every update, so a node found a moment ago may be gone: look again.
	 */
	String diagramNodeClass(String instance) {
		By node = By.cssSelector("g.demo-node[data-instance='" + instance + "']");
		return this.wait.ignoring(StaleElementReferenceException.class).until(d -> d.findElement(node).getAttribute("class"));
	}

	DemoWidget awaitState(String instance, String state) {
		this.wait.until(d -> state.equals(stateOf(instance)));
		return this;
	}

	/** Tips the author of the first post in a topology's feed; returns what the page says about it. */
	String tipFirstPost(String topology) {
		By tip = By.cssSelector("[data-topology='" + topology + "'] .demo-feed button[data-op='tip']");
		By result = By.cssSelector("[data-topology='" + topology + "'] .demo-feed .demo-tip-result");
		// the feed is redrawn when the fleet changes: find, click and read again if it was
		return this.wait.ignoring(StaleElementReferenceException.class).until(d -> {
			if (d.findElements(result).stream().noneMatch(r -> !r.getText().isBlank())) {
				List<WebElement> buttons = d.findElements(tip);
				if (!buttons.isEmpty() && d.findElements(By.cssSelector(".demo-tip-pending")).isEmpty()) {
					((JavascriptExecutor) d).executeScript("arguments[0].classList.add('demo-tip-pending')", buttons.get(0));
					click(buttons.get(0));
				}
				return null;
			}
			return d.findElements(result).stream().map(WebElement::getText).filter(t -> !t.isBlank()).findFirst()
				.orElse(null);
		});
	}

	DemoWidget awaitFeed(String topology) {
		this.wait.until(d -> !feedAuthors(topology).isEmpty());
		return this;
	}

	List<String> feedAuthors(String topology) {
		By authors = By.cssSelector("[data-topology='" + topology + "'] .demo-post strong");
		return this.wait.ignoring(StaleElementReferenceException.class)
			.until(d -> d.findElements(authors).stream().map(WebElement::getText).toList());
	}

	private void click(WebElement element) {
		((JavascriptExecutor) this.driver)
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
		element.click();
	}

}
