package org.hulul.reporting;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.hulul.Chromium;
import org.hulul.HululIntegrationTest;
import org.hulul.organisations.OrganisationDetails;
import org.hulul.organisations.OrganisationType;
import org.hulul.organisations.Organisations;
import org.hulul.platform.Role;
import org.hulul.platform.UserAccounts;
import org.hulul.platform.UserAccounts.NewUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The whole report loop in Debian's Chromium: a reporter enters two indicators at two
 * locations with a sex breakdown and submits; a reviewer returns it with a comment; the
 * reporter corrects and resubmits; the reviewer approves; the history shows every step.
 */
@HululIntegrationTest
class ReportBrowserTests {

	static final String PASSWORD = "browser-loop-password";

	static Chromium chromium;

	static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Autowired
	Organisations organisations;

	@BeforeAll
	static void launch() {
		chromium = Chromium.launch();
		browser = chromium.browser();
	}

	@AfterAll
	static void close() {
		if (chromium != null) {
			chromium.close();
		}
	}

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
			addLine(reporter, "SO2-TS-01", "IQG15Q07N03", "female", "12");
			addLine(reporter, "SO2-TS-01", "IQG15Q07N03", "male", "10");
			addLine(reporter, "SO2-TS-02", "IQG15Q05", "female", "3");
			addLine(reporter, "SO2-TS-02", "IQG15Q05", "male", "2");
			assertThat(reporter.locator("#lines tbody tr form")).hasCount(4);
			String report = reporter.url().replaceAll("\\?.*$", "");
			reporter.locator("form[action$='/submit'] button").click();
			assertThat(reporter.locator("h1")).containsText("Submitted");

			Page reviewer = signIn(reviewerContext, reviewerName);
			reviewer.navigate(url("/reports"));
			reviewer.locator("table.data a", new Page.LocatorOptions().setHasText(code)).first().click();
			reviewer.locator("#comment-return").fill("Sinjar centre: the figure for women looks too high");
			reviewer.locator("form[action$='/return'] button").click();
			assertThat(reviewer.locator("h1")).containsText("Returned");

			reporter.navigate(report);
			reporter.locator("#lines tbody tr").first().locator("form button").click();
			assertThat(reporter.locator("#lines tbody tr form")).hasCount(3);
			addLine(reporter, "SO2-TS-01", "IQG15Q07N03", "female", "9");
			reporter.locator("form[action$='/submit'] button").click();
			assertThat(reporter.locator("h1")).containsText("Submitted");

			reviewer.navigate(report);
			reviewer.locator("form[action$='/approve'] button").click();
			assertThat(reviewer.locator("h1")).containsText("Approved");
			assertThat(reviewer.locator("#history")).containsText("Draft → Submitted");
			assertThat(reviewer.locator("#history")).containsText("Submitted → Returned");
			assertThat(reviewer.locator("#history")).containsText("the figure for women looks too high");
			assertThat(reviewer.locator("#history")).containsText("Returned → Submitted");
			assertThat(reviewer.locator("#history")).containsText("Submitted → Approved");
			assertThat(reviewer.locator("#history")).containsText("12 → –");
			reviewer.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/report-approved.png"))
				.setFullPage(true));
		}
	}

	private void addLine(Page page, String indicator, String location, String sex, String value) {
		// choosing an indicator redraws the line form (htmx): only when it changes
		if (!indicator.equals(page.locator("select[name=indicator]").inputValue())) {
			page.locator("select[name=indicator]").selectOption(indicator);
		}
		page.locator("form[action$='/lines'] input[name=indicator][value='" + indicator + "']")
			.waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
				.setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
		page.locator("#location").fill(location);
		page.locator("#d-sex").selectOption(sex);
		page.locator("#value").fill(value);
		int before = page.locator("#lines tbody tr form").count();
		page.locator("form[action$='/lines'] button").click();
		assertThat(page.locator("#lines tbody tr form")).hasCount(before + 1);
	}

	private Page signIn(BrowserContext context, String username) {
		Page page = context.newPage();
		page.navigate(url("/login?lang=en"));
		page.locator("#username").fill(username);
		page.locator("#password").fill(PASSWORD);
		page.locator("button[type=submit].primary").click();
		assertThat(page.locator("h1")).containsText("Welcome");
		return page;
	}

	private String user(Role role, String organisation) {
		String username = "loop-" + role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 6);
		this.accounts.create(new NewUser(username, null, PASSWORD, role, organisation, false, false));
		return username;
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
