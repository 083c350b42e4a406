package org.hulul;

import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.hulul.platform.Role;
import org.hulul.platform.UserAccounts;
import org.hulul.platform.InvalidInputException;
import org.hulul.platform.UserAccounts.NewUser;
import org.hulul.platform.UserAccounts.UserChange;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Pages through the whole security filter chain: sign-in, throttling, CSRF, roles,
 * languages and the forms that change data.
 */
@HululIntegrationTest
class PageIntegrationTests {

	private static final String PASSWORD = "page-test-password";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAccounts accounts;

	@Autowired
	DSLContext db;

	@Test
	void pagesNeedASignIn() throws Exception {
		this.mvc.perform(get("/organisations")).andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"_csrf\"")));
		this.mvc.perform(get("/about"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("CC BY-IGO")));
	}

	@Test
	void signInNeedsTheCsrfToken() throws Exception {
		this.mvc.perform(post("/login").param("username", "admin").param("password", "admin-test-password"))
			.andExpect(status().isForbidden());
	}

	@Test
	void theAdministratorSignsInWithTheConfiguredPassword() throws Exception {
		Cookie session = signIn("admin", HululIntegrationTest.ADMIN_PASSWORD);
		this.mvc.perform(get("/admin/users").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("admin")));
	}

	@Test
	void fiveFailedSignInsLockTheAccountWithAClearMessage() throws Exception {
		String username = newUser(Role.VIEWER);
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(post("/login").with(csrf()).param("username", username).param("password", "wrong-" + i))
				.andExpect(redirectedUrl("/login?error"));
		}
		// locked now: even the right password is refused, and the page says why
		this.mvc.perform(post("/login").with(csrf()).param("username", username).param("password", PASSWORD))
			.andExpect(redirectedUrl("/login?locked"));
		this.mvc.perform(get("/login?locked"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("locked for 15 minutes")));
		assertThat(this.accounts.findByUsername(username).orElseThrow().lockedUntil()).isNotNull();
	}

	@Test
	void anAdministratorUnlocksALockedAccount() throws Exception {
		String username = newUser(Role.VIEWER);
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(post("/login").with(csrf()).param("username", username).param("password", "wrong"));
		}
		long id = this.accounts.findByUsername(username).orElseThrow().id();
		Cookie admin = signIn("admin", HululIntegrationTest.ADMIN_PASSWORD);
		this.mvc.perform(post("/admin/users/" + id + "/unlock").with(csrf()).cookie(admin))
			.andExpect(redirectedUrl("/admin/users/" + id));
		signIn(username, PASSWORD);
	}

	@Test
	void aReporterCannotReachAdministration() throws Exception {
		Cookie reporter = signIn(newUser(Role.REPORTER), PASSWORD);
		this.mvc.perform(get("/admin/users").cookie(reporter)).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/audit").cookie(reporter)).andExpect(status().isForbidden());
		this.mvc.perform(get("/organisations/new").cookie(reporter)).andExpect(status().isForbidden());
		this.mvc.perform(get("/organisations").cookie(reporter)).andExpect(status().isOk());
	}

	@Test
	void arabicAndKurdishPagesAreRightToLeft() throws Exception {
		Cookie session = signIn(newUser(Role.VIEWER), PASSWORD);
		this.mvc.perform(get("/locations").param("lang", "ar").cookie(session))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("dir=\"rtl\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("lang=\"ar\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("نينوى")));
		this.mvc.perform(get("/locations").param("lang", "ckb").cookie(session))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("dir=\"rtl\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("lang=\"ckb\"")));
		this.mvc.perform(get("/locations").param("lang", "en").cookie(session))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("dir=\"ltr\"")));
	}

	@Test
	void locationSearchFindsArabicSpellingVariants() throws Exception {
		Cookie session = signIn(newUser(Role.VIEWER), PASSWORD);
		this.mvc.perform(get("/locations").param("q", "الأنبار").header("HX-Request", "true").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("IQG01")))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<html"))));
	}

	@Test
	void aSecondEditorOfTheSameOrganisationGetsAConflictNotALostUpdate() throws Exception {
		Cookie admin = signIn("admin", HululIntegrationTest.ADMIN_PASSWORD);
		String code = "ED-" + UUID.randomUUID().toString().substring(0, 6);
		String location = this.mvc
			.perform(post("/organisations/new").with(csrf())
				.cookie(admin)
				.param("code", code)
				.param("nameEn", "Editing test")
				.param("type", "NATIONAL_NGO"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		editOrganisation(admin, location, code, "First editor", 0).andExpect(redirectedUrl(location));
		// the second editor read version 0 too: refused, shown the first editor's values
		// and given the current version, so saving again applies the change knowingly
		editOrganisation(admin, location, code, "Second editor", 0).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Someone else saved this record")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("First editor")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"version\" value=\"1\"")));
		editOrganisation(admin, location, code, "Second editor", 1).andExpect(redirectedUrl(location));
	}

	private org.springframework.test.web.servlet.ResultActions editOrganisation(Cookie session, String location,
			String code, String name, int version) throws Exception {
		return this.mvc.perform(post(location + "/edit").with(csrf())
			.cookie(session)
			.param("code", code)
			.param("nameEn", name)
			.param("type", "NATIONAL_NGO")
			.param("version", String.valueOf(version)));
	}

	@Test
	void anInvalidOrganisationFormSaysWhichFieldIsWrong() throws Exception {
		Cookie admin = signIn("admin", HululIntegrationTest.ADMIN_PASSWORD);
		this.mvc.perform(post("/organisations/new").with(csrf()).cookie(admin).param("code", "").param("nameEn", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Code: 1 to 40")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Choose a type.")));
	}

	@Test
	void aOneTimePasswordMustBeChangedFirst() throws Exception {
		String username = "otp-" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.create(new NewUser(username, null, PASSWORD, Role.VIEWER, "UNHCR", false, true));
		Cookie session = this.mvc
			.perform(post("/login").with(csrf()).param("username", username).param("password", PASSWORD))
			.andExpect(redirectedUrl("/account/password"))
			.andReturn()
			.getResponse()
			.getCookie("HULUL_SESSION");
		this.mvc.perform(get("/organisations").cookie(session)).andExpect(redirectedUrl("/account/password"));
		this.mvc
			.perform(post("/account/password").with(csrf())
				.cookie(session)
				.param("currentPassword", PASSWORD)
				.param("newPassword", "a-brand-new-password")
				.param("confirmation", "a-brand-new-password"))
			.andExpect(redirectedUrl("/"));
		this.mvc.perform(get("/organisations").cookie(session)).andExpect(status().isOk());
	}

	@Test
	void everyPageRendersInEveryLanguageWithoutMissingTexts() throws Exception {
		Cookie admin = signIn("admin", HululIntegrationTest.ADMIN_PASSWORD);
		long userId = this.accounts.findByUsername("admin").orElseThrow().id();
		for (String lang : new String[] { "en", "ar", "ckb" }) {
			for (String path : new String[] { "/", "/locations", "/locations?q=sinjar", "/locations/IQG15Q07",
					"/organisations", "/organisations/1", "/organisations/1/edit", "/organisations/new", "/admin/users",
					"/admin/users/new", "/admin/users/" + userId, "/admin/audit", "/account/password", "/about",
					"/framework", "/framework?q=house", "/framework?iasc=7", "/framework?q=no-such-thing",
					"/framework/indicators/SO2-HC-01", "/framework/versions", "/framework/suggestions",
					"/reporting/calendar", "/reports", "/reports/compliance" }) {
				this.mvc.perform(get(path).param("lang", lang).cookie(admin))
					.andExpect(status().isOk())
					.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("??"))));
			}
		}
	}

	@Test
	void sessionsLiveInTheDatabaseBehindAnHttpOnlySameSiteCookie() throws Exception {
		String username = newUser(Role.VIEWER);
		String setCookie = this.mvc
			.perform(post("/login").with(csrf()).param("username", username).param("password", PASSWORD))
			.andReturn()
			.getResponse()
			.getHeader("Set-Cookie");
		assertThat(setCookie).startsWith("HULUL_SESSION=").contains("HttpOnly").contains("SameSite=Lax");
		String overHttps = this.mvc
			.perform(post("/login").secure(true).with(csrf()).param("username", username).param("password", PASSWORD))
			.andReturn()
			.getResponse()
			.getHeader("Set-Cookie");
		assertThat(overHttps).contains("Secure");
		assertThat(this.db.fetchCount(DSL.table("spring_session"), DSL.field("principal_name").eq(username)))
			.isEqualTo(2);
	}

	@Test
	void aSuccessfulSignInClearsTheCountOfFailures() throws Exception {
		String username = newUser(Role.VIEWER);
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < 4; i++) {
				this.mvc.perform(post("/login").with(csrf()).param("username", username).param("password", "wrong"))
					.andExpect(redirectedUrl("/login?error"));
			}
			signIn(username, PASSWORD);
		}
		assertThat(this.accounts.findByUsername(username).orElseThrow().failedSignIns()).isZero();
	}

	@Test
	void aWrongPasswordDoesNotTellThatAnAccountIsDeactivated() throws Exception {
		String username = newUser(Role.VIEWER);
		var account = this.accounts.findByUsername(username).orElseThrow();
		this.accounts.update(account.id(), account.version(),
				new UserChange(null, Role.VIEWER, "IOM", false, null, null));
		this.mvc.perform(post("/login").with(csrf()).param("username", username).param("password", "wrong-password"))
			.andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(post("/login").with(csrf()).param("username", username).param("password", PASSWORD))
			.andExpect(redirectedUrl("/login?disabled"));
	}

	@Test
	void aDeactivatedUserIsSignedOutAtOnce() throws Exception {
		String username = newUser(Role.REVIEWER);
		Cookie session = signIn(username, PASSWORD);
		this.mvc.perform(get("/organisations").cookie(session)).andExpect(status().isOk());
		var account = this.accounts.findByUsername(username).orElseThrow();
		this.accounts.update(account.id(), account.version(),
				new UserChange(null, Role.REVIEWER, "IOM", false, null, null));
		this.mvc.perform(get("/organisations").cookie(session)).andExpect(status().is3xxRedirection());
	}

	@Test
	void aChangedRoleTakesEffectAtOnce() throws Exception {
		String username = newUser(Role.SECRETARIAT);
		Cookie session = signIn(username, PASSWORD);
		this.mvc.perform(get("/organisations/new").cookie(session)).andExpect(status().isOk());
		var account = this.accounts.findByUsername(username).orElseThrow();
		this.accounts.update(account.id(), account.version(),
				new UserChange(null, Role.VIEWER, "IOM", true, null, null));
		Cookie again = signIn(username, PASSWORD);
		this.mvc.perform(get("/organisations/new").cookie(again)).andExpect(status().isForbidden());
		this.mvc.perform(get("/organisations/new").cookie(session)).andExpect(status().is3xxRedirection());
	}

	@Test
	void tooLongAPasswordIsAFieldErrorAndNeverAServerError() throws Exception {
		String longArabic = "كلمة مرور طويلة جدا جدا جدا جدا جدا جدا للتجربة";
		assertThatThrownBy(
				() -> this.accounts.create(new NewUser("long-" + UUID.randomUUID().toString().substring(0, 6), null,
						longArabic, Role.VIEWER, "IOM", false, false)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.problems()).extracting(InvalidInputException.FieldProblem::messageKey)
						.containsExactly("password.error.tooLong"));
		this.mvc.perform(post("/login").with(csrf()).param("username", "admin").param("password", longArabic))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void theLastActiveAdministratorCannotBeDemotedOrDeactivated() {
		var admins = this.accounts.all().stream().filter((a) -> a.role() == Role.ADMIN && a.active()).toList();
		assertThat(admins).as("this test expects admin to be the only active administrator").hasSize(1);
		var admin = admins.get(0);
		assertThatThrownBy(() -> this.accounts.update(admin.id(), admin.version(),
				new UserChange(null, Role.SECRETARIAT, "IOM", true, null, null)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.problems().get(0).messageKey()).isEqualTo("user.error.lastAdmin"));
		assertThatThrownBy(() -> this.accounts.update(admin.id(), admin.version(),
				new UserChange(null, Role.ADMIN, null, false, null, null)))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void readersCannotChangeAnythingThroughTheForms() throws Exception {
		for (Role role : new Role[] { Role.REPORTER, Role.VIEWER, Role.REVIEWER, Role.AREA_COORDINATOR }) {
			Cookie session = signIn(newUser(role), PASSWORD);
			this.mvc
				.perform(post("/organisations/new").with(csrf())
					.cookie(session)
					.param("code", "NOPE-" + role.ordinal())
					.param("nameEn", "Should not exist")
					.param("type", "NATIONAL_NGO"))
				.andExpect(status().isForbidden());
			this.mvc
				.perform(post("/organisations/1/edit").with(csrf())
					.cookie(session)
					.param("code", "X")
					.param("nameEn", "Renamed")
					.param("type", "DONOR")
					.param("version", "0"))
				.andExpect(status().isForbidden());
			this.mvc
				.perform(post("/organisations/1/active").with(csrf())
					.cookie(session)
					.param("version", "0")
					.param("active", "false"))
				.andExpect(status().isForbidden());
			this.mvc.perform(post("/admin/users/new").with(csrf()).cookie(session).param("username", "intruder"))
				.andExpect(status().isForbidden());
			this.mvc.perform(post("/admin/users/1/unlock").with(csrf()).cookie(session))
				.andExpect(status().isForbidden());
		}
		assertThat(this.accounts.findByUsername("intruder")).isEmpty();
	}

	@Test
	void healthIsUpAndTheApiIsDescribed() throws Exception {
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("\"status\":\"UP\"")));
		this.mvc.perform(get("/api/docs"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("/api/v1/auth/token")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("/api/v1/organisations")));
	}

	@Test
	void theLanguageSwitchKeepsTheQuery() throws Exception {
		Cookie session = signIn(newUser(Role.VIEWER), PASSWORD);
		this.mvc.perform(get("/organisations?q=iom&lang=en").cookie(session))
			.andExpect(content()
				.string(org.hamcrest.Matchers.containsString("href=\"/organisations?q=iom&amp;lang=ar\"")));
	}

	@Test
	void pagesSendSecurityHeaders() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().exists("Content-Security-Policy"));
	}

	private String newUser(Role role) {
		String username = role.name().toLowerCase().replace('_', '-') + "-"
				+ UUID.randomUUID().toString().substring(0, 8);
		this.accounts.create(new NewUser(username, null, PASSWORD, role, "IOM", false, false));
		return username;
	}

	/**
	 * Signs in through the form and returns the session cookie (sessions live in the
	 * database).
	 */
	private Cookie signIn(String username, String password) throws Exception {
		Cookie session = this.mvc
			.perform(post("/login").with(csrf()).param("username", username).param("password", password))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getResponse()
			.getCookie("HULUL_SESSION");
		assertThat(session).isNotNull();
		return session;
	}

}
