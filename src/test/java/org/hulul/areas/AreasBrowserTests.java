package org.hulul.areas;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.hulul.ApiClient;
import org.hulul.BrowserTest;
import org.hulul.HululIntegrationTest;
import org.hulul.analytics.Partners;
import org.hulul.platform.Role;
import org.hulul.platform.UserAccounts;
import org.hulul.platform.UserAccounts.NewUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hulul.analytics.Partners.line;

/**
 * The Sinjar ABC in the browser, from nothing to progress: the secretariat adds the area
 * across Ninewa and Duhok, its coordinator starts the plan, takes it through the steps
 * with the authorities' input, writes a section in Arabic and adds an activity with a
 * target; a reviewer approves a partner's report there and the activity's progress
 * changes; the plan reads right to left in Arabic and downloads as a PDF. The year 2097
 * is this test's own.
 */
@HululIntegrationTest
class AreasBrowserTests extends BrowserTest {

	static final Path SCREENSHOTS = Path.of("target/screenshots");

	static final String PASSWORD = "areas-browser-pw";

	@Autowired
	UserAccounts accounts;

	@Test
	void theSinjarAbcPlanGoesFromTheFirstStepToProgressFromAnApprovedReport() throws Exception {
		Files.createDirectories(SCREENSHOTS);
		String code = "SINJAR-" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
		String coordinatorName = user(Role.AREA_COORDINATOR, "IOM");
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
			// the secretariat adds the area across two governorates
			Page secretariat = signIn(context, user(Role.SECRETARIAT, "OCHA"));
			secretariat.locator("nav.mainnav a[href$='/areas']").click();
			secretariat.locator("#new-area").click();
			secretariat.locator("#code").fill(code);
			secretariat.locator("#nameEn").fill("Sinjar ABC");
			secretariat.locator("#nameAr").fill("تنسيق سنجار");
			secretariat.locator("#type").selectOption("ABC");
			secretariat.locator("#locations").fill("IQG15Q07\nIQG09Q02");
			secretariat.locator("#coordinators").fill(coordinatorName);
			secretariat.locator("#area-form button[type=submit]").click();
			assertThat(secretariat.locator("h1")).containsText("Sinjar ABC");
			assertThat(secretariat.locator("#area-map")).isVisible();
		}
		try (BrowserContext context = browser
			.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setAcceptDownloads(true))) {
			Page page = signIn(context, coordinatorName);
			page.navigate(url("/areas/" + code));
			page.locator("#plan-title").fill("Sinjar Plan of Action");
			page.locator("#plan-title-ar").fill("خطة عمل سنجار");
			page.locator("#new-plan button").click();
			assertThat(page.locator("h1")).hasText("Sinjar Plan of Action");
			assertThat(page.locator("#steps li.current")).hasAttribute("data-step", "1");

			// through the steps, with the authorities' input
			page.locator("#step").selectOption("2");
			page.locator("#move-step button").click();
			assertThat(page.locator("#steps li.current")).hasAttribute("data-step", "2");
			page.locator("#input-organisation").selectOption("GRC");
			page.locator("#input-summary").fill("The governorate agreed to start and named its focal point.");
			page.locator("#add-input button").click();
			assertThat(page.locator("#input-list")).containsText("GRC");
			page.locator("#step").selectOption("6");
			page.locator("#move-step button").click();
			assertThat(page.locator("#steps li.current")).hasAttribute("data-step", "6");
			assertThat(page.locator("#steps li.done")).hasCount(5);
			page.locator("#edit-PURPOSE").click();
			page.locator("#form-PURPOSE textarea[name=ar]").fill("عودة **آمنة وطوعية** إلى سنجار.");
			page.locator("#form-PURPOSE button[type=submit]").click();
			assertThat(page.locator("#PURPOSE .markdown[lang=ar] strong")).hasText("آمنة وطوعية");

			// an activity with a target, in Markaz Sinjar
			page.locator("#add-activity > summary").click();
			page.locator("#activity-objective").selectOption("SO1");
			page.locator("#activity-title").fill("Voter registration drives");
			page.locator("#activity-indicators").selectOption("SO1-PPA-01");
			page.locator("#activity-locations").selectOption("IQG15Q07N03");
			page.locator("#target-indicator-1").selectOption("SO1-PPA-01");
			page.locator("#target-period-1").fill("2097Q1");
			page.locator("#target-value-1").fill("40");
			page.locator("#activity-lead").fill("IOM");
			page.locator("#activity-supporting").fill("UNDP، UNHCR");
			page.locator("#activity-start").fill("2097-01-01");
			page.locator("#activity-end").fill("2097-03-31");
			page.locator("#activity-form button[type=submit]").click();
			assertThat(page.locator(".flash")).containsText("Activity added");
			String planUrl = page.url().replaceAll("#.*", "");
			long plan = Long.parseLong(planUrl.replaceAll(".*/plans/", ""));
			long activity = new ApiClient(this.port)
				.get("/api/v1/plans/" + plan + "/activities", new ApiClient(this.port).token(coordinatorName, PASSWORD))
				.body()
				.get(0)
				.get("id")
				.asLong();
			String row = "#progress-" + activity + " tr[data-period='2097Q1']";
			assertThat(page.locator(row)).containsText("Not due yet");
			assertThat(page.locator("#activity-" + activity)).containsText("Markaz Sinjar");
			assertThat(page.locator("#activity-" + activity)).containsText("UNDP, UNHCR");

			// a reviewer approves a partner's report there
			ApiClient api = new ApiClient(this.port);
			Partners partners = new Partners(api, this.accounts);
			String partner = partners.organisation("NATIONAL_NGO", "HUMANITARIAN");
			long report = partners.report(partners.token(Role.REPORTER, partner), partner, "2097Q1",
					List.of(line("SO1-PPA-01", "IQG15Q07N03", 30), line("SO1-PPA-01", "IQG01Q01N01", 500)));
			partners.submit(report);
			try (BrowserContext reviewing = browser.newContext()) {
				Page reviewer = signIn(reviewing, user(Role.REVIEWER, "IOM"));
				reviewer.navigate(url("/reports/" + report));
				reviewer.locator("form[action$='/approve'] button").click();
				assertThat(reviewer.locator("h1")).containsText("Approved");
			}
			page.navigate(planUrl);
			assertThat(page.locator(row + " td.achieved")).hasText("30");
			assertThat(page.locator(row)).containsText("75 %");
			assertThat(page.locator(row)).containsText("Behind");
			assertThat(page.locator("#plan-status")).hasText("Behind");
			page.locator("#activities").scrollIntoViewIfNeeded();
			page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve("plan-en.png")));

			// the area page shows the plan's progress; the plan reads right to left in
			// Arabic and downloads as a PDF in Arabic
			page.navigate(url("/areas/" + code));
			assertThat(page.locator("#plans .plan-rag")).hasText("Behind");
			page.navigate(planUrl + "?lang=ar");
			assertThat(page.locator("html")).hasAttribute("dir", "rtl");
			assertThat(page.locator("h1")).hasText("خطة عمل سنجار");
			assertThat(page.locator(row + " td.achieved")).hasText("30");
			assertThat(page.locator("#activity-" + activity)).containsText("مركز سنجار");
			page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve("plan-ar.png")));
			var download = page.waitForDownload(() -> page.locator("#pdf-ar").click());
			assertThat(download.suggestedFilename()).endsWith("-ar.pdf");
			assertThat(Files.readAllBytes(download.path())).startsWith("%PDF-".getBytes());
			assertThat(page.locator("html")).hasAttribute("dir", "rtl");
			assertThat(page).hasURL(Pattern.compile(".*/plans/" + plan + ".*"));
		}
	}

	private Page signIn(BrowserContext context, String username) {
		return signIn(context, username, PASSWORD);
	}

	private String user(Role role, String organisation) {
		String username = "abc-" + role.name().toLowerCase().replace('_', '-') + "-"
				+ UUID.randomUUID().toString().substring(0, 6);
		this.accounts.create(new NewUser(username, null, PASSWORD, role, organisation, false, false));
		return username;
	}

}
