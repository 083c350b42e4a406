package org.hulul.coordination;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.hulul.BrowserTest;
import org.hulul.HululIntegrationTest;
import org.hulul.platform.Role;
import org.hulul.platform.UserAccounts;
import org.hulul.platform.UserAccounts.NewUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The library in the browser: the secretariat adds a guideline, classifies it and opens a
 * review round with a section assigned to NRC; NRC's reporter comments on it; the
 * secretariat resolves the comment and submits the guideline to the DSTWG; in Arabic too.
 */
@HululIntegrationTest
class LibraryBrowserTests extends BrowserTest {

	static final Path SCREENSHOTS = Path.of("target/screenshots");

	static final String PASSWORD = "library-browser-pw";

	@Autowired
	UserAccounts accounts;

	@Test
	void aGuidelineIsReviewedCommentedResolvedAndSubmitted() throws Exception {
		Files.createDirectories(SCREENSHOTS);
		String secretariat = user(Role.SECRETARIAT, "OCHA");
		String reporter = user(Role.REPORTER, "NRC");
		String title = "Shelter guidelines " + UUID.randomUUID().toString().substring(0, 6);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Baghdad"));
		String document;
		try (BrowserContext context = context()) {
			Page page = signIn(context, secretariat, PASSWORD);
			page.navigate(url("/coordination"));
			page.locator("#library-link").click();
			page.locator("#add-document summary").click();
			page.locator("#document-title").fill(title);
			page.locator("#document-kind").selectOption("GUIDELINE");
			page.locator("#document-body").selectOption("HLP-SG");
			page.locator("#document-classification").selectOption("REFRAME");
			page.locator("#document-form input[name=objectives][value=SO1]").check();
			page.locator("#document-form button[type=submit]").click();
			assertThat(page.locator("h1")).hasText(title);
			assertThat(page.locator("#document-class")).hasText("Needs reframing for durable solutions");
			page.locator("#open-round summary").click();
			page.locator("#round-deadline").fill(today.plusDays(5).toString());
			page.locator("#round-sections").fill("The guideline in general\nLinks with durable solutions | NRC");
			page.locator("#round-form button").click();
			assertThat(page.locator(".review-section")).hasCount(2);
			assertThat(page.locator(".review-section").nth(1)).containsText("reviewed by NRC");
			document = page.url().replaceAll("[?#].*", "");
		}
		try (BrowserContext context = context()) {
			Page page = signIn(context, reporter, PASSWORD);
			page.navigate(document);
			Locator section = page.locator(".review-section").nth(1);
			section.locator("textarea[name=text]").fill("Say which shelter activities serve returns");
			section.locator("button").click();
			assertThat(page.locator("li[data-resolution=OPEN]")).containsText("Say which shelter activities");
			// a reporter neither resolves nor submits
			assertThat(page.locator("form[action*='/resolution']")).hasCount(0);
			assertThat(page.locator("form[action*='/submission']")).hasCount(0);
		}
		try (BrowserContext context = context()) {
			Page page = signIn(context, secretariat, PASSWORD);
			page.navigate(document);
			Locator comment = page.locator("li[data-resolution=OPEN]");
			comment.locator("select[name=resolution]").selectOption("ACCEPTED");
			comment.locator("input[name=response]").fill("Added to section 2");
			comment.locator("button").click();
			assertThat(page.locator("li[data-resolution=ACCEPTED]")).containsText("Added to section 2");
			page.locator("form[action*='/submission'] select").selectOption("DSTWG");
			page.locator("form[action*='/submission'] button").click();
			assertThat(page.locator(".review-round[data-submitted=true]")).containsText("Submitted to DSTWG");
			page.screenshot(
					new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve("document-en.png")));
			page.navigate(url("/documents?objective=SO1&kind=GUIDELINE"));
			assertThat(page.locator("#documents")).containsText(title);
			page.navigate(document + "?lang=ar");
			assertThat(page.locator("html")).hasAttribute("dir", "rtl");
			assertThat(page.locator("#rounds")).hasText("جولات المراجعة");
			assertThat(page.locator("#document-class")).hasText("يحتاج إلى إعادة صياغة للحلول الدائمة");
			page.screenshot(
					new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve("document-ar.png")));
		}
	}

	private BrowserContext context() {
		return browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
	}

	private String user(Role role, String organisation) {
		String username = "lib-" + role.name().toLowerCase().replace('_', '-') + "-"
				+ UUID.randomUUID().toString().substring(0, 6);
		this.accounts.create(new NewUser(username, null, PASSWORD, role, organisation, false, false));
		return username;
	}

}
