package lab.browser;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import lab.FleetTest;
import lab.content.PersianLint;
import lab.content.TermBase;
import lab.fleet.FleetClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Persian lint and the term base run on what readers see: the visible text of every
 * Persian page, rendered in real Chromium with the real fleet behind the live widget, so
 * a message assembled in JavaScript or Java is checked as it is shown (issue 10).
 */
@FleetTest
class PersianPagesBrowserIT {

	/** More pages than the site has, so a crawl that runs away stops. */
	private static final int MAX_PAGES = 120;

	@LocalServerPort
	int port;

	private WebDriver driver;

	private String base;

	@BeforeEach
	@AfterEach
	void healTheFleet() {
		new FleetClient(this.port).heal();
	}

	@BeforeEach
	void open() {
		this.driver = Browser.driver();
		this.base = "http://127.0.0.1:" + this.port;
	}

	@Test
	void everyPersianPageReadsAsCleanPersian() throws IOException {
		TermBase terms = TermBase.load();
		List<String> pages = persianPages();
		assertThat(pages).as("Persian pages found from /fa/")
			.hasSizeGreaterThan(14)
			.contains("/fa/", "/fa/glossary", "/fa/about", "/fa/fleet", "/fa/lessons/resilience");
		pages.add("/fa/lessons/no-such-lesson");
		List<String> problems = new ArrayList<>();
		for (String path : pages) {
			List<String> lines = visit(path);
			assertThat(lines).as("visible text of %s", path).isNotEmpty();
			for (String line : lines) {
				if (!PersianLint.hasPersian(line)) {
					continue;
				}
				for (PersianLint.Violation v : PersianLint.check(line)) {
					problems.add(path + ": " + v.rule() + ": «" + v.excerpt() + "» in «" + line + "»");
				}
				for (TermBase.Hit hit : terms.find(line)) {
					problems.add(path + ": «" + hit.found() + "» → use «" + hit.term().use() + "» (" + hit.term().en()
							+ ", content/terms.yml) in «" + line + "»");
				}
				for (TermBase.Hit hit : terms.bareLatinNames(line)) {
					problems.add(path + ": «" + hit.found() + "» → write «" + hit.term().use() + "» in «" + line + "»");
				}
			}
		}
		assertThat(problems).as("Persian problems in the rendered pages").isEmpty();
	}

	@Test
	void theLintSeesTextThatAScriptPutsOnThePage() {
		visit("/fa/lessons/resilience");
		((JavascriptExecutor) this.driver).executeScript("""
				const p = document.createElement('p');
				p.className = 'lint-probe';
				p.textContent = 'استقرار v' + '\\u06F2' + ' با ' + '\\u06F5' + '% خطا';
				document.querySelector('main').append(p);
				""");
		List<String> rules = VisibleText.lines(this.driver)
			.stream()
			.filter(line -> line.startsWith("استقرار"))
			.flatMap(line -> PersianLint.check(line).stream())
			.map(PersianLint.Violation::rule)
			.toList();
		assertThat(rules).contains(PersianLint.LATIN_TOKEN_DIGIT, PersianLint.PERCENT_SIGN);
	}

	@Test
	void instanceFiguresReadRightToLeftOnPersianPages() {
		visit("/fa/lessons/resilience");
		assertThat(figures().getCssValue("direction")).isEqualTo("rtl");
		Browser.screenshot("fa-demo-figures");
		assertThat(figures().getAttribute("textContent")).contains("v1").doesNotContain("v۱").doesNotContain("%");
		visit("/fa/fleet");
		assertThat(figures().getCssValue("direction")).isEqualTo("rtl");
		Browser.screenshot("fa-fleet-figures");
		visit("/en/lessons/resilience");
		assertThat(figures().getCssValue("direction")).isEqualTo("ltr");
	}

	private WebElement figures() {
		return new WebDriverWait(this.driver, java.time.Duration.ofSeconds(15))
			.ignoring(StaleElementReferenceException.class)
			.until(d -> {
				// the widget's figures line (and the control room's), whichever class the
				// widget gives it
				WebElement first = d.findElements(By.cssSelector(".demo-instance-figures, .demo-figures"))
					.stream()
					.filter(e -> e.getAttribute("textContent").contains("v1"))
					.findFirst()
					.orElse(null);
				if (first != null) {
					first.getCssValue("direction"); // stale now rather than later
				}
				return first;
			});
	}

	/**
	 * Opens a page, lets its live widget draw the fleet, and returns its visible lines.
	 */
	private List<String> visit(String path) {
		this.driver.get(this.base + path);
		new WebDriverWait(this.driver, java.time.Duration.ofSeconds(10))
			.until(d -> !d.findElement(By.tagName("body")).getAttribute("data-page").isEmpty());
		if (!this.driver.findElements(By.cssSelector("section.demo")).isEmpty()) {
			new DemoWidget(this.driver);
		}
		return new WebDriverWait(this.driver, java.time.Duration.ofSeconds(10))
			.ignoring(org.openqa.selenium.JavascriptException.class)
			.until(d -> VisibleText.lines(d));
	}

	/**
	 * Every page a Persian reader can reach by following links from the Persian home
	 * page.
	 */
	private List<String> persianPages() {
		Set<String> seen = new LinkedHashSet<>();
		Deque<String> queue = new ArrayDeque<>(List.of("/fa/"));
		while (!queue.isEmpty() && seen.size() < MAX_PAGES) {
			String path = queue.poll();
			if (!seen.add(path)) {
				continue;
			}
			this.driver.get(this.base + path);
			for (WebElement link : this.driver.findElements(By.cssSelector("a[href]"))) {
				String next = persianPath(link.getAttribute("href"));
				if (next != null && !seen.contains(next)) {
					queue.add(next);
				}
			}
		}
		return new ArrayList<>(seen);
	}

	private String persianPath(String href) {
		if (href == null || !href.startsWith(this.base + "/fa/")) {
			return null;
		}
		String path = URI.create(href).getPath();
		return path.startsWith("/fa/") ? path : null;
	}

}
