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

import static org.assertj.core.api.Assertions.assertThat;
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

	@Autowired
	Reports reports;

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
		// the grid of a sex-disaggregated indicator: a cell per sex and the total
		this.mvc.perform(get(location).param("indicator", "SO2-TS-01").cookie(reporter))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"v.sex=female\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"v.sex=male\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"v.\"")));
		this.mvc
			.perform(post(location + "/entries").with(csrf())
				.cookie(reporter)
				.params(form(Map.of("indicator", "SO2-TS-01", "location", "iqg15q07n03", "populationGroup", "returnee",
						"v.sex=female", "12", "v.sex=male", "١٠", "comment", "Sinjar centre"))))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashMessage", "report.saved"));
		// a wrong cell: nothing saved, the page (drawn in place with htmx) keeps what was
		// typed and says what is wrong beside the cell
		this.mvc
			.perform(post(location + "/entries").with(csrf())
				.cookie(reporter)
				.header("HX-Request", "true")
				.params(form(Map.of("indicator", "SO2-TS-01", "location", "IQG15Q07N03", "populationGroup", "returnee",
						"v.sex=female", "-3", "v.sex=male", "2.5", "s.sex=female", "12", "s.sex=male", "10"))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Values cannot be negative (-3)")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("A count must be a whole number (2.5)")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"-3\"")));
		this.mvc
			.perform(post(location + "/entries").with(csrf())
				.cookie(reporter)
				.header("HX-Request", "true")
				.params(form(Map.of("indicator", "SO2-TS-01", "location", "IQG15Q07N03", "populationGroup", "returnee",
						"v.sex=female", "twelve", "s.sex=female", "12", "s.sex=male", "10"))))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Not a number: “twelve”")));
		// a total that the cells do not add up to is a warning: saved, and said
		this.mvc
			.perform(post(location + "/entries").with(csrf())
				.cookie(reporter)
				.header("HX-Request", "true")
				.params(form(Map.of("indicator", "SO2-TS-01", "location", "IQG15Q07N03", "populationGroup", "returnee",
						"v.sex=female", "12", "v.sex=male", "10", "v.", "25", "s.sex=female", "12", "s.sex=male",
						"10"))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Saved.")))
			.andExpect(content().string(org.hamcrest.Matchers
				.containsString("The breakdown by Sex adds up to 22, but the total entered is 25.")));
		assertThat(this.reports.lines(READER, id(location))).extracting((l) -> l.breakdownCode() + "=" + l.shown())
			.containsExactly("=25", "sex=female=12", "sex=male=10");
		// deleting a line that changed since it was seen deletes nothing
		this.mvc
			.perform(post(location + "/lines/delete").with(csrf())
				.cookie(reporter)
				.param("line", "SO2-TS-01|IQG15Q07N03|returnee|sex=male|9"))
			.andExpect(flash().attribute("flashError", "report.staleEdit"));
		this.mvc
			.perform(post(location + "/lines/delete").with(csrf())
				.cookie(reporter)
				.param("line", "SO2-TS-01|IQG15Q07N03|returnee|sex=male|10"))
			.andExpect(flash().attribute("flashMessage", "report.deleted"));
		assertThat(this.reports.lines(READER, id(location))).extracting((l) -> l.breakdownCode() + "=" + l.shown())
			.containsExactly("=25", "sex=female=12");
		this.mvc.perform(get(location).cookie(reporter))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("IQG15Q07N03")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Sex: Female")));
		// the warning must be acknowledged
		this.mvc.perform(post(location + "/submit").with(csrf()).cookie(reporter))
			.andExpect(flash().attribute("acknowledgeNeeded", true));
		this.mvc.perform(post(location + "/submit").with(csrf()).cookie(reporter).param("acknowledge", "true"))
			.andExpect(flash().attribute("flashMessage", "report.submitted"));

		// a viewer sees no report before it is approved
		Cookie viewer = signIn(Role.VIEWER, "OCHA");
		this.mvc.perform(get(location).cookie(viewer)).andExpect(status().isNotFound());
		this.mvc.perform(get("/reports").cookie(viewer))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(code))));
		Cookie reviewer = signIn(Role.REVIEWER, "IOM");
		this.mvc.perform(get("/reports").cookie(reviewer))
			.andExpect(content().string(org.hamcrest.Matchers.containsString(code)));
		this.mvc.perform(post(location + "/approve").with(csrf()).cookie(reviewer))
			.andExpect(flash().attribute("flashMessage", "report.approved"));
		this.mvc.perform(get(location).cookie(reviewer))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Approved")));
		this.mvc.perform(get(location).cookie(signIn(Role.REPORTER, "IOM"))).andExpect(status().isNotFound());
		this.mvc.perform(get(location).cookie(viewer)).andExpect(status().isOk());
		// nor may another organisation's reporter change it
		this.mvc
			.perform(post(location + "/entries").with(csrf())
				.cookie(signIn(Role.REPORTER, "IOM"))
				.params(form(Map.of("indicator", "SO2-TS-01", "location", "IQG15Q05", "populationGroup", "returnee",
						"v.sex=male", "4"))))
			.andExpect(status().isNotFound());
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
	void twoPeopleEnteringTheSameValuesAtOnceLoseNothing() throws Exception {
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
		// both opened the grid of SO2-TS-01 at Sinjar centre while nothing was saved
		// there
		this.mvc
			.perform(post(location + "/entries").with(csrf())
				.cookie(first)
				.params(form(Map.of("indicator", "SO2-TS-01", "location", "IQG15Q07N03", "populationGroup", "returnee",
						"v.sex=female", "12", "s.sex=female", ""))))
			.andExpect(flash().attribute("flashMessage", "report.saved"));
		// someone else's entry elsewhere in the same report is no conflict
		this.mvc
			.perform(post(location + "/entries").with(csrf())
				.cookie(second)
				.params(form(Map.of("indicator", "SO2-TS-01", "location", "IQG15Q05", "populationGroup", "returnee",
						"v.sex=male", "4"))))
			.andExpect(flash().attribute("flashMessage", "report.saved"));
		// the same cells are: refused, the other value shown beside the typed one
		this.mvc
			.perform(post(location + "/entries").with(csrf())
				.cookie(second)
				.header("HX-Request", "true")
				.params(form(Map.of("indicator", "SO2-TS-01", "location", "IQG15Q07N03", "populationGroup", "returnee",
						"v.sex=female", "7", "s.sex=female", ""))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Someone else saved values")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Saved meanwhile by someone else: 12")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"v.sex=female\" value=\"7\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"s.sex=female\" value=\"12\"")));
		assertThat(this.reports.lines(READER, id(location)))
			.extracting((l) -> l.location() + " " + l.breakdownCode() + "=" + l.shown())
			.containsExactly("IQG15Q05 sex=male=4", "IQG15Q07N03 sex=female=12");
		// having seen the other value, the second person saves theirs on purpose
		this.mvc
			.perform(post(location + "/entries").with(csrf())
				.cookie(second)
				.params(form(Map.of("indicator", "SO2-TS-01", "location", "IQG15Q07N03", "populationGroup", "returnee",
						"v.sex=female", "7", "s.sex=female", "12"))))
			.andExpect(flash().attribute("flashMessage", "report.saved"));
		assertThat(this.reports.history(READER, id(location))).filteredOn((h) -> "VALUE".equals(h.kind()))
			.extracting((h) -> h.oldValue() + "→" + h.newValue())
			.containsExactly("null→12", "null→4", "12→7");
	}

	@Test
	void aConflictKeepsTheOtherPersonsValueInTheCellsOneDidNotTouch() throws Exception {
		String code = "CU-" + UUID.randomUUID().toString().substring(0, 6);
		this.organisations.create(new OrganisationDetails(code, "Untouched partner", null,
				OrganisationType.NATIONAL_NGO, java.util.Set.of()), false);
		Cookie a = signIn(Role.REPORTER, code);
		Cookie b = signIn(Role.REPORTER, code);
		String period = Period.of(this.calendar.today()).toString();
		String location = this.mvc.perform(post("/reports/open").with(csrf()).cookie(a).param("period", period))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		Map<String, String> grid = Map.of("indicator", "SO2-TS-01", "location", "IQG15Q07N03", "populationGroup",
				"returnee");
		this.mvc.perform(post(location + "/entries").with(csrf())
			.cookie(a)
			.params(form(with(grid, "v.sex=female", "12", "v.sex=male", "10"))));
		// both see 12 and 10; A changes the men's figure, then B the women's
		this.mvc
			.perform(post(location + "/entries").with(csrf())
				.cookie(a)
				.params(form(with(grid, "v.sex=female", "12", "v.sex=male", "11", "s.sex=female", "12", "s.sex=male",
						"10"))))
			.andExpect(flash().attribute("flashMessage", "report.saved"));
		this.mvc
			.perform(post(location + "/entries").with(csrf())
				.cookie(b)
				.header("HX-Request", "true")
				.params(form(with(grid, "v.sex=female", "13", "v.sex=male", "10", "s.sex=female", "12", "s.sex=male",
						"10"))))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Someone else saved values")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"v.sex=female\" value=\"13\"")))
			// the cell B did not touch now shows A's value, so saving again keeps it
			.andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"v.sex=male\" value=\"11\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"s.sex=male\" value=\"11\"")))
			.andExpect(content()
				.string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Saved meanwhile"))));
		this.mvc
			.perform(post(location + "/entries").with(csrf())
				.cookie(b)
				.params(form(with(grid, "v.sex=female", "13", "v.sex=male", "11", "s.sex=female", "12", "s.sex=male",
						"11"))))
			.andExpect(flash().attribute("flashMessage", "report.saved"));
		assertThat(this.reports.lines(READER, id(location))).extracting((l) -> l.breakdownCode() + "=" + l.shown())
			.containsExactly("sex=female=13", "sex=male=11");
		// a viewer and a reviewer do not enter values
		this.mvc
			.perform(post(location + "/entries").with(csrf())
				.cookie(signIn(Role.VIEWER, "OCHA"))
				.params(form(with(grid, "v.sex=female", "1"))))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post(location + "/entries").with(csrf())
				.cookie(signIn(Role.REVIEWER, "IOM"))
				.params(form(with(grid, "v.sex=female", "1", "s.sex=female", "13", "s.sex=male", "11"))))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post(location + "/lines/delete").with(csrf())
				.cookie(signIn(Role.REVIEWER, "IOM"))
				.param("line", "SO2-TS-01|IQG15Q07N03|returnee|sex=male|11"))
			.andExpect(status().isForbidden());
		assertThat(this.reports.lines(READER, id(location))).hasSize(2);
	}

	private static Map<String, String> with(Map<String, String> base, String... pairs) {
		Map<String, String> all = new java.util.LinkedHashMap<>(base);
		for (int i = 0; i < pairs.length; i += 2) {
			all.put(pairs[i], pairs[i + 1]);
		}
		return all;
	}

	@Test
	void aReviewerCommentsOnALineAndTheReporterSeesIt() throws Exception {
		String code = "LC-" + UUID.randomUUID().toString().substring(0, 6);
		this.organisations.create(new OrganisationDetails(code, "Comment partner", null, OrganisationType.NATIONAL_NGO,
				java.util.Set.of()), false);
		Cookie reporter = signIn(Role.REPORTER, code);
		String period = Period.of(this.calendar.today()).toString();
		String location = this.mvc.perform(post("/reports/open").with(csrf()).cookie(reporter).param("period", period))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		this.mvc.perform(post(location + "/entries").with(csrf())
			.cookie(reporter)
			.params(form(Map.of("indicator", "SO2-TS-01", "location", "IQG15Q07N03", "populationGroup", "returnee",
					"v.sex=female", "40", "v.sex=male", "10"))));
		this.mvc.perform(post(location + "/submit").with(csrf()).cookie(reporter));
		Cookie reviewer = signIn(Role.REVIEWER, "IOM");
		this.mvc.perform(get(location).cookie(reviewer))
			.andExpect(content()
				.string(org.hamcrest.Matchers.containsString("name=\"lc.SO2-TS-01|IQG15Q07N03|returnee|sex=female\"")));
		this.mvc
			.perform(post(location + "/return").with(csrf())
				.cookie(reviewer)
				.params(form(Map.of("comment", "Please check the figure for women",
						"lc.SO2-TS-01|IQG15Q07N03|returnee|sex=female", "40 women is four times last quarter",
						"lc.SO2-TS-01|IQG15Q07N03|returnee|sex=male", ""))))
			.andExpect(flash().attribute("flashMessage", "report.returned"));
		this.mvc.perform(get(location).cookie(reporter))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Please check the figure for women")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("40 women is four times last quarter")));
		assertThat(this.reports.lineComments(READER, id(location))).containsExactly(
				Map.entry("SO2-TS-01 IQG15Q07N03 returnee sex=female", "40 women is four times last quarter"));
	}

	/** Reads as a reviewer, who sees every report. */
	private static final org.hulul.platform.HululPrincipal READER = new org.hulul.platform.HululPrincipal(0,
			"test-reader", Role.REVIEWER, null, true, null, false, null);

	private static long id(String reportLocation) {
		return Long.parseLong(reportLocation.substring(reportLocation.lastIndexOf('/') + 1));
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
