package org.hulul.reporting;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hulul.ApiClient;
import org.hulul.HululIntegrationTest;
import org.hulul.platform.Role;
import org.hulul.platform.UserAccounts;
import org.hulul.platform.UserAccounts.NewUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report loop over the API: open, enter, validate, submit, return, correct, approve,
 * with the permission rules and the history.
 */
@HululIntegrationTest
class ReportApiIntegrationTests {

	private static final String PASSWORD = "report-test-password";

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Autowired
	ApprovedReports approved;

	@Autowired
	ReportingCalendar calendar;

	@Test
	void theWholeLoopWithPermissionsAndHistory() {
		ApiClient api = new ApiClient(this.port);
		String partner = newOrganisation(api);
		String reporter = token(api, Role.REPORTER, partner);
		String otherReporter = token(api, Role.REPORTER, "IOM");
		String reviewer = token(api, Role.REVIEWER, "IOM");
		String viewer = token(api, Role.VIEWER, "OCHA");
		String period = Period.of(this.calendar.today()).toString();

		assertThat(api.post("/api/v1/reports", reporter, Map.of("organisation", "IOM", "period", period)).status())
			.isEqualTo(403);
		ApiClient.Response opened = api.post("/api/v1/reports", reporter,
				Map.of("organisation", partner, "period", period));
		assertThat(opened.status()).isEqualTo(200);
		long id = opened.body().get("id").asLong();
		assertThat(opened.body().get("status").asString()).isEqualTo("DRAFT");
		String values = "/api/v1/reports/" + id + "/values";
		List<Map<String, Object>> lines = List.of(line("IQG15Q07N03", "female", 12), line("IQG15Q07N03", "male", 10),
				line("IQG15Q05", "female", 4), line("IQG15Q05", "male", 6));
		ApiClient.Response saved = api.put(values, reporter, lines);
		assertThat(saved.status()).isEqualTo(200);
		int version = saved.body().get("version").asInt();
		// idempotent: the same lines again change nothing
		assertThat(api.put(values, reporter, lines).body().get("version").asInt()).isEqualTo(version);

		// a line with an error: nothing saved, every problem said with its line
		ApiClient.Response rejected = api.put(values, reporter,
				List.of(line("IQG15Q07N03", "female", -3), line("IQG15Q07N03", "female", 12)));
		assertThat(rejected.status()).isEqualTo(400);
		assertThat(rejected.body().get("errors").valueStream().map((e) -> e.get("line").asInt()))
			.containsExactlyInAnyOrder(0, 1);
		assertThat(api.get(values, reporter).body().size()).isEqualTo(4);

		assertThat(api.get("/api/v1/reports/" + id, otherReporter).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/reports/" + id, viewer).status()).isEqualTo(404);
		assertThat(api.put(values, otherReporter, lines).status()).isEqualTo(404);

		assertThat(status(api.post("/api/v1/reports/" + id + "/submit", reporter, Map.of()))).isEqualTo("SUBMITTED");
		assertThat(api.put(values, reporter, lines).status()).isEqualTo(409);
		assertThat(api.post("/api/v1/reports/" + id + "/approve", reporter, Map.of()).status()).isEqualTo(403);
		assertThat(api.post("/api/v1/reports/" + id + "/return", reviewer, Map.of()).status()).isEqualTo(409);
		// a comment on a line the report does not have: refused, the report stays
		// submitted
		assertThat(api.post("/api/v1/reports/" + id + "/return", reviewer,
				Map.of("comment", "Check", "lines", List.of(Map.of("indicator", "SO2-TS-01", "location", "IQG15Q06",
						"populationGroup", "returnee", "disaggregation", Map.of("sex", "female"), "comment", "?"))))
			.status()).isEqualTo(400);
		assertThat(status(api.post("/api/v1/reports/" + id + "/return", reviewer,
				Map.of("comment", "Sinjar centre looks low", "lines",
						List.of(Map.of("indicator", "SO2-TS-01", "location", "IQG15Q07N03", "populationGroup",
								"returnee", "disaggregation", Map.of("sex", "female"), "comment",
								"Women: 12 is below last quarter's 40"))))))
			.isEqualTo("RETURNED");

		assertThat(api
			.put(values, reporter, List.of(line("IQG15Q07N03", "female", 15), line("IQG15Q07N03", "male", 10),
					line("IQG15Q05", "female", 4), line("IQG15Q05", "male", 6)))
			.status()).isEqualTo(200);
		assertThat(status(api.post("/api/v1/reports/" + id + "/submit", reporter, Map.of()))).isEqualTo("SUBMITTED");
		assertThat(status(api.post("/api/v1/reports/" + id + "/approve", reviewer, Map.of()))).isEqualTo("APPROVED");
		assertThat(this.approved.received()).anyMatch((e) -> e.reportId() == id);
		assertThat(api.get("/api/v1/reports/" + id, viewer).status()).isEqualTo(200);

		JsonNode history = api.get("/api/v1/reports/" + id + "/history", reviewer).body();
		assertThat(history.valueStream()
			.filter((e) -> e.get("kind").asString().equals("STATUS"))
			.map((e) -> e.get("toStatus").asString()))
			.containsExactly("SUBMITTED", "RETURNED", "SUBMITTED", "APPROVED");
		assertThat(history.valueStream()
			.filter((e) -> e.get("kind").asString().equals("COMMENT"))
			.map((e) -> e.get("lineKey").asString() + ": " + e.get("comment").asString()))
			.containsExactly("SO2-TS-01 IQG15Q07N03 returnee sex=female: Women: 12 is below last quarter's 40");
		assertThat(history.valueStream()
			.anyMatch((e) -> "12".equals(e.path("oldValue").asString(null))
					&& "15".equals(e.path("newValue").asString(null))))
			.isTrue();
	}

	@Test
	void aStaleSaveIsRefusedAndLosesNothing() {
		ApiClient api = new ApiClient(this.port);
		String partner = newOrganisation(api);
		String reporter = token(api, Role.REPORTER, partner);
		long id = api
			.post("/api/v1/reports", reporter,
					Map.of("organisation", partner, "period", Period.of(this.calendar.today()).toString()))
			.body()
			.get("id")
			.asLong();
		ApiClient.Response first = api.put("/api/v1/reports/" + id + "/values", reporter,
				List.of(line("IQG15Q07N03", "female", 1)));
		int read = first.body().get("version").asInt() - 1;
		assertThat(api
			.putIfMatch("/api/v1/reports/" + id + "/values", reporter, String.valueOf(read),
					List.of(line("IQG15Q07N03", "female", 99)))
			.status()).isEqualTo(409);
		assertThat(api.get("/api/v1/reports/" + id + "/values", reporter).body().get(0).get("value").asInt())
			.isEqualTo(1);
	}

	private static String status(ApiClient.Response response) {
		assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(200);
		return response.body().get("status").asString();
	}

	private static Map<String, Object> line(String location, String sex, int value) {
		return Map.of("indicator", "SO2-TS-01", "location", location, "populationGroup", "returnee", "disaggregation",
				Map.of("sex", sex), "value", value);
	}

	private static String newOrganisation(ApiClient api) {
		String code = "P-" + UUID.randomUUID().toString().substring(0, 6);
		String admin = api.token("admin", HululIntegrationTest.ADMIN_PASSWORD);
		assertThat(api
			.post("/api/v1/organisations", admin,
					Map.of("code", code, "name", "Reporting test partner", "type", "NATIONAL_NGO"))
			.status()).isEqualTo(201);
		return code;
	}

	private String token(ApiClient api, Role role, String organisation) {
		String username = "rep-" + role.name().toLowerCase().replace('_', '-') + "-"
				+ UUID.randomUUID().toString().substring(0, 6);
		this.accounts.create(new NewUser(username, null, PASSWORD, role, organisation, false, false));
		return api.token(username, PASSWORD);
	}

}
