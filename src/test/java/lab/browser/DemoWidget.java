package lab.browser;

import java.time.Duration;
import java.util.List;
import java.util.Map;

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
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
		this.wait
			.until(d -> !d.findElements(By.cssSelector("section.demo li.demo-instance[data-state='ready']")).isEmpty());
		this.wait.until(d -> !d.findElements(By.cssSelector("section.demo g.demo-node")).isEmpty());
	}

	/** Waits for the storefront's authors too (lessons whose demo shows the app). */
	DemoWidget awaitStore() {
		this.wait.until(d -> !d.findElements(By.cssSelector("section.demo select.demo-author option")).isEmpty());
		return this;
	}

	private JavascriptExecutor js() {
		return (JavascriptExecutor) this.driver;
	}

	/** The id of a ready instance of a service in the microservices column. */
	String readyInstance(String service) {
		return this.driver.findElements(
				By.cssSelector("[data-topology='microservices'] li.demo-instance[data-state='ready'][data-instance^='"
						+ service + "-']"))
			.get(0)
			.getAttribute("data-instance");
	}

	/**
	 * One of the lesson's own controls, found by what it acts on ("payments-1", "posts").
	 */
	WebElement quick(String topology, String target) {
		By by = By.cssSelector("[data-topology='" + topology + "'] .demo-quick button[data-instance='" + target
				+ "'], [data-topology='" + topology + "'] .demo-quick button[data-service='" + target + "']");
		return this.wait.ignoring(StaleElementReferenceException.class).until(d -> {
			List<WebElement> found = d.findElements(by);
			return found.isEmpty() ? null : found.get(0);
		});
	}

	WebElement quickSlot(String topology, String slot) {
		return this.driver.findElement(
				By.cssSelector("[data-topology='" + topology + "'] .demo-quick button[data-slot='" + slot + "']"));
	}

	/**
	 * The answer line next to a version's controls ("monolith", "microservices") or the
	 * shared ones ("shared").
	 */
	String said(String where) {
		return this.driver.findElement(By.cssSelector(".demo-said[data-for='" + where + "']")).getText();
	}

	/** The log's lines, newest first. */
	List<String> log() {
		return this.wait.ignoring(StaleElementReferenceException.class)
			.until(d -> d.findElements(By.cssSelector(".demo-events li")).stream().map(WebElement::getText).toList());
	}

	String liveLine() {
		return this.driver.findElement(By.cssSelector(".demo-log-live")).getAttribute("textContent");
	}

	/** Opens "All controls" (every instance's actions, the services' rows). */
	DemoWidget showAll() {
		WebElement toggle = this.driver.findElement(By.cssSelector(".demo-all-toggle"));
		if (!"true".equals(toggle.getAttribute("aria-expanded"))) {
			click(toggle);
		}
		return this;
	}

	/**
	 * Acts on an instance from its row under "All controls" (opened first when it is
	 * closed).
	 */
	DemoWidget act(String instance, String op, String value) {
		showAll();
		By button = By.cssSelector("li.demo-instance[data-instance='" + instance + "'] button[data-op='" + op + "']"
				+ ((value != null) ? "[data-value='" + value + "']" : ""));
		WebElement found = this.wait.ignoring(StaleElementReferenceException.class).until(d -> {
			List<WebElement> all = d.findElements(button);
			return (!all.isEmpty() && all.get(0).isDisplayed()) ? all.get(0) : null;
		});
		click(found);
		return this;
	}

	String stateOf(String instance) {
		By row = By.cssSelector("li.demo-instance[data-instance='" + instance + "']");
		return this.wait.ignoring(StaleElementReferenceException.class)
			.until(d -> d.findElement(row).getAttribute("data-state"));
	}

	/**
	 * The class of the instance's node in the architecture diagram (its colour follows
	 * its state). The diagram is redrawn on every update, so a node found a moment ago
	 * may be gone: look again.
	 */
	String diagramNodeClass(String instance) {
		By node = By.cssSelector("g.demo-node[data-instance='" + instance + "']");
		return this.wait.ignoring(StaleElementReferenceException.class)
			.until(d -> d.findElement(node).getAttribute("class"));
	}

	int diagramNodes(String prefix) {
		return this.driver.findElements(By.cssSelector("g.demo-node[data-instance^='" + prefix + "-']")).size();
	}

	DemoWidget awaitState(String instance, String state) {
		this.wait.until(d -> state.equals(stateOf(instance)));
		return this;
	}

	/** Tips the author of the first post in a topology's feed that can be tipped. */
	void tipFirstPost(String topology) {
		By tip = By.cssSelector("[data-topology='" + topology + "'] .demo-feed button[data-op='tip']:not([disabled])");
		this.wait.ignoring(StaleElementReferenceException.class).until(d -> {
			List<WebElement> buttons = d.findElements(tip);
			if (buttons.isEmpty()) {
				return false;
			}
			click(buttons.get(0));
			return true;
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

	void writeAs(String name) {
		new org.openqa.selenium.support.ui.Select(this.driver.findElement(By.cssSelector(".demo-author")))
			.selectByVisibleText(name);
	}

	void post(String text) {
		WebElement box = this.driver.findElement(By.cssSelector(".demo-text"));
		box.clear();
		box.sendKeys(text);
		// Enter in the text box sends the form, as a reader would
		box.sendKeys(org.openqa.selenium.Keys.ENTER);
	}

	/**
	 * A control action sent from the page itself, as the widget would (same origin, same
	 * headers).
	 */
	int send(String path) {
		Object status = js().executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				import('/js/http.js').then((http) => http.send(arguments[0], {}, 'en')).then((a) => done(a.status));
				""", path);
		return ((Number) status).intValue();
	}

	/**
	 * The element's box on the page (not the window), so scrolling does not change it.
	 */
	@SuppressWarnings("unchecked")
	Map<String, Number> box(WebElement element) {
		return (Map<String, Number>) js().executeScript(
				"const r = arguments[0].getBoundingClientRect(); return {x: r.x + scrollX, y: r.y + scrollY, w: r.width, h: r.height};",
				element);
	}

	double height() {
		return ((Number) js()
			.executeScript("return document.querySelector('section.demo').getBoundingClientRect().height"))
			.doubleValue();
	}

	void scrollTo() {
		js().executeScript(
				"document.querySelector('section.demo').scrollIntoView({block: 'start', behavior: 'instant'})");
	}

	void click(WebElement element) {
		js().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
		element.click();
	}

}
