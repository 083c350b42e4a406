package org.hulul.reporting;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import org.hulul.ApiClient;
import org.hulul.HululIntegrationTest;
import org.hulul.platform.Role;
import org.hulul.platform.UserAccounts;
import org.hulul.platform.UserAccounts.NewUser;
import org.hulul.platform.notification.MailOutbox;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hulul.db.Tables.APP_USER;
import static org.hulul.db.Tables.AUDIT_EVENT;
import static org.hulul.db.Tables.NOTIFICATION;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Notifications of a report's life and of its deadline: in the product for their
 * recipients only, and by e-mail through a real SMTP server (GreenMail) in each
 * recipient's language, committed with the change that caused them even when the mail
 * server is down.
 */
@HululIntegrationTest
class NotificationsIntegrationTests {

	private static final String PASSWORD = "notify-test-password";

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Autowired
	ReportingCalendar calendar;

	@Autowired
	ReportingReminders reminders;

	@Autowired
	MailOutbox outbox;

	@Autowired
	GreenMail smtp;

	@Autowired
	MockMvc mvc;

	@Autowired
	DSLContext db;

	@Test
	void eMailsReachTheReviewersAndTheReportersInTheirLanguage() throws Exception {
		ApiClient api = new ApiClient(this.port);
		String admin = api.token("admin", HululIntegrationTest.ADMIN_PASSWORD);
		String partner = newOrganisation(api);
		String id = UUID.randomUUID().toString().substring(0, 6);
		String reviewerAddress = "reviewer-" + id + "@example.org";
		String reporterAddress = "reporter-" + id + "@example.org";
		// over the API, as an administrator sets them
		ApiClient.Response created = api.post("/api/v1/users", admin, Map.of("username", "mail-reviewer-" + id,
				"password", PASSWORD, "role", "REVIEWER", "organisation", "IOM", "email", reviewerAddress));
		assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
		assertThat(created.body().get("email").asString()).isEqualTo(reviewerAddress);
		assertThat(api
			.post("/api/v1/users", admin, Map.of("username", "mail-reporter-" + id, "password", PASSWORD, "role",
					"REPORTER", "organisation", partner, "email", reporterAddress, "language", "ar"))
			.status()).isEqualTo(201);
		String reviewer = api.token("mail-reviewer-" + id, PASSWORD);
		String reporter = api.token("mail-reporter-" + id, PASSWORD);
		String period = Period.of(this.calendar.today()).toString();

		long report = submittedReport(api, reporter, partner, period);
		this.outbox.sendPending();
		MimeMessage submitted = received(reviewerAddress, 1).get(0);
		assertThat(submitted.getSubject()).isEqualTo("Report submitted: " + partner + ", " + period);
		assertThat(text(submitted)).contains("The report of " + partner + " for " + period + " was submitted")
			.contains("http://localhost:8080/reports/" + report);
		assertThat(submitted.getFrom()[0].toString()).isEqualTo("hulul@localhost");

		assertThat(api
			.post("/api/v1/reports/" + report + "/return", reviewer, Map.of("comment", "Sinjar figures look low"))
			.status()).isEqualTo(200);
		this.outbox.sendPending();
		MimeMessage returned = received(reporterAddress, 1).get(0);
		assertThat(returned.getSubject()).isEqualTo("تقرير مُعاد: " + partner + "، " + period);
		assertThat(text(returned)).contains("أُعيد تقرير " + partner)
			.contains("Sinjar figures look low")
			.contains("http://localhost:8080/reports/" + report);

		assertThat(api.post("/api/v1/reports/" + report + "/submit", reporter, Map.of()).status()).isEqualTo(200);
		assertThat(api.post("/api/v1/reports/" + report + "/approve", reviewer, Map.of()).status()).isEqualTo(200);
		this.outbox.sendPending();
		List<MimeMessage> toReporter = received(reporterAddress, 2);
		assertThat(toReporter.get(1).getSubject()).isEqualTo("تقرير معتمد: " + partner + "، " + period);
		assertThat(received(reviewerAddress, 2).get(1).getSubject())
			.isEqualTo("Report submitted: " + partner + ", " + period);
		assertThat(this.db.select(NOTIFICATION.EMAIL_STATUS)
			.from(NOTIFICATION)
			.join(APP_USER)
			.on(APP_USER.ID.eq(NOTIFICATION.USER_ID))
			.where(APP_USER.EMAIL.in(reviewerAddress, reporterAddress))
			.fetch(NOTIFICATION.EMAIL_STATUS)).hasSize(4).containsOnly("SENT");
	}

	@Test
	void inTheProductEachUserSeesOnlyTheirOwnNotificationsInTheirLanguage() throws Exception {
		ApiClient api = new ApiClient(this.port);
		String partner = newOrganisation(api);
		String other = newOrganisation(api);
		String reporterName = newUser(Role.REPORTER, partner, null, null);
		String otherName = newUser(Role.REPORTER, other, null, null);
		String reporter = api.token(reporterName, PASSWORD);
		String otherReporter = api.token(otherName, PASSWORD);
		String reviewer = api.token(newUser(Role.REVIEWER, "IOM", null, null), PASSWORD);
		String period = Period.of(this.calendar.today()).toString();
		long report = submittedReport(api, reporter, partner, period);
		assertThat(
				api.post("/api/v1/reports/" + report + "/return", reviewer, Map.of("comment", "Add Tal Afar")).status())
			.isEqualTo(200);

		JsonNode mine = api.get("/api/v1/notifications", reporter).body();
		assertThat(mine.size()).isEqualTo(1);
		assertThat(mine.get(0).get("kind").asString()).isEqualTo("REPORT_RETURNED");
		assertThat(mine.get(0).get("message").asString()).isEqualTo("The report of " + partner + " for " + period
				+ " was returned for correction. The reviewer wrote: Add Tal Afar");
		assertThat(mine.get(0).get("link").asString()).isEqualTo("/reports/" + report);
		assertThat(mine.get(0).get("read").asBoolean()).isFalse();
		assertThat(api.get("/api/v1/notifications", reporter, "ckb").body().get(0).get("message").asString())
			.startsWith("ڕاپۆرتی " + partner);
		assertThat(api.get("/api/v1/notifications", otherReporter).body().size()).isZero();
		// without an e-mail address, nothing waits to be sent
		assertThat(this.db.select(NOTIFICATION.EMAIL_STATUS)
			.from(NOTIFICATION)
			.join(APP_USER)
			.on(APP_USER.ID.eq(NOTIFICATION.USER_ID))
			.where(APP_USER.USERNAME.eq(reporterName))
			.fetchSingle(NOTIFICATION.EMAIL_STATUS)).isEqualTo("NONE");

		Cookie session = signIn(reporterName);
		this.mvc.perform(get("/notifications").cookie(session))
			.andExpect(status().isOk())
			.andExpect(
					content().string(containsString("was returned for correction. The reviewer wrote: Add Tal Afar")))
			.andExpect(content().string(containsString("class=\"badge count\"")));
		this.mvc.perform(get("/notifications").param("lang", "ar").cookie(session))
			.andExpect(content().string(containsString("أُعيد تقرير " + partner)))
			.andExpect(content().string(containsString("dir=\"rtl\"")));
		long notification = mine.get(0).get("id").asLong();
		Cookie otherSession = signIn(otherName);
		this.mvc.perform(get("/notifications/" + notification).cookie(otherSession)).andExpect(status().isNotFound());
		this.mvc.perform(get("/notifications").cookie(otherSession))
			.andExpect(content().string(not(containsString("Add Tal Afar"))));
		this.mvc.perform(get("/notifications/" + notification).cookie(session))
			.andExpect(redirectedUrl("/reports/" + report));
		assertThat(api.get("/api/v1/notifications", reporter).body().get(0).get("read").asBoolean()).isTrue();
		// switching the language on a page made it the language of their e-mails
		assertThat(this.accounts.findByUsername(reporterName).orElseThrow().language()).isEqualTo("ar");

		assertThat(api.post("/api/v1/reports/" + report + "/submit", reporter, Map.of()).status()).isEqualTo(200);
		assertThat(api.post("/api/v1/reports/" + report + "/approve", reviewer, Map.of()).status()).isEqualTo(200);
		this.mvc.perform(get("/").param("lang", "en").cookie(session))
			.andExpect(content().string(containsString("class=\"badge count\"")));
		this.mvc.perform(post("/notifications/read").with(csrf()).cookie(session))
			.andExpect(redirectedUrl("/notifications"));
		this.mvc.perform(get("/notifications").cookie(session))
			.andExpect(content().string(containsString("was approved")))
			.andExpect(content().string(not(containsString("class=\"badge count\""))));
	}

	@Test
	void remindersGoOutOnceBeforeTheDeadlineAndOnceAfterIt() {
		ApiClient api = new ApiClient(this.port);
		// a quarter of its own, far from the one the other tests report on
		Period quarter = new Period(2031, 1);
		PeriodDates dates = this.calendar.dates(quarter);
		String late = newOrganisation(api);
		String done = newOrganisation(api);
		String lateReporter = newUser(Role.REPORTER, late, null, null);
		String doneReporter = newUser(Role.REPORTER, done, null, null);
		submittedReport(api, api.token(doneReporter, PASSWORD), done, quarter.toString());

		this.reminders.remind(dates.deadline().minusDays(8));
		assertThat(notifications(lateReporter)).isEmpty();

		LocalDate weekBefore = dates.deadline().minusDays(ReportingReminders.DAYS_BEFORE);
		assertThat(this.reminders.remind(weekBefore)).isPositive();
		assertThat(notifications(lateReporter)).extracting(Record2::value1).containsExactly("notification.reportDue");
		assertThat(notifications(lateReporter).get(0).value2())
			.isEqualTo("[\"" + late + "\",\"2031Q1\",\"7\",\"" + dates.deadline() + "\"]");
		assertThat(api.get("/api/v1/notifications", api.token(lateReporter, PASSWORD))
			.body()
			.get(0)
			.get("message")
			.asString()).isEqualTo("The report of " + late + " for 2031Q1 is due on 2031-04-15 (days left: 7).");
		// the same day again, and the next day: nothing new
		assertThat(this.reminders.remind(weekBefore)).isZero();
		this.reminders.remind(weekBefore.plusDays(1));
		assertThat(notifications(lateReporter)).hasSize(1);

		this.reminders.remind(dates.deadline().plusDays(1));
		assertThat(notifications(lateReporter)).extracting(Record2::value1)
			.containsExactly("notification.reportDue", "notification.reportOverdue");
		assertThat(this.reminders.remind(dates.deadline().plusDays(1))).isZero();
		this.reminders.remind(dates.lockDate());
		assertThat(notifications(lateReporter)).hasSize(2);
		// a submitted report is never reminded of
		assertThat(notifications(doneReporter)).isEmpty();
	}

	@Test
	void aMailServerThatIsDownLeavesTheEmailPendingAndTheChangeCommitted() throws Exception {
		ApiClient api = new ApiClient(this.port);
		String partner = newOrganisation(api);
		String second = newOrganisation(api);
		String id = UUID.randomUUID().toString().substring(0, 6);
		String address = "down-" + id + "@example.org";
		String reviewerName = newUser(Role.REVIEWER, "IOM", address, "ckb");
		String reporter = api.token(newUser(Role.REPORTER, partner, null, null), PASSWORD);
		String secondReporter = api.token(newUser(Role.REPORTER, second, null, null), PASSWORD);
		String period = Period.of(this.calendar.today()).toString();
		this.outbox.sendPending();
		this.smtp.stop();
		try {
			long report = submittedReport(api, reporter, partner, period);
			assertThat(this.outbox.sendPending()).isZero();
			assertThat(emailStates(reviewerName)).containsExactly("PENDING/1");
			assertThat(api.get("/api/v1/reports/" + report, api.token(reviewerName, PASSWORD))
				.body()
				.get("status")
				.asString()).isEqualTo("SUBMITTED");
			assertThat(api.get("/api/v1/notifications", api.token(reviewerName, PASSWORD)).body().size()).isOne();
			// not tried again before its wait is over; given up after eight attempts
			this.outbox.sendPending();
			assertThat(emailStates(reviewerName)).containsExactly("PENDING/1");
			java.time.Instant later = java.time.Instant.now();
			for (int i = 1; i < 8; i++) {
				later = later.plus(java.time.Duration.ofMinutes(61));
				this.outbox.sendPending(later);
			}
			assertThat(emailStates(reviewerName)).containsExactly("FAILED/8");
			submittedReport(api, secondReporter, second, period);
			this.outbox.sendPending();
			assertThat(emailStates(reviewerName)).containsExactly("FAILED/8", "PENDING/1");
		}
		finally {
			this.smtp.start();
		}
		// back up: the poll after the wait sends what is still pending, in Kurdish
		this.outbox.sendPending(java.time.Instant.now().plus(java.time.Duration.ofMinutes(2)));
		assertThat(emailStates(reviewerName)).containsExactly("FAILED/8", "SENT/2");
		assertThat(received(address, 1).get(0).getSubject()).isEqualTo("ڕاپۆرت پێشکەش کرا: " + second + "، " + period);
	}

	@Test
	void theAdministratorSetsTheAddressAndLanguageOnTheUserFormWithTheChangeAudited() throws Exception {
		String username = newUser(Role.REVIEWER, "IOM", null, null);
		long id = this.accounts.findByUsername(username).orElseThrow().id();
		Cookie admin = this.mvc
			.perform(post("/login").with(csrf())
				.param("username", "admin")
				.param("password", HululIntegrationTest.ADMIN_PASSWORD))
			.andReturn()
			.getResponse()
			.getCookie("HULUL_SESSION");
		this.mvc
			.perform(post("/admin/users/" + id).with(csrf())
				.cookie(admin)
				.param("role", "REVIEWER")
				.param("organisation", "IOM")
				.param("active", "true")
				.param("version", "0")
				.param("email", "not-an-address")
				.param("language", "ar"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("not-an-address is not a valid address")));
		this.mvc
			.perform(post("/admin/users/" + id).with(csrf())
				.cookie(admin)
				.param("role", "REVIEWER")
				.param("organisation", "IOM")
				.param("active", "true")
				.param("version", "0")
				.param("email", " reviewer-form@example.org ")
				.param("language", "ar"))
			.andExpect(redirectedUrl("/admin/users/" + id));
		assertThat(this.accounts.find(id).orElseThrow()).extracting((a) -> a.email() + " " + a.language())
			.isEqualTo("reviewer-form@example.org ar");
		this.mvc.perform(get("/admin/users/" + id).cookie(admin))
			.andExpect(content().string(containsString("value=\"reviewer-form@example.org\"")));
		assertThat(this.db.select(AUDIT_EVENT.AFTER_STATE)
			.from(AUDIT_EVENT)
			.where(AUDIT_EVENT.ENTITY_ID.eq(username))
			.orderBy(AUDIT_EVENT.ID.desc())
			.limit(1)
			.fetchSingle(AUDIT_EVENT.AFTER_STATE)).contains("\"email\":\"reviewer-form@example.org\"")
			.contains("\"language\":\"ar\"");
	}

	@Test
	void aMalformedAddressIsAFieldError() {
		ApiClient api = new ApiClient(this.port);
		String admin = api.token("admin", HululIntegrationTest.ADMIN_PASSWORD);
		ApiClient.Response response = api.post("/api/v1/users", admin, Map.of("username", "bad-mail-user", "password",
				PASSWORD, "role", "VIEWER", "organisation", "IOM", "email", "someone at example", "language", "fr"));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body().get("errors").valueStream().map((e) -> e.get("field").asString()))
			.containsExactlyInAnyOrder("email", "language");
		assertThat(response.body().toString()).contains("someone at example");
	}

	private List<Record2<String, String>> notifications(String username) {
		return this.db.select(NOTIFICATION.MESSAGE_KEY, NOTIFICATION.MESSAGE_ARGS)
			.from(NOTIFICATION)
			.join(APP_USER)
			.on(APP_USER.ID.eq(NOTIFICATION.USER_ID))
			.where(APP_USER.USERNAME.eq(username))
			.orderBy(NOTIFICATION.ID)
			.fetch();
	}

	/** Status and attempts of the user's e-mails, oldest first. */
	private List<String> emailStates(String username) {
		return this.db.select(NOTIFICATION.EMAIL_STATUS, NOTIFICATION.EMAIL_ATTEMPTS)
			.from(NOTIFICATION)
			.join(APP_USER)
			.on(APP_USER.ID.eq(NOTIFICATION.USER_ID))
			.where(APP_USER.USERNAME.eq(username))
			.orderBy(NOTIFICATION.ID)
			.fetch((r) -> r.value1() + "/" + r.value2());
	}

	/** The messages the address received, oldest first, once there are {@code count}. */
	private List<MimeMessage> received(String address, int count) {
		List<MimeMessage> messages = Arrays.stream(this.smtp.getReceivedMessages()).filter((m) -> {
			try {
				return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
					.anyMatch((a) -> a.toString().equals(address));
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
		assertThat(messages).as("e-mails to " + address).hasSize(count);
		return messages;
	}

	private static String text(MimeMessage message) throws Exception {
		return String.valueOf(message.getContent());
	}

	private static long submittedReport(ApiClient api, String reporter, String organisation, String period) {
		ApiClient.Response opened = api.post("/api/v1/reports", reporter,
				Map.of("organisation", organisation, "period", period));
		assertThat(opened.status()).as(String.valueOf(opened.body())).isEqualTo(200);
		long id = opened.body().get("id").asLong();
		assertThat(
				api.put("/api/v1/reports/" + id + "/values", reporter,
						List.of(Map.of("indicator", "SO2-TS-01", "location", "IQG15Q07N03", "populationGroup",
								"returnee", "disaggregation", Map.of("sex", "female"), "value", 12)))
					.status())
			.isEqualTo(200);
		ApiClient.Response submitted = api.post("/api/v1/reports/" + id + "/submit", reporter,
				Map.of("acknowledgeWarnings", true));
		assertThat(submitted.status()).as(String.valueOf(submitted.body())).isEqualTo(200);
		return id;
	}

	private static String newOrganisation(ApiClient api) {
		String code = "N-" + UUID.randomUUID().toString().substring(0, 6);
		String admin = api.token("admin", HululIntegrationTest.ADMIN_PASSWORD);
		assertThat(api
			.post("/api/v1/organisations", admin,
					Map.of("code", code, "name", "Notification test partner", "type", "NATIONAL_NGO"))
			.status()).isEqualTo(201);
		return code;
	}

	private String newUser(Role role, String organisation, String email, String language) {
		String username = "ntf-" + role.name().toLowerCase().replace('_', '-') + "-"
				+ UUID.randomUUID().toString().substring(0, 6);
		this.accounts.create(new NewUser(username, null, PASSWORD, role, organisation, false, false, email, language));
		return username;
	}

	private Cookie signIn(String username) throws Exception {
		Cookie session = this.mvc
			.perform(post("/login").with(csrf()).param("username", username).param("password", PASSWORD))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getResponse()
			.getCookie("HULUL_SESSION");
		assertThat(session).isNotNull();
		return session;
	}

}
