package lab.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Chromium for the whole test run (Debian's chromium and chromedriver, which
 * the README's test command installs), started on first use and quit when the JVM ends.
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
	 * A second, independent browser (its own profile, so its own cookies): two people on
	 * the same site, such as a student and the instructor. Started on first use, quit
	 * with the first.
	 */
	static synchronized ChromeDriver second() {
		driver();
		if (second == null) {
			second = start();
		}
		return second;
	}

	/**
	 * Another browser with a window of its own size (a projector, a phone), for tests of
	 * two people at once such as a presenter and a student. The caller quits it.
	 */
	static ChromeDriver another(String windowSize) {
		return start(windowSize);
	}

	private static ChromeDriver start() {
		return start("1280,1000");
	}

	private static ChromeDriver start(String windowSize) {
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
				"--disable-quic", "--window-size=" + windowSize, "--user-data-dir=" + profile, "--lang=en-US");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(System.getProperty("lab.chromedriver", "/usr/bin/chromedriver")))
			.build();
		ChromeDriver chrome = new ChromeDriver(service, options);
		chrome.manage().timeouts().implicitlyWait(Duration.ZERO);
		chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return chrome;
	}

	/**
	 * A laptop (1366×768) or a phone (390×844, touch): the page is laid out at exactly
	 * that size.
	 */
	static void screen(int width, int height, boolean phone) {
		driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", phone ? 2 : 1, "mobile", phone));
		driver().executeCdpCommand("Emulation.setTouchEmulationEnabled",
				Map.of("enabled", phone, "maxTouchPoints", phone ? 5 : 1));
	}

	/** Back to the browser's own window, for the tests that follow. */
	static void resetScreen() {
		driver().executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		driver().executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", false));
	}

	/** One element of the page saved under target/screenshots/. */
	static Path screenshot(String name, String selector) {
		return save(name, () -> {
			@SuppressWarnings("unchecked")
			Map<String, Number> r = (Map<String, Number>) driver()
				.executeScript("const r = document.querySelector(arguments[0]).getBoundingClientRect();"
						+ " return {x: r.x + scrollX, y: r.y + scrollY, w: r.width, h: r.height};", selector);
			Map<String, Object> clip = Map.of("x", r.get("x"), "y", r.get("y"), "width", r.get("w"), "height",
					r.get("h"), "scale", 1);
			return capture(driver(), Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
		});
	}

	/** The whole page, not only the window, saved under target/screenshots/. */
	static Path screenshot(String name) {
		return screenshot(driver(), name);
	}

	static Path screenshot(ChromeDriver browser, String name) {
		return screenshot(browser, name, true);
	}

	/**
	 * The whole page, or only what the window shows (a projector's or a phone's view).
	 */
	static Path screenshot(ChromeDriver browser, String name, boolean wholePage) {
		return save(name, () -> capture(browser, Map.of("format", "png", "captureBeyondViewport", wholePage)));
	}

	/** One element only (a widget, a form), under target/screenshots/. */
	static Path screenshot(org.openqa.selenium.WebElement element, String name) {
		return save(name, () -> element.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
	}

	private static byte[] capture(ChromeDriver browser, Map<String, Object> parameters) {
		Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", parameters);
		return Base64.getDecoder().decode((String) shot.get("data"));
	}

	/**
	 * Saves a picture for the people reading the run; it is not a check. When a loaded
	 * machine keeps the renderer from answering three times, the test goes on and the
	 * miss is reported on standard error.
	 */
	private static Path save(String name, Supplier<byte[]> picture) {
		Path dir = Path.of(System.getProperty("lab.screenshots", "target/screenshots"));
		Path file = dir.resolve(name + ".png");
		for (int attempt = 1;; attempt++) {
			try {
				byte[] png = picture.get();
				Files.createDirectories(dir);
				Files.write(file, png);
				return file;
			}
			catch (org.openqa.selenium.TimeoutException ex) {
				if (attempt == 3) {
					System.err.println("screenshot " + name + " not taken: the renderer did not answer");
					return file;
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
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
