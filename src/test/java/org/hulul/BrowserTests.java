package org.hulul;

import java.nio.file.Files;
import java.nio.file.Path;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person in Debian's Chromium: signs in, uses the pages, switches to Arabic and sees
 * them right to left. Screenshots land in target/screenshots.
 */
@HululIntegrationTest
class BrowserTests extends BrowserTest {

	static final Path SCREENSHOTS = Path.of("target/screenshots");

	@Test
	void signInSwitchToArabicAndSeeTheLayoutRightToLeft() throws Exception {
		Files.createDirectories(SCREENSHOTS);
		try (var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800))) {
			Page page = context.newPage();
			page.navigate(url("/"));
			assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login$"));
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("login-en.png")));
			page.getByLabel("User name").fill("admin");
			page.getByLabel("Password").fill(HululIntegrationTest.ADMIN_PASSWORD);
			page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
					new Page.GetByRoleOptions().setName("Sign in"))
				.click();
			assertThat(page.locator("h1")).containsText("Welcome, admin");
			assertThat(page.locator("html")).hasAttribute("dir", "ltr");

			page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
					new Page.GetByRoleOptions().setName("Organisations").setExact(true))
				.first()
				.click();
			assertThat(page.locator("table.data")).containsText("IOM");
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("organisations-en.png")));

			page.navigate(url("/framework"));
			assertThat(page.locator("h1"))
				.hasText("DSTWG Monitoring and Reporting Guidelines for Durable Solutions in Iraq");
			assertThat(page.locator("#SO4")).containsText("SO4-EDU-01");
			assertThat(page.locator("#SO5"))
				.containsText("The guidelines define no indicators for this objective yet.");
			page.locator("select[name=iasc]").selectOption("3");
			page.locator("form.filters button").click();
			assertThat(page.locator("main")).containsText("SO3-EMP-01");
			assertThat(page.locator("main")).not().containsText("SO2-HC-01");
			page.navigate(url("/framework/indicators/SO2-TS-01"));
			assertThat(page.locator(".facts")).containsText("# of persons");
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("indicator-en.png")));
			page.navigate(url("/organisations"));

			page.locator("a[hreflang=ar]").click();
			assertThat(page.locator("html")).hasAttribute("dir", "rtl");
			assertThat(page.locator("html")).hasAttribute("lang", "ar");
			assertThat(page.locator("h1")).hasText("المنظمات");
			assertThat(page.locator("table.data")).containsText("المنظمة الدولية للهجرة");
			// right to left for real: the brand sits at the right edge of the top bar
			double brandX = page.locator(".brand").boundingBox().x;
			assertThat(brandX).isGreaterThan(640);
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("organisations-ar.png")));

			page.navigate(url("/no-such-page"));
			assertThat(page.locator("main")).containsText("هذه الصفحة أو هذا السجل غير موجود");
			assertThat(page.locator("body")).not().containsText("??");
			// error pages still know who is signed in
			assertThat(page.locator(".topbar .user")).containsText("admin");

			page.navigate(url("/framework"));
			assertThat(page).hasTitle(java.util.regex.Pattern.compile("^إطار النتائج.*"));
			assertThat(page.locator("#SO2")).containsText("SO2-HC-01");
			page.locator("input[name=q]").fill("so2-hc");
			page.locator("form.filters button").click();
			assertThat(page.locator("main")).containsText("SO2-HC");
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("framework-ar.png")));
			page.navigate(url("/framework/indicators/SO2-HC-01"));
			assertThat(page.locator("html")).hasAttribute("dir", "rtl");
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("indicator-ar.png")));

			page.navigate(url("/locations"));
			// the country map is drawn from the shipped boundaries: one shape per
			// governorate
			page.locator(".boundary-map.loaded").waitFor();
			assertThat(page.locator(".boundary-map path.leaflet-interactive")).hasCount(18);
			page.locator("#q").fill("الأنبار");
			assertThat(page.locator("#results")).containsText("IQG01");
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("locations-ar.png")));

			page.locator("a[hreflang=ckb]").click();
			assertThat(page.locator("html")).hasAttribute("dir", "rtl");
			page.navigate(url("/admin/audit"));
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("audit-ckb.png")));
			page.locator("a[hreflang=en]").click();
			assertThat(page.locator("html")).hasAttribute("dir", "ltr");
		}
	}

}
