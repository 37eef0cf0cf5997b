package lab.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Chromium for the whole test run (Debian's chromium and chromedriver, which the
 * README's test command installs), started on first use and quit when the JVM ends.
 */
final class Browser {

	private static ChromeDriver driver;

	private static ChromeDriver second;

	private Browser() {
	}

	static synchronized ChromeDriver driver() {
		if (driver == null) {
			driver = start();
			Runtime.getRuntime().addShutdownHook(new Thread(Browser::quit));
		}
		return driver;
	}

	/**
	 * A second, independent browser (its own profile, so its own cookies): two people on the same
	 * site, such as a student and the instructor. Started on first use, quit with the first.
	 */
	static synchronized ChromeDriver second() {
		driver();
		if (second == null) {
			second = start();
		}
		return second;
	}

	private static ChromeDriver start() {
		Path profile;
		try {
			profile = Files.createTempDirectory("lab-chromium");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(System.getProperty("lab.chromium", "/usr/bin/chromium"));
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--window-size=1280,1000", "--user-data-dir=" + profile, "--lang=en-US");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(System.getProperty("lab.chromedriver", "/usr/bin/chromedriver")))
			.build();
		ChromeDriver chrome = new ChromeDriver(service, options);
		chrome.manage().timeouts().implicitlyWait(Duration.ZERO);
		chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return chrome;
	}

	/** The whole page, not only the window, saved under target/screenshots/. */
	static Path screenshot(String name) {
		return screenshot(driver(), name);
	}

	static Path screenshot(ChromeDriver browser, String name) {
		try {
			Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot",
					Map.of("format", "png", "captureBeyondViewport", true));
			Path dir = Path.of(System.getProperty("lab.screenshots", "target/screenshots"));
			Files.createDirectories(dir);
			Path file = dir.resolve(name + ".png");
			Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
			return file;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** One element only (a widget, a form), under target/screenshots/. */
	static Path screenshot(org.openqa.selenium.WebElement element, String name) {
		try {
			Path dir = Path.of(System.getProperty("lab.screenshots", "target/screenshots"));
			Files.createDirectories(dir);
			Path file = dir.resolve(name + ".png");
			Files.write(file, element.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static synchronized void quit() {
		if (second != null) {
			second.quit();
			second = null;
		}
		if (driver != null) {
			driver.quit();
			driver = null;
		}
	}

}
