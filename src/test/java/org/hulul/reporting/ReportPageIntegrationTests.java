package org.hulul.reporting;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.hulul.HululIntegrationTest;
import org.hulul.organisations.OrganisationDetails;
import org.hulul.organisations.OrganisationType;
import org.hulul.organisations.Organisations;
import org.hulul.platform.Role;
import org.hulul.platform.UserAccounts;
import org.hulul.platform.UserAccounts.NewUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The report pages: a reporter opens the quarter's report, adds lines (a wrong one is
 * refused with its problem), submits; a reviewer finds it in the queue and approves.
 */
@HululIntegrationTest
class ReportPageIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAccounts accounts;

	@Autowired
	Organisations organisations;

	@Autowired
	ReportingCalendar calendar;

	@Test
	void aReporterEntersAndSubmitsAndAReviewerApproves() throws Exception {
		String code = "PG-" + UUID.randomUUID().toString().substring(0, 6);
		this.organisations.create(new OrganisationDetails(code, "Page test partner", null,
				OrganisationType.NATIONAL_NGO, java.util.Set.of()), false);
		Cookie reporter = signIn(Role.REPORTER, code);
		String period = Period.of(this.calendar.today()).toString();
		String location = this.mvc.perform(post("/reports/open").with(csrf()).cookie(reporter).param("period", period))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		this.mvc.perform(get(location).param("indicator", "SO2-TS-01").cookie(reporter))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"d.sex\"")));
		this.mvc
			.perform(post(location + "/lines").with(csrf())
				.cookie(reporter)
				.params(form(Map.of("version", "0", "indicator", "SO2-TS-01", "location", "IQG15Q07N03",
						"populationGroup", "returnee", "d.sex", "female", "value", "12"))))
			.andExpect(flash().attribute("flashMessage", "report.saved"));
		this.mvc
			.perform(post(location + "/lines").with(csrf())
				.cookie(reporter)
				.params(form(Map.of("version", "1", "indicator", "SO2-TS-01", "location", "IQG15Q07N03",
						"populationGroup", "returnee", "d.sex", "female", "value", "3"))))
			.andExpect(flash().attribute("flashError", "report.notSaved"));
		this.mvc.perform(get(location).cookie(reporter))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("IQG15Q07N03")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Sex: Female")));
		this.mvc.perform(post(location + "/submit").with(csrf()).cookie(reporter))
			.andExpect(flash().attribute("flashMessage", "report.submitted"));

		Cookie reviewer = signIn(Role.REVIEWER, "IOM");
		this.mvc.perform(get("/reports").cookie(reviewer))
			.andExpect(content().string(org.hamcrest.Matchers.containsString(code)));
		this.mvc.perform(post(location + "/approve").with(csrf()).cookie(reviewer))
			.andExpect(flash().attribute("flashMessage", "report.approved"));
		this.mvc.perform(get(location).cookie(reviewer))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Approved")));
		this.mvc.perform(get(location).cookie(signIn(Role.REPORTER, "IOM"))).andExpect(status().isNotFound());
		this.mvc.perform(get("/reports/compliance").param("period", period).cookie(reviewer))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(code)));
		String csv = this.mvc.perform(get("/reports/compliance.csv").param("period", period).cookie(reviewer))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		org.assertj.core.api.Assertions.assertThat(csv)
			.contains(period + "," + code + ",Page test partner,APPROVED,false")
			.contains("," + "NRC" + ",");
		this.mvc.perform(get("/reports/compliance").cookie(signIn(Role.REPORTER, code)))
			.andExpect(status().isForbidden());
	}

	@Test
	void twoPeopleAddingLinesAtOnceLoseNothing() throws Exception {
		String code = "CC-" + UUID.randomUUID().toString().substring(0, 6);
		this.organisations.create(new OrganisationDetails(code, "Concurrency partner", null,
				OrganisationType.NATIONAL_NGO, java.util.Set.of()), false);
		Cookie first = signIn(Role.REPORTER, code);
		Cookie second = signIn(Role.REPORTER, code);
		String period = Period.of(this.calendar.today()).toString();
		String location = this.mvc.perform(post("/reports/open").with(csrf()).cookie(first).param("period", period))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		// both opened the report at version 0
		this.mvc
			.perform(post(location + "/lines").with(csrf())
				.cookie(first)
				.params(form(Map.of("version", "0", "indicator", "SO2-TS-01", "location", "IQG15Q07N03",
						"populationGroup", "returnee", "d.sex", "female", "value", "12"))))
			.andExpect(flash().attribute("flashMessage", "report.saved"));
		var conflict = this.mvc
			.perform(post(location + "/lines").with(csrf())
				.cookie(second)
				.params(form(Map.of("version", "0", "indicator", "SO2-TS-01", "location", "IQG15Q05", "populationGroup",
						"returnee", "d.sex", "male", "value", "7"))))
			.andExpect(flash().attribute("flashError", "report.staleEdit"))
			.andReturn();
		@SuppressWarnings("unchecked")
		Map<String, String> typed = (Map<String, String>) conflict.getFlashMap().get("typed");
		org.assertj.core.api.Assertions.assertThat(typed)
			.containsEntry("value", "7")
			.containsEntry("location", "IQG15Q05");
		// the first person's value is saved, the second's is still in the form, shown
		// again
		this.mvc.perform(get(location).param("indicator", "SO2-TS-01").cookie(second).flashAttr("typed", typed))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"IQG15Q05\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString(">12<")));
	}

	private static org.springframework.util.MultiValueMap<String, String> form(Map<String, String> values) {
		org.springframework.util.LinkedMultiValueMap<String, String> form = new org.springframework.util.LinkedMultiValueMap<>();
		values.forEach(form::add);
		return form;
	}

	private Cookie signIn(Role role, String organisation) throws Exception {
		String username = "rp-" + role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 6);
		this.accounts.create(new NewUser(username, null, "report-page-password", role, organisation, false, false));
		return this.mvc
			.perform(post("/login").with(csrf()).param("username", username).param("password", "report-page-password"))
			.andReturn()
			.getResponse()
			.getCookie("HULUL_SESSION");
	}

}
