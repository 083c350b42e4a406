package org.hulul.analytics;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.hulul.ApiClient;
import org.hulul.HululIntegrationTest;
import org.hulul.platform.Role;
import org.hulul.platform.UserAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hulul.analytics.Partners.line;
import static org.hulul.analytics.Partners.ratio;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who does what where in 2093 and the public dashboard in 2099 (quarters no other test
 * reports in). 2093: in Sinjar (Ninewa), partner A (a national NGO, humanitarian) reports
 * SO2-TS-01 10 at Sinjar centre in the first quarter and 0 in the second; B (a UN agency,
 * development and recovery) SO3-EMP-05 5 then 7 at Al-Qairawan; C (an international NGO)
 * SO2-TS-01 4 at Al-Qairawan in the second quarter only. 2099Q1, the latest quarter of
 * all: SO2-TS-01 3 (below the public minimum of 5), SO3-EMP-05 40 and SO4-EDU-01 2 of 4.
 */
@HululIntegrationTest
class PresenceAndPublicIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Autowired
	MockMvc mvc;

	ApiClient api;

	Partners partners;

	static String a;

	static String b;

	static String c;

	@BeforeEach
	void partnersReport() {
		this.api = new ApiClient(this.port);
		this.partners = new Partners(this.api, this.accounts);
		if (a != null) {
			return;
		}
		a = this.partners.organisation("NATIONAL_NGO", "HUMANITARIAN");
		b = this.partners.organisation("UN_AGENCY", "DEVELOPMENT", "RECOVERY");
		c = this.partners.organisation("INTERNATIONAL_NGO");
		this.partners.approved(a, "2093Q1", List.of(line("SO2-TS-01", "IQG15Q07N03", 10)));
		this.partners.approved(a, "2093Q2", List.of(line("SO2-TS-01", "IQG15Q07N03", 0)));
		this.partners.approved(b, "2093Q1", List.of(line("SO3-EMP-05", "IQG15Q07N01", 5)));
		this.partners.approved(b, "2093Q2", List.of(line("SO3-EMP-05", "IQG15Q07N01", 7)));
		this.partners.approved(c, "2093Q2", List.of(line("SO2-TS-01", "IQG15Q07N01", 4)));
		this.partners.approved(a, "2099Q1", List.of(line("SO2-TS-01", "IQG15Q07N03", 3), ratio("IQG15Q07N03", 2, 4)));
		this.partners.approved(b, "2099Q1", List.of(line("SO3-EMP-05", "IQG15Q07N01", 40)));
	}

	@Test
	void organisationsActivePerPlaceAndObjective() throws Exception {
		Cookie viewer = signIn(Role.VIEWER);
		// governorates: Ninewa has C for SO2 (A reported nothing but zero) and B for SO3
		List<String> lines = fourW(viewer, "period=2093Q2&level=1");
		assertThat(lines).contains("2093Q2,IQG15,Ninewa,SO2," + c, "2093Q2,IQG15,Ninewa,SO3," + b)
			.noneMatch((l) -> l.contains(a));
		assertThat(lines.get(1)).isEqualTo(
				"#date+reported,#adm1+code,#adm1+name,#sector+code,#org+code,#org+name," + "#org+type,#activity+type");
		// sub-districts of Ninewa, and the filters by type and programming
		assertThat(fourW(viewer, "period=2093Q2&level=3&within=IQG15"))
			.contains("2093Q2,IQG15Q07N01,Al-Qairawan,SO2," + c, "2093Q2,IQG15Q07N01,Al-Qairawan,SO3," + b)
			.noneMatch((l) -> l.contains("IQG15Q07N03"));
		assertThat(fourW(viewer, "period=2093Q2&level=1&programming=DEVELOPMENT")).anyMatch((l) -> l.contains(b))
			.noneMatch((l) -> l.contains(c));
		assertThat(fourW(viewer, "period=2093Q2&level=1&type=INTERNATIONAL_NGO")).anyMatch((l) -> l.contains(c))
			.noneMatch((l) -> l.contains(b));

		// the page: counts, and Sinjar centre's SO2 a gap (active in 2093Q1, not now)
		String page = page(viewer, "/analytics/who?period=2093Q2&level=3&within=IQG15Q07");
		assertThat(page).contains("data-pcode=\"IQG15Q07N03\" data-objective=\"SO2\"")
			.doesNotContain("data-pcode=\"IQG15Q07N01\" data-objective=\"SO2\"");
		// only national NGOs: Ninewa has none for SO2 in 2093Q2, where A was active
		// before
		assertThat(page(viewer, "/analytics/who?period=2093Q2&level=1&type=NATIONAL_NGO"))
			.contains("data-pcode=\"IQG15\" data-objective=\"SO2\"");
		assertThat(this.mvc.perform(get("/analytics/who").param("period", "2093Q9").cookie(viewer))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(400);
	}

	@Test
	void anAreaPageListsThePartnersActiveInItsLatestQuarter() throws Exception {
		String secretariat = this.partners.token(Role.SECRETARIAT, "OCHA");
		String code = "WHO-" + UUID.randomUUID().toString().substring(0, 4);
		// Sinjar district and a sub-district of Duhok: levels 2 and 3 asked apart
		assertThat(this.api
			.post("/api/v1/areas", secretariat, java.util.Map.of("code", code, "name", "Sinjar ABC", "type", "ABC",
					"locations", List.of("IQG15Q07", "IQG09Q02N01")))
			.status()).isEqualTo(201);
		String page = page(signIn(Role.VIEWER), "/areas/" + code);
		int at = page.indexOf("id=\"active\"");
		assertThat(at).isPositive();
		String active = page.substring(at, page.indexOf("</dl>", at));
		// 2099Q1 is the latest quarter of all: A for SO2 and SO4, B for SO3
		assertThat(page).contains("2099Q1");
		assertThat(active).contains(a).contains(b).contains("SO2").contains("SO3").contains("SO4");
	}

	@Test
	void thePublicDashboardWithholdsSmallNumbersAndNamesNoOrganisation() throws Exception {
		String open = this.mvc.perform(get("/public"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(open).contains("2099Q1")
			.doesNotContain(a)
			.doesNotContain(b)
			.doesNotContain("Analytics test partner");
		assertThat(row(open, "SO2-TS-01")).contains("&lt; 5").doesNotContain(">3<");
		assertThat(row(open, "SO3-EMP-05")).contains(">40<");
		// a rate of 2 of 4 is withheld too
		assertThat(row(open, "SO4-EDU-01")).contains("&lt; 5").doesNotContain(">50<");
		String byGovernorate = this.mvc.perform(get("/public").param("indicator", "SO3-EMP-05"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(byGovernorate).contains("id=\"figures\"").contains("Ninewa");

		// the secretariat sets the minimum and may close the page
		Cookie reporter = signIn(Role.REPORTER);
		this.mvc.perform(post("/public/settings").with(csrf()).cookie(reporter).param("minimum", "0"))
			.andExpect(status().isForbidden());
		Cookie secretariat = signIn(Role.SECRETARIAT);
		try {
			this.mvc
				.perform(post("/public/settings").with(csrf())
					.cookie(secretariat)
					.param("minimum", "0")
					.param("open", "true"))
				.andExpect(status().is3xxRedirection());
			assertThat(row(this.mvc.perform(get("/public"))
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8), "SO2-TS-01")).contains(">3<");
			this.mvc
				.perform(post("/public/settings").with(csrf())
					.cookie(secretariat)
					.param("minimum", "5")
					.param("open", "false"))
				.andExpect(status().is3xxRedirection());
			assertThat(this.mvc.perform(get("/public")).andReturn().getResponse().getStatus()).isEqualTo(404);
			assertThat(this.mvc.perform(get("/public").cookie(secretariat)).andReturn().getResponse().getStatus())
				.isEqualTo(200);
			this.mvc
				.perform(post("/public/settings").with(csrf())
					.cookie(secretariat)
					.param("minimum", "-3")
					.param("open", "true"))
				.andExpect(status().isOk());
			assertThat(this.mvc.perform(get("/public")).andReturn().getResponse().getStatus()).isEqualTo(404);
		}
		finally {
			this.mvc.perform(post("/public/settings").with(csrf())
				.cookie(secretariat)
				.param("minimum", "5")
				.param("open", "true"));
		}
	}

	@Test
	void subtotalsFollowTheRules() throws Exception {
		Cookie viewer = signIn(Role.VIEWER);
		// a stock by governorate then organisation, over the two quarters of 2093: B's
		// latest 7
		String page = page(viewer, "/analytics?rows=adm1&rows2=organisation&columns=period&indicator=SO3-EMP-05"
				+ "&period=2093Q1&period=2093Q2&view=table");
		assertThat(page).contains("class=\"subtotal\"");
		int subtotal = page.indexOf("class=\"subtotal\"");
		String line = page.substring(subtotal, page.indexOf("</tr>", subtotal));
		assertThat(line).contains(">5<").contains(">7<");
		assertThat(line.substring(line.lastIndexOf("<td"))).contains(">7<");
	}

	private static String row(String page, String indicator) {
		int at = page.indexOf("data-indicator=\"" + indicator + "\"");
		assertThat(at).as(indicator).isPositive();
		return page.substring(at, page.indexOf("</tr>", at));
	}

	private List<String> fourW(Cookie session, String query) throws Exception {
		String csv = this.mvc.perform(get("/analytics/who.csv?" + query).cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		List<String> lines = new java.util.ArrayList<>();
		try (org.apache.commons.csv.CSVParser parser = org.apache.commons.csv.CSVParser.parse(csv.replace("\uFEFF", ""),
				org.apache.commons.csv.CSVFormat.DEFAULT)) {
			// a line up to the organisation's code, or the whole header lines
			parser
				.forEach((r) -> lines.add(String.join(",", r.values()).replaceAll(",Analytics test partner .*$", "")));
		}
		return lines;
	}

	private String page(Cookie session, String path) throws Exception {
		return this.mvc.perform(get(path).cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private Cookie signIn(Role role) throws Exception {
		String username = "an-who-" + role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 6);
		this.accounts.create(new UserAccounts.NewUser(username, null, Partners.PASSWORD, role, "OCHA", false, false));
		return this.mvc
			.perform(post("/login").with(csrf()).param("username", username).param("password", Partners.PASSWORD))
			.andReturn()
			.getResponse()
			.getCookie("HULUL_SESSION");
	}

}
