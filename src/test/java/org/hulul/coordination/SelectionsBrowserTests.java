package org.hulul.coordination;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.hulul.BrowserTest;
import org.hulul.HululIntegrationTest;
import org.hulul.platform.Role;
import org.hulul.platform.UserAccounts;
import org.hulul.platform.UserAccounts.NewUser;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.hulul.db.Tables.SELECTION;

/**
 * A co-chair of the HLP subgroup chosen in the browser: the secretariat records who
 * attended its meeting and opens the call; an organisation applies; once the deadline has
 * passed the vote opens, the members cast their ballots (and see that they did, not what
 * others chose), the secretariat counts and records the DSTF's endorsement, and the
 * subgroup has its new co-chair; the page in Arabic too.
 */
@HululIntegrationTest
class SelectionsBrowserTests extends BrowserTest {

	static final Path SCREENSHOTS = Path.of("target/screenshots");

	static final String PASSWORD = "selection-browser-pw";

	@Autowired
	UserAccounts accounts;

	@Autowired
	DSLContext db;

	@Test
	void aCoChairIsChosenFromTheCallToTheEndorsement() throws Exception {
		Files.createDirectories(SCREENSHOTS);
		String secretariat = user(Role.SECRETARIAT, "OCHA");
		String applicant = user(Role.REPORTER, "NRC");
		String member = user(Role.VIEWER, "UNHCR");
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Baghdad"));
		int number = 1000 + (int) (Math.abs(UUID.randomUUID().getMostSignificantBits()) % 800_000);
		long id;
		try (BrowserContext context = context()) {
			Page page = signIn(context, secretariat, PASSWORD);
			page.navigate(url("/coordination/HLP-SG"));
			page.locator("#meeting-number").fill(Integer.toString(number));
			page.locator("#meeting-date").fill(today.minusDays(3).toString());
			page.locator("#meeting-form button").click();
			page.locator("#attendance-input").fill("UNHCR, NRC");
			page.locator("#attendance-form button").click();
			assertThat(page.locator("#attendees")).containsText("UNHCR");

			page.navigate(url("/coordination/HLP-SG"));
			page.locator("#open-call summary").click();
			page.locator("#call-kind").selectOption("CO_CHAIR");
			page.locator("#call-deadline").fill(today.toString());
			page.locator("#call-purpose").fill("A co-chair for the HLP subgroup");
			page.locator("#call-form button").click();
			assertThat(page.locator("#selection-status")).hasAttribute("data-status", "CALL");
			id = Long.parseLong(page.url().replaceAll(".*/selections/(\\d+).*", "$1"));
		}
		try (BrowserContext context = context()) {
			Page page = signIn(context, applicant, PASSWORD);
			page.navigate(url("/selections/" + id));
			page.locator("#apply-representative").fill("HLP specialist");
			page.locator("#apply-alternate").fill("HLP officer");
			page.locator("#apply-statement").fill("Legal assistance on housing, land and property in Ninewa");
			page.locator("#apply-form button").click();
			assertThat(page.locator("#application-list tr[data-organisation=NRC]")).containsText("HLP specialist");
			assertThat(page.locator("#apply-form")).hasCount(0);
		}
		// the deadline passes
		this.db.update(SELECTION).set(SELECTION.DEADLINE, today.minusDays(1)).where(SELECTION.ID.eq(id)).execute();
		try (BrowserContext context = context()) {
			Page page = signIn(context, secretariat, PASSWORD);
			page.navigate(url("/selections/" + id));
			page.locator("#open-vote-form button").click();
			assertThat(page.locator("#selection-status")).hasAttribute("data-status", "VOTING");
			assertThat(page.locator("#electorate")).containsText("UNHCR");
		}
		try (BrowserContext context = context()) {
			Page page = signIn(context, member, PASSWORD);
			page.navigate(url("/selections/" + id));
			page.locator("#ballot-form input[value=NRC]").check();
			page.locator("#ballot-form button").click();
			assertThat(page.locator("#voted")).isVisible();
			assertThat(page.locator("#ballot-form")).hasCount(0);
			// no count before the vote is closed
			assertThat(page.locator("#application-list .votes")).hasCount(0);
			page.screenshot(
					new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve("selection-en.png")));
		}
		// the vote's last day passes
		this.db.update(SELECTION).set(SELECTION.VOTING_CLOSES, today.minusDays(1)).where(SELECTION.ID.eq(id)).execute();
		try (BrowserContext context = context()) {
			Page page = signIn(context, secretariat, PASSWORD);
			page.navigate(url("/selections/" + id));
			page.locator("#tally-form button").click();
			assertThat(page.locator("#selection-status")).hasAttribute("data-status", "TALLIED");
			assertThat(page.locator("#application-list tr[data-organisation=NRC] .votes")).not().hasText("0");
			page.locator("#endorse-note").fill("Endorsed by the DSTF by e-mail");
			page.locator("#endorse-form button").click();
			assertThat(page.locator("#endorsed")).containsText("NRC");
			page.navigate(url("/coordination/HLP-SG"));
			assertThat(page.locator("dl.facts")).containsText("NRC (Co-chair)");
			page.navigate(url("/selections/" + id + "?lang=ar"));
			assertThat(page.locator("html")).hasAttribute("dir", "rtl");
			assertThat(page.locator("#result")).hasText("مصادقة فرقة العمل");
			page.screenshot(
					new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve("selection-ar.png")));
		}
	}

	private BrowserContext context() {
		return browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
	}

	private String user(Role role, String organisation) {
		String username = "sel-" + role.name().toLowerCase().replace('_', '-') + "-"
				+ UUID.randomUUID().toString().substring(0, 6);
		this.accounts.create(new NewUser(username, null, PASSWORD, role, organisation, false, false));
		return username;
	}

}
