package org.hulul.reporting;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.hulul.HululIntegrationTest;
import org.hulul.platform.Role;
import org.hulul.platform.UserAccounts;
import org.hulul.platform.UserAccounts.NewUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@HululIntegrationTest
class CalendarIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ReportingCalendar calendar;

	@Autowired
	UserAccounts accounts;

	@Test
	void theSecretariatMovesADeadlineAndBadDatesChangeNothing() throws Exception {
		Cookie secretariat = signIn(Role.SECRETARIAT);
		Period period = Period.of(this.calendar.today()).previous();
		PeriodDates before = this.calendar.dates(period);
		this.mvc.perform(get("/reporting/calendar").cookie(secretariat))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(period.toString())));
		LocalDate deadline = period.end().plusDays(20);
		this.mvc
			.perform(post("/reporting/calendar/" + period).with(csrf())
				.cookie(secretariat)
				.param("version", "" + before.version())
				.param("deadline", deadline.toString())
				.param("lockDate", deadline.plusDays(40).toString()))
			.andExpect(redirectedUrl("/reporting/calendar"))
			.andExpect(flash().attribute("flashMessage", "calendar.saved"));
		PeriodDates after = this.calendar.dates(period);
		assertThat(after.deadline()).isEqualTo(deadline);
		assertThat(after.custom()).isTrue();

		this.mvc
			.perform(post("/reporting/calendar/" + period).with(csrf())
				.cookie(secretariat)
				.param("version", "" + after.version())
				.param("deadline", period.end().toString())
				.param("lockDate", period.end().minusDays(1).toString()))
			.andExpect(flash().attributeExists("calendarErrors"));
		// a second editor with the old version is refused
		this.mvc
			.perform(post("/reporting/calendar/" + period).with(csrf())
				.cookie(secretariat)
				.param("version", "" + before.version())
				.param("deadline", deadline.plusDays(1).toString())
				.param("lockDate", deadline.plusDays(50).toString()))
			.andExpect(flash().attribute("flashError", "error.staleEdit"));
		assertThat(this.calendar.dates(period)).isEqualTo(after);

		this.mvc
			.perform(post("/reporting/calendar/" + period).with(csrf())
				.cookie(signIn(Role.REPORTER))
				.param("version", "" + after.version())
				.param("deadline", deadline.toString())
				.param("lockDate", deadline.toString()))
			.andExpect(status().isForbidden());
	}

	private Cookie signIn(Role role) throws Exception {
		String username = "cal-" + role.name().toLowerCase().replace('_', '-') + "-"
				+ UUID.randomUUID().toString().substring(0, 6);
		this.accounts.create(new NewUser(username, null, "calendar-password", role, "IOM", false, false));
		return this.mvc
			.perform(post("/login").with(csrf()).param("username", username).param("password", "calendar-password"))
			.andReturn()
			.getResponse()
			.getCookie("HULUL_SESSION");
	}

}
