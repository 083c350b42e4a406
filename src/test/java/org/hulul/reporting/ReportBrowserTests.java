package org.hulul.reporting;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.hulul.BrowserTest;
import org.hulul.HululIntegrationTest;
import org.hulul.organisations.OrganisationDetails;
import org.hulul.organisations.OrganisationType;
import org.hulul.organisations.Organisations;
import org.hulul.platform.Role;
import org.hulul.platform.UserAccounts;
import org.hulul.platform.UserAccounts.NewUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The whole report loop in Debian's Chromium: a reporter enters two indicators at two
 * locations with a sex breakdown and submits; a reviewer returns it with a comment; the
 * reporter corrects and resubmits; the reviewer approves; the history shows every step.
 */
@HululIntegrationTest
class ReportBrowserTests extends BrowserTest {

	static final String PASSWORD = "browser-loop-password";

	@Autowired
	UserAccounts accounts;

	@Autowired
	Organisations organisations;

	@Test
	void theWholeLoop() throws Exception {
		String code = "BR-" + UUID.randomUUID().toString().substring(0, 6);
		this.organisations.create(
				new OrganisationDetails(code, "Browser loop partner", null, OrganisationType.NATIONAL_NGO, Set.of()),
				false);
		String reporterName = user(Role.REPORTER, code);
		String reviewerName = user(Role.REVIEWER, "IOM");
		Files.createDirectories(Path.of("target/screenshots"));

		try (BrowserContext reporterContext = browser.newContext();
				BrowserContext reviewerContext = browser.newContext()) {
			Page reporter = signIn(reporterContext, reporterName);
			reporter.navigate(url("/reports"));
			reporter.locator("form[action$='/reports/open'] button").click();
			enter(reporter, "SO2-TS-01", "IQG15Q07N03", "12", "10");
			enter(reporter, "SO2-TS-02", "IQG15Q05", "3", "2");
			assertThat(reporter.locator("#lines tr.line")).hasCount(4);
			String report = reporter.url().replaceAll("[?#].*$", "");
			reporter.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/report-entry.png"))
				.setFullPage(true));
			reporter.locator("form[action$='/submit'] button").click();
			assertThat(reporter.locator("h1")).containsText("Submitted");

			Page reviewer = signIn(reviewerContext, reviewerName);
			reviewer.navigate(url("/reports"));
			reviewer.locator("table.data a", new Page.LocatorOptions().setHasText(code)).first().click();
			reviewer.locator("#comment-return").fill("Sinjar centre: the figure for women looks too high");
			reviewer.locator("input[name='lc.SO2-TS-01|IQG15Q07N03|returnee|sex=female']")
				.fill("12 women: more than the 3 in the last quarter");
			reviewer.locator("form[action$='/return'] button").click();
			assertThat(reviewer.locator("h1")).containsText("Returned");

			reporter.navigate(report);
			assertThat(reporter.locator("#return-comment")).containsText("the figure for women looks too high");
			assertThat(reporter.locator("#lines tr.commented")).containsText("more than the 3 in the last quarter");
			reporter.locator("#lines a.edit-entry").first().click();
			// a new page: until it is there, the grid of the page before answers the
			// locator
			reporter.waitForURL(java.util.regex.Pattern.compile("indicator="));
			Locator female = reporter.locator("input[name='v.sex=female']");
			assertThat(female).hasValue("12");
			female.fill("9");
			assertThat(reporter.locator("table.grid output.grid-sum")).hasText("19");
			female.press("Enter");
			assertThat(reporter.locator("#entry .entry-message")).hasText("Saved.");
			assertThat(reporter.locator("#lines tr.line").first()).containsText("9");
			reporter.locator("form[action$='/submit'] button").click();
			assertThat(reporter.locator("h1")).containsText("Submitted");

			reviewer.navigate(report);
			reviewer.locator("form[action$='/approve'] button").click();
			assertThat(reviewer.locator("h1")).containsText("Approved");
			assertThat(reviewer.locator("#history")).containsText("Draft → Submitted");
			assertThat(reviewer.locator("#history")).containsText("Submitted → Returned");
			assertThat(reviewer.locator("#history")).containsText("the figure for women looks too high");
			assertThat(reviewer.locator("#history")).containsText("more than the 3 in the last quarter");
			assertThat(reviewer.locator("#history")).containsText("Returned → Submitted");
			assertThat(reviewer.locator("#history")).containsText("Submitted → Approved");
			assertThat(reviewer.locator("#history")).containsText("12 → 9");
			reviewer.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/report-approved.png"))
				.setFullPage(true));
		}
	}

	@Test
	void theGridInArabicReadsRightToLeftAndTakesArabicDigits() throws Exception {
		String code = "AR-" + UUID.randomUUID().toString().substring(0, 6);
		this.organisations.create(
				new OrganisationDetails(code, "Arabic grid partner", null, OrganisationType.NATIONAL_NGO, Set.of()),
				false);
		String reporterName = user(Role.REPORTER, code);
		Files.createDirectories(Path.of("target/screenshots"));
		try (BrowserContext context = browser.newContext()) {
			Page page = signIn(context, reporterName);
			page.navigate(url("/reports?lang=ar"));
			assertThat(page.locator("html")).hasAttribute("dir", "rtl");
			page.locator("form[action$='/reports/open'] button").click();
			redraw(page, () -> page.locator("select[name=indicator]").selectOption("SO3-EMP-01"));
			page.locator("#location").fill("IQG15Q07N03");
			redraw(page, () -> page.locator("#location").dispatchEvent("change"));
			assertThat(page.locator("#entry .hint strong")).hasText("مركز سنجار");
			// sex × age × support type: a column per sex, a row per age and support type
			Locator cells = page.locator("table.grid input.cell");
			assertThat(cells).hasCount(64);
			cells.first().fill("٣");
			// in a right-to-left grid the left arrow goes to the next column, once the
			// caret is at the cell's left edge
			cells.first().press("ArrowLeft");
			assertThat(cells.first()).isFocused();
			cells.first().press("ArrowLeft");
			page.keyboard().type("٤");
			assertThat(page.locator("input[name='v.age=0-4;sex=male;support_type=job_offer']")).hasValue("٤");
			page.keyboard().press("ArrowDown");
			page.keyboard().type("1,5");
			page.keyboard().press("Enter");
			assertThat(page.locator("#entry .entry-message")).hasText("لم يُحفظ شيء: صحّح الخانات المعلَّمة بالأحمر.");
			assertThat(page.locator("td.has-error")).containsText("يجب أن يكون العدد رقمًا صحيحًا");
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/report-grid-ar.png"))
				.setFullPage(true));
			page.locator("td.has-error input.cell").fill("5");
			page.locator("td.has-error input.cell").press("Enter");
			assertThat(page.locator("#entry .entry-message")).hasText("حُفظ.");
			assertThat(page.locator("table.grid output.grid-sum")).hasText("12");
			assertThat(page.locator("#lines tr.line")).hasCount(3);
		}
	}

	/**
	 * Enters an indicator's female and male values at a location in the grid, with the
	 * keyboard: the first cell, the down arrow to the next, Enter to save.
	 */
	private void enter(Page page, String indicator, String location, String female, String male) {
		// each choice redraws the grid (htmx) with what is saved there
		redraw(page, () -> page.locator("select[name=indicator]").selectOption(indicator));
		redraw(page, () -> page.locator("#populationGroup").selectOption("returnee"));
		page.locator("#location").fill(location);
		redraw(page, () -> page.locator("#location").dispatchEvent("change"));
		assertThat(page.locator("#entry .hint strong")).not().isEmpty();
		page.locator("input[name='v.sex=female']").fill(female);
		page.keyboard().press("ArrowDown");
		page.keyboard().type(male);
		assertThat(page.locator("input[name='v.sex=male']")).hasValue(male);
		int before = page.locator("#lines tr.line").count();
		page.keyboard().press("Enter");
		assertThat(page.locator("#entry .entry-message")).hasText("Saved.");
		assertThat(page.locator("#lines tr.line")).hasCount(before + 2);
	}

	/** Does what redraws the report's body (htmx), and waits until it is redrawn. */
	private static void redraw(Page page, Runnable action) {
		// htmx listens to a swapped-in element only once it has settled: act after that
		idle(page);
		page.waitForResponse((r) -> r.url().contains("/reports/"), action);
		idle(page);
	}

	private static void idle(Page page) {
		page.waitForFunction(
				"() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling, .htmx-added')");
		page.waitForTimeout(50); // htmx processes new content in the task after it
									// settles
	}

	private Page signIn(BrowserContext context, String username) {
		return signIn(context, username, PASSWORD);
	}

	private String user(Role role, String organisation) {
		String username = "loop-" + role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 6);
		this.accounts.create(new NewUser(username, null, PASSWORD, role, organisation, false, false));
		return username;
	}

}
