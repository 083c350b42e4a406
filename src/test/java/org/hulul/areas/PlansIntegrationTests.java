package org.hulul.areas;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.hulul.ApiClient;
import org.hulul.HululIntegrationTest;
import org.hulul.platform.Role;
import org.hulul.platform.UserAccounts;
import org.hulul.platform.UserAccounts.NewUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A Plan of Action of an ABC written by its coordinator: sections in English and Arabic,
 * the steps with their dates, the authorities' input; others read it, nobody else writes
 * it, and text is never run as HTML.
 */
@HululIntegrationTest
class PlansIntegrationTests {

	static final String PASSWORD = "plans-test-password";

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Autowired
	MockMvc mvc;

	@Test
	void aCoordinatorDraftsAPlanThroughTheStepsWithTheAuthoritiesInput() throws Exception {
		ApiClient api = new ApiClient(this.port);
		String secretariat = api.token(user(Role.SECRETARIAT, "OCHA"), PASSWORD);
		String coordinatorName = user(Role.AREA_COORDINATOR, "IOM");
		String code = "PLAN-" + UUID.randomUUID().toString().substring(0, 4);
		assertThat(api
			.post("/api/v1/areas", secretariat,
					Map.of("code", code, "name", "Sinjar ABC", "type", "ABC", "locations",
							List.of("IQG15Q07", "IQG09Q02"), "coordinators", List.of(coordinatorName)))
			.status()).isEqualTo(201);
		String coordinator = api.token(coordinatorName, PASSWORD);
		String viewer = api.token(user(Role.VIEWER, "OCHA"), PASSWORD);
		assertThat(api.post("/api/v1/areas/" + code + "/plans", viewer, Map.of("title", "x")).status()).isEqualTo(403);
		ApiClient.Response created = api.post("/api/v1/areas/" + code + "/plans", coordinator,
				Map.of("title", "Sinjar Plan of Action", "titleAr", "خطة عمل سنجار"));
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		long id = created.body().get("id").asLong();
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Baghdad"));
		assertThat(created.body().get("step").asInt()).isEqualTo(1);
		assertThat(created.body().get("steps").get(0).get("startedOn").asString()).isEqualTo(today.toString());
		assertThat(created.body().get("sections")).hasSize(10);

		JsonNode plan = api
			.put("/api/v1/plans/" + id + "/sections/purpose", coordinator,
					Map.of("language", "en", "text", "Return in **safety** <script>alert(1)</script>", "version", 0))
			.body();
		assertThat(plan.get("version").asInt()).isEqualTo(1);
		plan = api
			.put("/api/v1/plans/" + id + "/sections/PURPOSE", coordinator,
					Map.of("language", "ar", "text", "العودة **بأمان**", "version", 1))
			.body();
		assertThat(plan.get("sections").get("PURPOSE").get("ar").asString()).isEqualTo("العودة **بأمان**");
		// a stale version, a viewer, a bad section or language change nothing
		assertThat(api
			.put("/api/v1/plans/" + id + "/sections/PURPOSE", coordinator,
					Map.of("language", "en", "text", "other", "version", 1))
			.status()).isEqualTo(409);
		assertThat(api
			.put("/api/v1/plans/" + id + "/sections/PURPOSE", viewer,
					Map.of("language", "en", "text", "other", "version", 2))
			.status()).isEqualTo(403);
		assertThat(api
			.put("/api/v1/plans/" + id + "/sections/NOPE", coordinator,
					Map.of("language", "en", "text", "other", "version", 2))
			.status()).isEqualTo(400);
		assertThat(api
			.put("/api/v1/plans/" + id + "/sections/PURPOSE", coordinator,
					Map.of("language", "fr", "text", "autre", "version", 2))
			.status()).isEqualTo(400);

		// through the steps: the government counterpart agrees, consultations, a
		// roundtable
		plan = api.post("/api/v1/plans/" + id + "/step", coordinator, Map.of("step", 2, "version", 2)).body();
		plan = api.post("/api/v1/plans/" + id + "/step", coordinator, Map.of("step", 4, "version", 3)).body();
		assertThat(plan.get("step").asInt()).isEqualTo(4);
		assertThat(plan.get("steps")).hasSize(4);
		assertThat(plan.get("steps").get(0).get("completedOn").asString()).isEqualTo(today.toString());
		assertThat(plan.get("steps").get(3).get("completedOn").isNull()).isTrue();
		assertThat(api
			.post("/api/v1/plans/" + id + "/step", coordinator,
					Map.of("step", 5, "on", today.plusDays(3).toString(), "version", 4))
			.status()).isEqualTo(400);
		assertThat(api.post("/api/v1/plans/" + id + "/step", coordinator, Map.of("step", 9, "version", 4)).status())
			.isEqualTo(400);

		// the authorities' input
		assertThat(plan.get("inputByAuthorities").asBoolean()).isFalse();
		plan = api
			.post("/api/v1/plans/" + id + "/inputs", coordinator,
					Map.of("organisation", "GRC", "summary", "Priorities for Sinjar centre agreed", "version", 4))
			.body();
		assertThat(plan.get("inputByAuthorities").asBoolean()).isTrue();
		assertThat(plan.get("inputs").get(0).get("organisation").asString()).isEqualTo("GRC");
		assertThat(plan.get("inputs").get(0).get("step").asInt()).isEqualTo(4);
		assertThat(api
			.post("/api/v1/plans/" + id + "/inputs", coordinator,
					Map.of("organisation", "NOPE", "summary", "x", "version", 5))
			.status()).isEqualTo(400);

		// everyone signed in reads it; the page shows the text as Markdown, never as HTML
		assertThat(api.get("/api/v1/areas/" + code + "/plans", viewer).body()).hasSize(1);
		Cookie session = this.mvc.perform(
				post("/login").with(csrf()).param("username", user(Role.VIEWER, "OCHA")).param("password", PASSWORD))
			.andReturn()
			.getResponse()
			.getCookie("HULUL_SESSION");
		String page = this.mvc.perform(get("/plans/" + id).cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("<strong>safety</strong>")
			.contains("&lt;script&gt;")
			.doesNotContain("<script>alert")
			.contains("<strong>بأمان</strong>")
			.contains("Priorities for Sinjar centre agreed")
			.doesNotContain("id=\"move-step\"");
		assertThat(this.mvc.perform(get("/areas/" + code).cookie(session))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("/plans/" + id);
	}

	@Test
	void plansWithTheAuthoritiesInputCountOnceTowardsTheSo1Indicator() {
		ApiClient api = new ApiClient(this.port);
		org.hulul.analytics.Partners partners = new org.hulul.analytics.Partners(api, this.accounts);
		String governorate = partners.organisation("GOVERNMENT", "HUMANITARIAN");
		String ministry = partners.organisation("GOVERNMENT", "DEVELOPMENT");
		String secretariat = api.token(user(Role.SECRETARIAT, "OCHA"), PASSWORD);
		String code = "FEED-" + UUID.randomUUID().toString().substring(0, 4);
		api.post("/api/v1/areas", secretariat, Map.of("code", code, "name", "Sinjar ABC", "type", "ABC", "locations",
				List.of("IQG15Q07N03", "IQG09Q02")));
		long first = api.post("/api/v1/areas/" + code + "/plans", secretariat, Map.of("title", "First"))
			.body()
			.get("id")
			.asLong();
		long second = api.post("/api/v1/areas/" + code + "/plans", secretariat, Map.of("title", "Second"))
			.body()
			.get("id")
			.asLong();
		String filter = "&filter=indicator:SO1-GLDS-01;organisation:" + governorate + "," + ministry;
		String viewer = api.token(user(Role.VIEWER, "OCHA"), PASSWORD);
		assertThat(api.get("/api/v1/analytics?dimensions=organisation" + filter, viewer).body().get("rows")).isEmpty();

		LocalDate today = LocalDate.now(ZoneId.of("Asia/Baghdad"));
		api.post("/api/v1/plans/" + first + "/inputs", secretariat,
				Map.of("organisation", governorate, "summary", "Agreed to start", "version", 0));
		api.post("/api/v1/plans/" + first + "/inputs", secretariat,
				Map.of("organisation", ministry, "summary", "Comments on the draft", "version", 1));
		JsonNode rows = api.get("/api/v1/analytics?dimensions=organisation,adm2,period" + filter, viewer)
			.body()
			.get("rows");
		// one plan, once, credited to the authority that first gave input, in its
		// quarter,
		// at the area's first location's district
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).get("organisation").asString()).isEqualTo(governorate);
		assertThat(rows.get(0).get("adm2").asString()).isEqualTo("IQG15Q07");
		assertThat(rows.get(0).get("period").asString())
			.isEqualTo(today.getYear() + "Q" + ((today.getMonthValue() + 2) / 3));
		assertThat(rows.get(0).get("value").asDouble()).isEqualTo(1);

		api.post("/api/v1/plans/" + second + "/inputs", secretariat,
				Map.of("organisation", ministry, "summary", "Agreed", "version", 0));
		rows = api.get("/api/v1/analytics?dimensions=indicator" + filter, viewer).body().get("rows");
		assertThat(rows.get(0).get("value").asDouble()).isEqualTo(2);
	}

	private String user(Role role, String organisation) {
		String username = "plan-" + role.name().toLowerCase().replace('_', '-') + "-"
				+ UUID.randomUUID().toString().substring(0, 6);
		this.accounts.create(new NewUser(username, null, PASSWORD, role, organisation, false, false));
		return username;
	}

}
