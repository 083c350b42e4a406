package org.hulul.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hulul.ApiClient;
import org.hulul.HululIntegrationTest;
import org.hulul.platform.Role;
import org.hulul.platform.UserAccounts;
import org.hulul.reporting.Period;
import org.hulul.reporting.ReportingCalendar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Each aggregation rule against figures worked out by hand, over the API: two partners,
 * two quarters, at Sinjar's sub-districts (Ninewa, IQG15). Partner A reports SO2-TS-01 by
 * sex (12 women, 10 men, no total) in the first quarter and 8 in the second; SO3-EMP-05
 * (a stock: LATEST) 100 then 130; SO4-EDU-01 (RATIO) 40/50; SO4-HLT-01 (people reached:
 * MAX_PER_LOCATION) 30 at Sinjar centre. Partner B reports SO2-TS-01 5, SO4-EDU-01
 * 10/100, SO4-HLT-01 45 at Sinjar centre and 20 at Qaeyrrawan, and (submitted, not
 * approved) 1000 of SO2-TS-01 in the second quarter.
 */
@HululIntegrationTest
class AnalyticsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Autowired
	ReportingCalendar calendar;

	ApiClient api;

	String a;

	String b;

	String first;

	String second;

	String reviewer;

	String viewer;

	Partners partners;

	@BeforeEach
	void twoPartnersTwoQuarters() {
		this.api = new ApiClient(this.port);
		this.partners = new Partners(this.api, this.accounts);
		this.a = this.partners.organisation("NATIONAL_NGO");
		this.b = this.partners.organisation("UN_AGENCY");
		this.reviewer = this.partners.reviewer();
		this.viewer = this.partners.token(Role.VIEWER, "OCHA");
		Period now = Period.of(this.calendar.today());
		this.first = now.toString();
		this.second = now.next().toString();
		String reporterA = this.partners.token(Role.REPORTER, this.a);
		String reporterB = this.partners.token(Role.REPORTER, this.b);
		approve(report(reporterA, this.a, this.first,
				List.of(line("SO2-TS-01", "IQG15Q07N03", Map.of("sex", "female"), 12),
						line("SO2-TS-01", "IQG15Q07N03", Map.of("sex", "male"), 10),
						line("SO3-EMP-05", "IQG15Q07N03", Map.of(), 100), ratio("IQG15Q07N03", 40, 50),
						line("SO4-HLT-01", "IQG15Q07N03", Map.of(), 30))));
		approve(report(reporterA, this.a, this.second, List.of(line("SO2-TS-01", "IQG15Q07N03", Map.of(), 8),
				line("SO3-EMP-05", "IQG15Q07N03", Map.of(), 130))));
		approve(report(reporterB, this.b, this.first,
				List.of(line("SO2-TS-01", "IQG15Q07N01", Map.of(), 5), ratio("IQG15Q07N01", 10, 100),
						line("SO4-HLT-01", "IQG15Q07N03", Map.of(), 45),
						line("SO4-HLT-01", "IQG15Q07N01", Map.of(), 20))));
		long pending = report(reporterB, this.b, this.second,
				List.of(line("SO2-TS-01", "IQG15Q07N01", Map.of(), 1000)));
		this.partners.submit(pending);
	}

	@Test
	void eachIndicatorAddsUpByItsRule() {
		Map<String, JsonNode> byIndicator = byFirstKey(query(this.viewer, "indicator,adm1", ours()), "indicator");
		// SUM: 12 + 10 (the cells, no total entered) + 8 + 5
		assertThat(byIndicator.get("SO2-TS-01").get("value").asDouble()).isEqualTo(35);
		assertThat(byIndicator.get("SO2-TS-01").get("adm1").asString()).isEqualTo("IQG15");
		// LATEST: the second quarter's 130, not 100 + 130
		assertThat(byIndicator.get("SO3-EMP-05").get("value").asDouble()).isEqualTo(130);
		// RATIO: (40 + 10) / (50 + 100) = 33.3 %, not the average of 80 % and 10 %
		assertThat(byIndicator.get("SO4-EDU-01").get("value").asDouble()).isCloseTo(100.0 / 3, within(1e-9));
		assertThat(byIndicator.get("SO4-EDU-01").get("numerator").asDouble()).isEqualTo(50);
		assertThat(byIndicator.get("SO4-EDU-01").get("denominator").asDouble()).isEqualTo(150);
		// MAX_PER_LOCATION: max(30, 45) at Sinjar centre + 20 at Qaeyrrawan, not 95
		assertThat(byIndicator.get("SO4-HLT-01").get("value").asDouble()).isEqualTo(65);

		Map<String, JsonNode> stock = byFirstKey(query(this.viewer, "period", ours() + ";indicator:SO3-EMP-05"),
				"period");
		assertThat(stock.get(this.first).get("value").asDouble()).isEqualTo(100);
		assertThat(stock.get(this.second).get("value").asDouble()).isEqualTo(130);

		Map<String, JsonNode> reached = byFirstKey(query(this.viewer, "organisation", ours() + ";indicator:SO4-HLT-01"),
				"organisation");
		assertThat(reached.get(this.a).get("value").asDouble()).isEqualTo(30);
		assertThat(reached.get(this.b).get("value").asDouble()).isEqualTo(65);
		assertThat(byFirstKey(query(this.viewer, "adm3", ours() + ";indicator:SO4-HLT-01"), "adm3"))
			.hasEntrySatisfying("IQG15Q07N03", (r) -> assertThat(r.get("value").asDouble()).isEqualTo(45))
			.hasEntrySatisfying("IQG15Q07N01", (r) -> assertThat(r.get("value").asDouble()).isEqualTo(20));
	}

	@Test
	void breakdownsUseTheCellsAndTotalsTheRest() {
		JsonNode rows = query(this.viewer, "sex", ours() + ";indicator:SO2-TS-01");
		Map<String, Double> bySex = new HashMap<>();
		rows.forEach(
				(r) -> bySex.put(r.get("sex").isNull() ? "none" : r.get("sex").asString(), r.get("value").asDouble()));
		// the lines entered without a breakdown (8 and 5) are "not broken down"
		assertThat(bySex).containsEntry("female", 12.0).containsEntry("male", 10.0).containsEntry("none", 13.0);
	}

	@Test
	void unitsThatDoNotAddUpAreNotAdded() {
		JsonNode rows = query(this.viewer, "adm1", ours());
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).get("value").isNull()).isTrue();
		assertThat(rows.get(0).get("mixed").asBoolean()).isTrue();
	}

	@Test
	void submittedValuesOnlyForReviewersAndMarked() {
		String question = ours() + ";indicator:SO2-TS-01";
		JsonNode approvedOnly = query(this.reviewer, "indicator", question);
		assertThat(approvedOnly.get(0).get("value").asDouble()).isEqualTo(35);
		assertThat(approvedOnly.get(0).has("submitted")).isFalse();
		JsonNode withSubmitted = queryWithSubmitted(this.reviewer, "indicator", question);
		assertThat(withSubmitted.get(0).get("value").asDouble()).isEqualTo(1035);
		assertThat(withSubmitted.get(0).get("submitted").asBoolean()).isTrue();
		assertThat(queryWithSubmitted(this.viewer, "indicator", question).get(0).get("value").asDouble()).isEqualTo(35);
		String reporterB = this.partners.token(Role.REPORTER, this.b);
		assertThat(queryWithSubmitted(reporterB, "indicator", question).get(0).get("value").asDouble()).isEqualTo(35);
	}

	@Test
	void aReportApprovedIsInTheNextQuestion() {
		String reporter = this.partners.token(Role.REPORTER, this.a);
		long id = report(reporter, this.a, Period.parse(this.second).next().toString(),
				List.of(line("SO2-TS-01", "IQG15Q07N03", Map.of(), 7)));
		String question = ours() + ";indicator:SO2-TS-01";
		assertThat(query(this.viewer, "indicator", question).get(0).get("value").asDouble()).isEqualTo(35);
		approve(id);
		assertThat(query(this.viewer, "indicator", question).get(0).get("value").asDouble()).isEqualTo(42);
	}

	@Test
	void csvAndBadQuestions() {
		ApiClient.Response unknown = this.api.get("/api/v1/analytics?dimensions=colour", this.viewer);
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.body().toString()).contains("colour");
		assertThat(this.api.get("/api/v1/analytics?dimensions=indicator&filter=period", this.viewer).status())
			.isEqualTo(400);
		assertThat(this.api.get("/api/v1/analytics?dimensions=indicator", null).status()).isEqualTo(401);
		byte[] csv = this.api.downloadAs(
				"/api/v1/analytics?dimensions=indicator,period&filter=" + ours() + ";indicator:SO3-EMP-05", this.viewer,
				"text/csv");
		assertThat(new String(csv, java.nio.charset.StandardCharsets.UTF_8).lines().toList()).containsExactly(
				"indicator,period,value,numerator,denominator,mixed,submitted",
				"SO3-EMP-05," + this.first + ",100.0,,,false,false",
				"SO3-EMP-05," + this.second + ",130.0,,,false,false");
	}

	private String ours() {
		return "organisation:" + this.a + "," + this.b;
	}

	private JsonNode query(String token, String dimensions, String filter) {
		ApiClient.Response response = this.api.get("/api/v1/analytics?dimensions=" + dimensions + "&filter=" + filter,
				token);
		assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
		return response.body().get("rows");
	}

	private JsonNode queryWithSubmitted(String token, String dimensions, String filter) {
		ApiClient.Response response = this.api
			.get("/api/v1/analytics?includeSubmitted=true&dimensions=" + dimensions + "&filter=" + filter, token);
		assertThat(response.status()).isEqualTo(200);
		return response.body().get("rows");
	}

	private static Map<String, JsonNode> byFirstKey(JsonNode rows, String key) {
		Map<String, JsonNode> found = new HashMap<>();
		rows.forEach((r) -> found.put(r.get(key).asString(), r));
		return found;
	}

	private long report(String reporter, String organisation, String period, List<Map<String, Object>> lines) {
		return this.partners.report(reporter, organisation, period, lines);
	}

	private void approve(long id) {
		this.partners.approve(id);
	}

	private static Map<String, Object> line(String indicator, String location, Map<String, String> breakdown,
			int value) {
		return Partners.line(indicator, location, breakdown, value);
	}

	private static Map<String, Object> ratio(String location, int numerator, int denominator) {
		return Partners.ratio(location, numerator, denominator);
	}

}
