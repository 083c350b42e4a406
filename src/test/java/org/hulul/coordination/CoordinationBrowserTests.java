package org.hulul.coordination;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hulul.BrowserTest;
import org.hulul.HululIntegrationTest;
import org.hulul.platform.Role;
import org.hulul.platform.UserAccounts;
import org.hulul.platform.UserAccounts.NewUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The secretariat in the browser: the architecture, then a meeting of the Facilitated
 * Movements task group with an agenda item and two action points, one of them closed, and
 * the next meeting where the other is carried over with its count; in English and Arabic.
 */
@HululIntegrationTest
class CoordinationBrowserTests extends BrowserTest {

	static final Path SCREENSHOTS = Path.of("target/screenshots");

	static final String PASSWORD = "coordination-browser-pw";

	@Autowired
	UserAccounts accounts;

	@Test
	void aMeetingsOpenActionPointIsCarriedIntoTheNextWithItsCount() throws Exception {
		Files.createDirectories(SCREENSHOTS);
		String username = "coord-sec-" + UUID.randomUUID().toString().substring(0, 6);
		this.accounts.create(new NewUser(username, null, PASSWORD, Role.SECRETARIAT, "OCHA", false, false));
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Baghdad"));
		int number = 1000 + (int) (Math.abs(UUID.randomUUID().getMostSignificantBits()) % 800_000);
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
			Page page = signIn(context, username, PASSWORD);
			page.locator("nav.mainnav a[href$='/coordination']").click();
			assertThat(page.locator("#architecture .body-box[data-code=DSTWG]")).containsText("IOM");
			assertThat(page.locator("#architecture .body-box[data-code=DSTF] + ul .body-box[data-code=DSTWG]"))
				.isVisible();
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("coordination-en.png")));
			page.locator("#architecture .body-box[data-code=FM-TG] a").click();
			assertThat(page.locator("h1")).containsText("Facilitated Movements");

			page.locator("#meeting-number").fill(Integer.toString(number));
			page.locator("#meeting-date").fill(today.minusDays(7).toString());
			page.locator("#meeting-form button").click();
			assertThat(page.locator("h1")).containsText("FM-TG #" + number);
			page.locator("#item-title").fill("Guidelines on facilitated movements");
			page.locator("#item-minutes").fill("30");
			page.locator("#item-presenter").fill("NPC");
			page.locator("#agenda-form button").click();
			assertThat(page.locator("#agenda-items")).containsText("30 minutes");
			page.locator("#publish-form button").click();
			assertThat(page.locator("#agenda-status")).containsText("Published");

			page.locator("#action-text").fill("Circulate the draft guidelines");
			page.locator("#action-owner").fill("NPC");
			page.locator("#action-form button").click();
			page.locator("#action-text").fill("Invite CCCM to the task group");
			page.locator("#action-owner").fill("IOM");
			page.locator("#action-form button").click();
			assertThat(page.locator("#own-actions tbody tr")).hasCount(2);
			// close the second
			page.locator("#own-actions tbody tr", new Page.LocatorOptions().setHasText("Invite CCCM"))
				.locator("select")
				.selectOption("COMPLETED");
			page.locator("#own-actions tbody tr", new Page.LocatorOptions().setHasText("Invite CCCM"))
				.locator("button")
				.click();
			assertThat(page.locator("#own-actions tr[data-status=COMPLETED]")).containsText("Invite CCCM");

			// the next meeting, today: the open one carried over once
			page.locator("nav a[href$='/coordination/FM-TG'], p a[href$='/coordination/FM-TG']").first().click();
			page.locator("#meeting-date").fill(today.toString());
			page.locator("#meeting-form button").click();
			assertThat(page.locator("h1")).containsText("FM-TG #" + (number + 1));
			assertThat(page.locator("#carried-over tr[data-status=PENDING]"))
				.containsText("Circulate the draft guidelines");
			assertThat(page.locator("#carried-over tr[data-status=PENDING] .carried-count")).hasText("1");
			assertThat(page.locator("#carried-over tr[data-status=COMPLETED]")).containsText("Invite CCCM");
			page.screenshot(
					new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve("meeting-en.png")));
			String url = page.url();
			page.navigate(url + "?lang=ar");
			assertThat(page.locator("html")).hasAttribute("dir", "rtl");
			assertThat(page.locator("#carried")).hasText("نقاط عمل الاجتماع السابق");
			page.screenshot(
					new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve("meeting-ar.png")));
			// the agenda, action points and minutes as a PDF in Arabic
			Download download = page.waitForDownload(() -> page.locator("#pdf-ar").click());
			try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(download.path()))) {
				PDFTextStripper stripper = new PDFTextStripper();
				stripper.setSortByPosition(true);
				String text = Normalizer.normalize(stripper.getText(pdf), Normalizer.Form.NFKC);
				org.assertj.core.api.Assertions.assertThat(text)
					.contains("FM-TG #" + (number + 1))
					.contains("نقاط عمل الاجتماع السابق")
					.contains("Circulate the draft guidelines");
				ImageIO.write(new PDFRenderer(pdf).renderImageWithDPI(0, 80), "png",
						SCREENSHOTS.resolve("meeting-pdf-ar.png").toFile());
			}
		}
	}

}
