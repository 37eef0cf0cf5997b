package lab.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The instructor's sign-in page, {@code /{lang}/login}. */
final class LoginPage extends SitePage {

	LoginPage(WebDriver driver) {
		super(driver, "login");
	}

	static LoginPage open(WebDriver driver, String base, String lang) {
		driver.get(base + "/" + lang + "/login");
		return new LoginPage(driver);
	}

	/** Types the password and sends the form; the browser lands on the control room. */
	GenericPage signIn(String password) {
		send(password);
		return GenericPage.current(this.driver, "fleet");
	}

	/** Sends the form with a password and stays wherever the site answers. */
	void send(String password) {
		this.driver.findElement(By.id("login-password")).sendKeys(password);
		click(this.driver.findElement(By.cssSelector("form.login-form button[type='submit']")));
	}

}
