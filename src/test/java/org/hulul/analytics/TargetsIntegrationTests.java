package org.hulul.analytics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import org.hulul.ApiClient;
import org.hulul.HululIntegrationTest;
import org.hulul.platform.Role;
import org.hulul.platform.UserAccounts;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hulul.analytics.Partners.line;
import static org.hulul.db.Tables.AUDIT_EVENT;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Targets against values worked out by hand, in 2091 (no other test reports then): in
 * Ninewa (IQG15) partner A reports SO2-TS-01 30 in the first quarter and 20 in the
 * second, partner B SO3-EMP-05 (a stock) 100 then 130, and B's submitted, not approved,
 * 1000 of SO2-TS-01 never counts. Two quarters hold approved values, so two of four are
 * due.
 */
@HululIntegrationTest
class TargetsIntegrationTests {

	static final int YEAR = 2091;

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Autowired
	MockMvc mvc;

	@Autowired
	DSLContext db;

	@Autowired
	Targets targets;

	ApiClient api;

	Partners partners;

	String secretariat;

	static boolean reported;

	@BeforeEach
	void partnersReportIn2091() {
		this.api = new ApiClient(this.port);
		this.partners = new Partners(this.api, this.accounts);
		this.secretariat = this.partners.token(Role.SECRETARIAT, "OCHA");
		if (reported) {
			return;
		}
		String a = this.partners.organisation("NATIONAL_NGO");
		String b = this.partners.organisation("UN_AGENCY");
		this.partners.approved(a, YEAR + "Q1", List.of(line("SO2-TS-01", "IQG15Q07N03", 30)));
		this.partners.approved(a, YEAR + "Q2", List.of(line("SO2-TS-01", "IQG15Q07N03", 20)));
		this.partners.approved(b, YEAR + "Q1", List.of(line("SO3-EMP-05", "IQG15Q07N01", 100)));
		long later = this.partners.report(this.partners.token(Role.REPORTER, b), b, YEAR + "Q2",
				List.of(line("SO3-EMP-05", "IQG15Q07N01", 130), line("SO2-TS-01", "IQG15Q07N01", 1000)));
		this.partners.approve(later);
		long pending = this.partners.report(this.partners.token(Role.REPORTER, b), b, YEAR + "Q3",
				List.of(line("SO2-TS-01", "IQG15Q07N01", 5000)));
		this.partners.submit(pending);
		reported = true;
	}

	@Test
	void progressAgainstTheProRataExpectationAndThresholds() {
		Map<String, Object> flowHere = target("SO2-TS-02", "IQG15", YEAR, 100.0);
		assertThat(put(List.of(flowHere, target("SO2-TS-02", "IQ", YEAR, 150.0))).status()).isEqualTo(200);
		// SO2-TS-02 has no values: its targets wait for data
		Map<String, JsonNode> before = progress(this.secretariat, YEAR);
		assertThat(before.get("SO2-TS-02@IQG15").get("status").asString()).isEqualTo("NO_DATA");

		assertThat(put(List.of(target("SO2-TS-01", "IQG15", YEAR, 100.0), target("SO2-TS-01", "IQ", YEAR, 1150.0),
				target("SO2-TS-01", "IQG01", YEAR, 10.0), target("SO3-EMP-05", "IQG15", YEAR, 300.0),
				target("SO2-TS-01", "IQG15", YEAR + 1, 10.0)))
			.status()).isEqualTo(200);
		String viewer = this.partners.token(Role.VIEWER, "OCHA");
		Map<String, JsonNode> p = progress(viewer, YEAR);
		// a flow: 30 + 20 + B's 1000 in Ninewa = 1050 of 100, pro rata 2 of 4 quarters
		JsonNode here = p.get("SO2-TS-01@IQG15");
		assertThat(here.get("achieved").asDouble()).isEqualTo(1050);
		assertThat(here.get("expected").asDouble()).isEqualTo(50);
		assertThat(here.get("quartersDue").asInt()).isEqualTo(2);
		assertThat(here.get("percent").asDouble()).isEqualTo(1050);
		assertThat(here.get("status").asString()).isEqualTo("GREEN");
		// national: 1050 of an expected 575 (1150 × 2/4) → green; Anbar has no values
		assertThat(p.get("SO2-TS-01@IQ").get("expected").asDouble()).isEqualTo(575);
		assertThat(p.get("SO2-TS-01@IQ").get("status").asString()).isEqualTo("GREEN");
		assertThat(p.get("SO2-TS-01@IQG01").get("status").asString()).isEqualTo("NO_DATA");
		assertThat(p.get("SO2-TS-01@IQG01").get("achieved").isNull()).isTrue();
		// a stock is compared with the target itself: the latest 130 of 300 = 43 % → red
		JsonNode stock = p.get("SO3-EMP-05@IQG15");
		assertThat(stock.get("achieved").asDouble()).isEqualTo(130);
		assertThat(stock.get("expected").asDouble()).isEqualTo(300);
		assertThat(stock.get("percent").asDouble()).isCloseTo(43.33, within(0.01));
		assertThat(stock.get("status").asString()).isEqualTo("RED");
		// the next year is not due
		assertThat(progress(viewer, YEAR + 1).get("SO2-TS-01@IQG15").get("status").asString()).isEqualTo("NOT_DUE");

		// a reviewer sees the same: submitted values never count towards a target
		assertThat(progress(this.partners.reviewer(), YEAR).get("SO2-TS-01@IQG15").get("achieved").asDouble())
			.isEqualTo(1050);

		// the thresholds move the statuses: 43 % is amber from 40 %
		this.targets.changeThresholds(principal(), 80, 40);
		try {
			assertThat(progress(viewer, YEAR).get("SO3-EMP-05@IQG15").get("status").asString()).isEqualTo("AMBER");
		}
		finally {
			this.targets.changeThresholds(principal(), Targets.DEFAULT_GREEN, Targets.DEFAULT_AMBER);
		}
	}

	@Test
	void amberAndRedAgainstTheExpectation() {
		Targets.Thresholds thresholds = new Targets.Thresholds(90, 60);
		Target flow = new Target(1, "SO2-TS-01", "IQ", YEAR, 200, 0);
		// expected 200 × 3/4 = 150
		assertThat(Targets.judge(flow, 135.0, 3, true, thresholds).status()).isEqualTo(Targets.Status.GREEN);
		assertThat(Targets.judge(flow, 134.0, 3, true, thresholds).status()).isEqualTo(Targets.Status.AMBER);
		assertThat(Targets.judge(flow, 90.0, 3, true, thresholds).status()).isEqualTo(Targets.Status.AMBER);
		assertThat(Targets.judge(flow, 89.0, 3, true, thresholds).status()).isEqualTo(Targets.Status.RED);
		assertThat(Targets.judge(flow, null, 0, true, thresholds).status()).isEqualTo(Targets.Status.NOT_DUE);
		assertThat(Targets.judge(flow, null, 1, true, thresholds).status()).isEqualTo(Targets.Status.NO_DATA);
		// a state: not pro rata, 150 of 200 is 75 %
		assertThat(Targets.judge(flow, 150.0, 3, false, thresholds).status()).isEqualTo(Targets.Status.AMBER);
		assertThat(Targets.judge(flow, 119.0, 3, false, thresholds).status()).isEqualTo(Targets.Status.RED);
	}

	@Test
	void onlyTheSecretariatSetsTargetsAndEveryChangeIsCheckedAndAudited() throws Exception {
		String reporter = this.partners.token(Role.REPORTER, "IOM");
		assertThat(this.api.put("/api/v1/targets", reporter, List.of(target("SO4-HLT-01", "IQ", YEAR, 5.0))).status())
			.isEqualTo(403);
		assertThat(this.api.get("/api/v1/targets?year=" + YEAR, reporter).status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/targets", null).status()).isEqualTo(401);

		// all or nothing, each problem named by row and field
		ApiClient.Response bad = put(
				List.of(target("SO4-HLT-01", "IQ", YEAR, 5.0), target("SO4-HLT-01", "IQG15Q07", YEAR, 5.0),
						target("NO-SUCH", "IQ", YEAR, 5.0), target("SO4-HLT-01", "IQG15", YEAR, -1.0)));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body().toString()).contains("[1].scope").contains("IQG15Q07");
		assertThat(progress(this.secretariat, YEAR)).doesNotContainKey("SO4-HLT-01@IQ");
		assertThat(put(List.of(target("SO4-HLT-01", "IQG15", YEAR, -1.0))).body().toString()).contains("[0].value");
		assertThat(put(List.of(target("NO-SUCH", "IQ", YEAR, 1.0))).body().toString()).contains("[0].indicator");

		// a target that exists changes only with the version it was read at
		JsonNode created = put(List.of(target("SO4-HLT-01", "IQ", YEAR, 5.0))).body().get(0);
		assertThat(created.get("version").asInt()).isZero();
		assertThat(put(List.of(target("SO4-HLT-01", "IQ", YEAR, 6.0))).status()).isEqualTo(409);
		Map<String, Object> changed = target("SO4-HLT-01", "IQ", YEAR, 7.0);
		changed.put("version", 0);
		JsonNode after = put(List.of(changed)).body().get(0);
		assertThat(after.get("value").asDouble()).isEqualTo(7);
		assertThat(after.get("version").asInt()).isEqualTo(1);
		assertThat(put(List.of(changed)).status()).isEqualTo(409);
		long id = after.get("id").asLong();
		assertThat(this.api.delete("/api/v1/targets/" + id + "?version=0", this.secretariat).status()).isEqualTo(409);
		assertThat(this.api.delete("/api/v1/targets/" + id + "?version=1", this.secretariat).status()).isEqualTo(204);
		assertThat(this.db.fetchCount(AUDIT_EVENT,
				AUDIT_EVENT.ENTITY_TYPE.eq(Targets.ENTITY).and(AUDIT_EVENT.ENTITY_ID.eq(Long.toString(id)))))
			.isEqualTo(3);

		// the page: everyone signed in reads it, only the secretariat gets the forms
		String password = Partners.PASSWORD;
		String reporterName = "an-targets-reporter-" + java.util.UUID.randomUUID().toString().substring(0, 6);
		this.accounts
			.create(new UserAccounts.NewUser(reporterName, null, password, Role.REPORTER, "IOM", false, false));
		Cookie session = signIn(reporterName, password);
		String page = this.mvc.perform(get("/analytics/targets").param("year", Integer.toString(YEAR)).cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("SO2-TS-01").doesNotContain("id=\"add-target\"");
		this.mvc
			.perform(post("/analytics/targets/thresholds").with(csrf())
				.cookie(session)
				.param("green", "50")
				.param("amber", "10")
				.param("year", Integer.toString(YEAR)))
			.andExpect(status().isForbidden());
		assertThat(this.targets.thresholds().green()).isEqualTo(Targets.DEFAULT_GREEN);
	}

	private org.hulul.platform.HululPrincipal principal() {
		return new org.hulul.platform.HululPrincipal(0L, "test-secretariat", Role.SECRETARIAT, null, true, null, false,
				null);
	}

	private Cookie signIn(String username, String password) throws Exception {
		return this.mvc.perform(post("/login").with(csrf()).param("username", username).param("password", password))
			.andReturn()
			.getResponse()
			.getCookie("HULUL_SESSION");
	}

	private ApiClient.Response put(List<Map<String, Object>> rows) {
		return this.api.put("/api/v1/targets", this.secretariat, rows);
	}

	private Map<String, JsonNode> progress(String token, int year) {
		ApiClient.Response response = this.api.get("/api/v1/targets?year=" + year, token);
		assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
		Map<String, JsonNode> byKey = new HashMap<>();
		response.body()
			.get("targets")
			.forEach((t) -> byKey.put(t.get("indicator").asString() + "@" + t.get("scope").asString(), t));
		return byKey;
	}

	private static Map<String, Object> target(String indicator, String scope, int year, double value) {
		return new HashMap<>(Map.of("indicator", indicator, "scope", scope, "year", year, "value", value));
	}

}
