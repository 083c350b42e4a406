package org.hulul;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * What every browser test class shares: one Chromium for the class, the address of the
 * application under test, and signing in through the login page.
 */
public abstract class BrowserTest {

	protected static Browser browser;

	private static Chromium chromium;

	@LocalServerPort
	protected int port;

	@BeforeAll
	static void launch() {
		chromium = Chromium.launch();
		browser = chromium.browser();
	}

	@AfterAll
	static void close() {
		if (chromium != null) {
			chromium.close();
			chromium = null;
		}
	}

	/** An address of the application under test. */
	protected String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/** A new page of the context, signed in (in English) as the user. */
	protected Page signIn(BrowserContext context, String username, String password) {
		Page page = context.newPage();
		page.navigate(url("/login?lang=en"));
		page.locator("#username").fill(username);
		page.locator("#password").fill(password);
		page.locator("button[type=submit].primary").click();
		assertThat(page.locator("h1")).containsText("Welcome");
		return page;
	}

}
