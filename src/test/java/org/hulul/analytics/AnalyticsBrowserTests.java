package org.hulul.analytics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.hulul.ApiClient;
import org.hulul.BrowserTest;
import org.hulul.HululIntegrationTest;
import org.hulul.platform.Role;
import org.hulul.platform.UserAccounts;
import org.hulul.platform.UserAccounts.NewUser;
import org.hulul.reporting.Period;
import org.hulul.reporting.ReportingCalendar;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pivot built in the browser, in English and in Arabic: an approved report of votes
 * (SO1-PPA-01) in Anbar, rows by governorate and columns by quarter, then the map of it,
 * then the XLSX download.
 */
@HululIntegrationTest
class AnalyticsBrowserTests extends BrowserTest {

	static final Path SCREENSHOTS = Path.of("target/screenshots");

	static final String PASSWORD = "analytics-browser-pw";

	final String partner = "ANB-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

	@Autowired
	UserAccounts accounts;

	@Autowired
	ReportingCalendar calendar;

	@Test
	void aPivotBecomesAMapAndASpreadsheet() throws Exception {
		Files.createDirectories(SCREENSHOTS);
		String period = approvedVotesInAnbar();
		String viewer = user(Role.VIEWER, "OCHA");
		for (String lang : List.of("en", "ar")) {
			try (var context = browser
				.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setAcceptDownloads(true))) {
				Page page = context.newPage();
				page.navigate(url("/login?lang=" + lang));
				page.locator("#username").fill(viewer);
				page.locator("#password").fill(PASSWORD);
				page.locator("button[type=submit].primary").click();
				page.locator("nav.mainnav a[href$='/dashboard']").click();
				assertThat(page.locator("#SO1 + .overview-objective").first()).containsText("SO1-PPA-01");
				assertThat(page.locator("main tr", new Page.LocatorOptions().setHasText("SO1-PPA-01")).first())
					.containsText("250");
				assertThat(page.locator("#compliance")).isVisible();
				// each objective's headline on a map
				assertThat(page.locator("#map-SO1.loaded")).isVisible();
				page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
					.setPath(SCREENSHOTS.resolve("dashboard-" + lang + ".png")));
				page.locator("#my-overview").click();
				assertThat(page).hasURL(java.util.regex.Pattern.compile(".*organisation=OCHA.*"));
				page.navigate(url("/dashboard?organisation=" + this.partner));
				assertThat(page.locator("h1")).containsText("Analytics browser partner");
				assertThat(page.locator("main tr", new Page.LocatorOptions().setHasText("SO1-PPA-01")).first())
					.containsText("250");
				page.locator("nav.mainnav a[href$='/analytics']").click();
				// by default a row per indicator: values, never only "cannot be added"
				assertThat(page.locator("#pivot")).isVisible();
				assertThat(page.locator("#only-mixed")).hasCount(0);
				assertThat(page.locator("html")).hasAttribute("dir", lang.equals("ar") ? "rtl" : "ltr");
				page.locator("#rows").selectOption("adm1");
				page.locator("#columns").selectOption("period");
				if (!page.locator("details.filter-box").evaluate("d => d.open").equals(Boolean.TRUE)) {
					page.locator("details.filter-box > summary").click();
				}
				page.locator("#f-indicator").selectOption("SO1-PPA-01");
				page.locator("form.pivot-form button[type=submit]").click();
				String anbar = lang.equals("ar") ? "الانبار" : "Al-Anbar";
				assertThat(page.locator("#pivot thead")).containsText(period);
				assertThat(page.locator("#pivot tbody tr", new Page.LocatorOptions().setHasText(anbar)))
					.containsText("250");
				assertThat(page).hasURL(java.util.regex.Pattern.compile(".*rows=adm1.*indicator=SO1-PPA-01.*"));
				page.screenshot(
						new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("analytics-" + lang + ".png")));

				page.locator("input[name=view][value=map]").check();
				page.locator("form.pivot-form button[type=submit]").click();
				assertThat(page.locator("#choropleth.loaded")).isVisible();
				assertThat(page.locator("#choropleth .legend")).isVisible();
				assertThat(page.locator("#choropleth path.leaflet-interactive").first()).isVisible();
				page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
					.setPath(SCREENSHOTS.resolve("analytics-map-" + lang + ".png")));

				Download download = page.waitForDownload(() -> page.locator("#download-xlsx").click());
				Path file = SCREENSHOTS.resolve("analytics-" + lang + ".xlsx");
				download.saveAs(file);
				List<String> rows = new ArrayList<>();
				try (ReadableWorkbook book = new ReadableWorkbook(file.toFile())) {
					book.getFirstSheet()
						.openStream()
						.forEach((Row r) -> rows.add(r.stream()
							.map((c) -> (c == null) ? "" : c.getRawValue())
							.reduce((x, y) -> x + "|" + y)
							.orElse("")));
				}
				assertThat(rows.get(0)).startsWith(lang.equals("ar") ? "المحافظة" : "Governorate").contains(period);
				assertThat(rows).anyMatch((r) -> r.startsWith(anbar + "|") && r.contains("250"));
			}
		}
	}

	/**
	 * The secretariat sets a target in the browser and changes it; the page shows what
	 * was achieved and the status; who does what where lists the partner; the public
	 * overview opens without signing in. English, then Arabic. The values: 12 voting
	 * polls (SO1-PPA-02) in Al-Muthanna this quarter, no other test's.
	 */
	@Test
	void targetsWhoDoesWhatWhereAndThePublicOverview() throws Exception {
		Files.createDirectories(SCREENSHOTS);
		String period = approved("SO1-PPA-02", "IQG03Q01N01", 12);
		int year = Period.parse(period).year();
		String secretariat = user(Role.SECRETARIAT, "OCHA");
		for (String lang : List.of("en", "ar")) {
			try (var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
				Page page = context.newPage();
				signIn(page, secretariat, lang);
				page.locator("nav.mainnav a[href$='/analytics']").click();
				page.locator("nav.tabs a[href$='/analytics/targets']").click();
				page.locator("#year").selectOption(Integer.toString(year));
				var line = page.locator("tr[data-indicator='SO1-PPA-02'][data-scope='IQG03']");
				if (lang.equals("en")) {
					assertThat(line).hasCount(0);
					page.locator("#t-indicator").selectOption("SO1-PPA-02");
					page.locator("#t-scope").selectOption("IQG03");
					page.locator("#t-year").fill(Integer.toString(year));
					page.locator("#t-value").fill("1,200");
					page.locator("#add-target button[type=submit]").click();
					assertThat(page.locator(".flash.ok")).isVisible();
					assertThat(line.locator("input[name=value]")).hasValue("1,200");
				}
				else {
					// the target set in English, changed in Arabic (with Arabic-Indic
					// digits)
					line.locator("input[name=value]").fill("٢٤");
					line.locator("button[type=submit]").first().click();
					assertThat(page.locator(".flash.ok")).isVisible();
					assertThat(line.locator("input[name=value]")).hasValue("24");
					// 12 of 24 is 50 %
					assertThat(line).containsText("50 %");
				}
				assertThat(line).containsText("12");
				assertThat(line.locator(".rag")).isVisible();
				assertThat(page.locator("html")).hasAttribute("dir", lang.equals("ar") ? "rtl" : "ltr");
				page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
					.setPath(SCREENSHOTS.resolve("targets-" + lang + ".png")));

				page.locator("nav.tabs a[href$='/analytics/who']").click();
				page.locator("#w-period").selectOption(period);
				page.locator("form.pivot-form button[type=submit]").click();
				var muthanna = page.locator("#who tr[data-pcode='IQG03']");
				muthanna.locator("td[data-objective='SO1'] summary").click();
				assertThat(muthanna.locator("td[data-objective='SO1'] ul.partners"))
					.containsText("Analytics browser partner");
				page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
					.setPath(SCREENSHOTS.resolve("who-" + lang + ".png")));
			}
			try (var anonymous = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
				Page page = anonymous.newPage();
				page.navigate(url("/public?lang=" + lang));
				assertThat(page.locator("#suppression")).isVisible();
				assertThat(page.locator("html")).hasAttribute("dir", lang.equals("ar") ? "rtl" : "ltr");
				assertThat(page.locator("nav.mainnav")).hasCount(0);
				page.locator("tr[data-indicator] a").first().click();
				assertThat(page.locator("#choropleth.loaded")).isVisible();
				page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
					.setPath(SCREENSHOTS.resolve("public-" + lang + ".png")));
			}
		}
	}

	private void signIn(Page page, String username, String lang) {
		page.navigate(url("/login?lang=" + lang));
		page.locator("#username").fill(username);
		page.locator("#password").fill(PASSWORD);
		page.locator("button[type=submit].primary").click();
	}

	/** A new partner's approved report of one value this quarter; the quarter. */
	private String approved(String indicator, String location, int value) {
		ApiClient api = new ApiClient(this.port);
		String admin = api.token("admin", HululIntegrationTest.ADMIN_PASSWORD);
		api.post("/api/v1/organisations", admin,
				Map.of("code", this.partner, "name", "Analytics browser partner", "type", "NATIONAL_NGO"));
		String reporter = api.token(user(Role.REPORTER, this.partner), PASSWORD);
		String reviewer = api.token(user(Role.REVIEWER, "IOM"), PASSWORD);
		String period = Period.of(this.calendar.today()).toString();
		long id = api.post("/api/v1/reports", reporter, Map.of("organisation", this.partner, "period", period))
			.body()
			.get("id")
			.asLong();
		assertThat(api
			.put("/api/v1/reports/" + id + "/values", reporter, List.of(Map.of("indicator", indicator, "location",
					location, "populationGroup", "returnee", "value", value)))
			.status()).isEqualTo(200);
		assertThat(
				api.post("/api/v1/reports/" + id + "/submit", reporter, Map.of("acknowledgeWarnings", true)).status())
			.isEqualTo(200);
		assertThat(api.post("/api/v1/reports/" + id + "/approve", reviewer, Map.of()).status()).isEqualTo(200);
		return period;
	}

	/**
	 * A new partner's approved report of 250 votes at a sub-district of Anbar; its
	 * quarter.
	 */
	private String approvedVotesInAnbar() {
		return approved("SO1-PPA-01", "IQG01Q01N01", 250);
	}

	private String user(Role role, String organisation) {
		String username = "anb-" + role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 6);
		this.accounts.create(new NewUser(username, null, PASSWORD, role, organisation, false, false));
		return username;
	}

}
