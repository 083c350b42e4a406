package org.hulul.exchange;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hulul.ApiClient;
import org.hulul.HululIntegrationTest;
import org.hulul.platform.Role;
import org.hulul.platform.UserAccounts;
import org.hulul.platform.UserAccounts.NewUser;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new partner's report of the quarter with three lines (SO2-TS-01 at Sinjar centre by
 * sex, one with a formula-like comment; a ratio SO4-EDU-01 at Mosul), its reporter, and
 * what the exchange tests ask of it over the API.
 */
final class ReportWithLines {

	static final String PASSWORD = "exchange-test-password";

	final ApiClient api;

	final UserAccounts accounts;

	final String partner;

	final String reporter;

	final long report;

	ReportWithLines(ApiClient api, UserAccounts accounts, String period) {
		this.api = api;
		this.accounts = accounts;
		this.partner = "X-" + UUID.randomUUID().toString().substring(0, 6);
		String admin = api.token("admin", HululIntegrationTest.ADMIN_PASSWORD);
		api.post("/api/v1/organisations", admin,
				Map.of("code", this.partner, "name", "Exchange test partner", "type", "NATIONAL_NGO"));
		this.reporter = token(Role.REPORTER, this.partner);
		this.report = api.post("/api/v1/reports", this.reporter, Map.of("organisation", this.partner, "period", period))
			.body()
			.get("id")
			.asLong();
		assertThat(api.put(values(), this.reporter,
				List.of(Map.of("indicator", "SO2-TS-01", "location", "IQG15Q07N03", "populationGroup", "returnee",
						"disaggregation", Map.of("sex", "female"), "value", 12, "comment", "=HYPERLINK(\"x\")"),
						Map.of("indicator", "SO2-TS-01", "location", "IQG15Q07N03", "populationGroup", "returnee",
								"disaggregation", Map.of("sex", "male"), "value", 10),
						Map.of("indicator", "SO4-EDU-01", "location", "IQG15Q05", "populationGroup", "returnee",
								"numerator", 40, "denominator", 50)))
			.status()).isEqualTo(200);
	}

	/** Uploads a file into the report as its reporter; the import's answer. */
	JsonNode upload(String name, byte[] content, boolean dryRun) {
		return this.api
			.upload("/api/v1/imports", this.reporter,
					Map.of("report", String.valueOf(this.report), "dryRun", String.valueOf(dryRun)), name, content)
			.body();
	}

	/** An import's counts on one line. */
	static String counts(JsonNode result) {
		return "rows=" + result.get("rows").asInt() + " imported=" + result.get("imported").asInt() + " updated="
				+ result.get("updated").asInt() + " ignored=" + result.get("ignored").asInt() + " deleted="
				+ result.get("deleted").asInt() + " saved=" + result.get("saved").asBoolean();
	}

	/** The report's lines as "indicator location breakdown=value". */
	List<String> lines() {
		return this.api.get(values(), this.reporter).body().valueStream().map((l) -> {
			StringBuilder breakdown = new StringBuilder();
			l.get("disaggregation")
				.properties()
				.forEach((e) -> breakdown.append(e.getKey()).append('=').append(e.getValue().asString()));
			String value = l.get("value").isNull() ? plain(l.get("numerator")) + "/" + plain(l.get("denominator"))
					: plain(l.get("value"));
			return l.get("indicator").asString() + " " + l.get("location").asString() + " " + breakdown + "=" + value;
		}).toList();
	}

	/** How many value changes the report's history has. */
	int history() {
		return (int) this.api.get("/api/v1/reports/" + this.report + "/history", this.reporter)
			.body()
			.valueStream()
			.filter((e) -> e.get("kind").asString().equals("VALUE"))
			.count();
	}

	String values() {
		return "/api/v1/reports/" + this.report + "/values";
	}

	/** A new user with the role and organisation, signed in over the API. */
	String token(Role role, String organisation) {
		String username = "ex-" + role.name().toLowerCase().replace('_', '-') + "-"
				+ UUID.randomUUID().toString().substring(0, 6);
		this.accounts.create(new NewUser(username, null, PASSWORD, role, organisation, false, false));
		return this.api.token(username, PASSWORD);
	}

	private static String plain(JsonNode number) {
		return number.decimalValue().stripTrailingZeros().toPlainString();
	}

}
