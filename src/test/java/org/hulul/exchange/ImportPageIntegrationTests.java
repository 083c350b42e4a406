package org.hulul.exchange;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.hulul.HululIntegrationTest;
import org.hulul.organisations.OrganisationDetails;
import org.hulul.organisations.OrganisationType;
import org.hulul.organisations.Organisations;
import org.hulul.platform.Role;
import org.hulul.platform.UserAccounts;
import org.hulul.platform.UserAccounts.NewUser;
import org.hulul.reporting.Period;
import org.hulul.reporting.ReportingCalendar;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The import page: a file is checked first (its problems listed, nothing saved), then
 * imported without being sent again; the template downloads from the page.
 */
@HululIntegrationTest
class ImportPageIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAccounts accounts;

	@Autowired
	Organisations organisations;

	@Autowired
	ReportingCalendar calendar;

	@Test
	void aFileIsCheckedThenImported() throws Exception {
		String code = "IP-" + UUID.randomUUID().toString().substring(0, 6);
		this.organisations.create(new OrganisationDetails(code, "Import page partner", null,
				OrganisationType.NATIONAL_NGO, java.util.Set.of()), false);
		Cookie reporter = signIn(Role.REPORTER, code);
		String report = this.mvc
			.perform(post("/reports/open").with(csrf())
				.cookie(reporter)
				.param("period", Period.of(this.calendar.today()).toString()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		this.mvc.perform(get(report + "/import").cookie(reporter))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("template.xlsx")));
		// the workbook is streamed (asynchronously) once the report was found
		this.mvc.perform(get(report + "/template.xlsx").cookie(reporter))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.request().asyncStarted())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
				.string("Content-Disposition", containsString("-template.xlsx")));

		String wrong = "indicator,location,population_group,sex,value\nSO2-TS-01,Sinjr,returnee,female,12\n";
		this.mvc.perform(multipart(report + "/import").file(file(wrong)).with(csrf()).cookie(reporter))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Did you mean Sinjar (IQG15Q07)")))
			.andExpect(content().string(not(containsString("name=\"token\""))));

		String right = "indicator,location,population_group,sex,value\nSO2-TS-01,Sinjar,returnee,female,12\n";
		String page = this.mvc.perform(multipart(report + "/import").file(file(right)).with(csrf()).cookie(reporter))
			.andExpect(content().string(containsString("1 values new")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String token = page.replaceAll("(?s).*name=\"token\" value=\"([^\"]+)\".*", "$1");
		this.mvc.perform(get(report).cookie(reporter)).andExpect(content().string(not(containsString("IQG15Q07<"))));
		this.mvc.perform(post(report + "/import/commit").with(csrf()).cookie(reporter).param("token", token))
			.andExpect(flash().attribute("flashMessage", "import.done"));
		this.mvc.perform(get(report).cookie(reporter)).andExpect(content().string(containsString("IQG15Q07</code>")));
		// a token is the user's own, and used once
		this.mvc.perform(post(report + "/import/commit").with(csrf()).cookie(reporter).param("token", token))
			.andExpect(flash().attribute("flashError", "import.uploadGone"));
		// another organisation's reporter sees no such report
		this.mvc.perform(get(report + "/import").cookie(signIn(Role.REPORTER, "IOM"))).andExpect(status().isNotFound());
	}

	private static MockMultipartFile file(String csv) {
		return new MockMultipartFile("file", "lines.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
	}

	private Cookie signIn(Role role, String organisation) throws Exception {
		String username = "ip-" + role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 6);
		this.accounts.create(new NewUser(username, null, "import-page-password", role, organisation, false, false));
		return this.mvc
			.perform(post("/login").with(csrf()).param("username", username).param("password", "import-page-password"))
			.andReturn()
			.getResponse()
			.getCookie("HULUL_SESSION");
	}

}
