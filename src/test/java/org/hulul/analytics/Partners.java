package org.hulul.analytics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hulul.ApiClient;
import org.hulul.HululIntegrationTest;
import org.hulul.platform.Role;
import org.hulul.platform.UserAccounts;
import org.hulul.platform.UserAccounts.NewUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partners for the analytics tests: organisations and users made for one test, and their
 * reports written, submitted and approved over the API as a partner's would be.
 */
public final class Partners {

	static final String PASSWORD = "analytics-test-password";

	private final ApiClient api;

	private final UserAccounts accounts;

	private final String reviewer;

	private final Map<Long, String> reporters = new HashMap<>();

	public Partners(ApiClient api, UserAccounts accounts) {
		this.api = api;
		this.accounts = accounts;
		this.reviewer = token(Role.REVIEWER, "IOM");
	}

	public String reviewer() {
		return this.reviewer;
	}

	/** A new organisation of the type, with the programming given; its code. */
	public String organisation(String type, String... programming) {
		String code = "AN-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		String admin = this.api.token("admin", HululIntegrationTest.ADMIN_PASSWORD);
		ApiClient.Response created = this.api.post("/api/v1/organisations", admin, Map.of("code", code, "name",
				"Analytics test partner " + code, "type", type, "programming", List.of(programming)));
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return code;
	}

	/** A token of a new user of the role in the organisation. */
	public String token(Role role, String organisation) {
		String username = "an-" + role.name().toLowerCase().replace('_', '-') + "-"
				+ UUID.randomUUID().toString().substring(0, 6);
		this.accounts.create(new NewUser(username, null, PASSWORD, role, organisation, false, false));
		return this.api.token(username, PASSWORD);
	}

	/** A report of the organisation for the quarter with the lines, saved as a draft. */
	public long report(String reporter, String organisation, String period, List<Map<String, Object>> lines) {
		long id = this.api.post("/api/v1/reports", reporter, Map.of("organisation", organisation, "period", period))
			.body()
			.get("id")
			.asLong();
		ApiClient.Response saved = this.api.put("/api/v1/reports/" + id + "/values", reporter, lines);
		assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
		this.reporters.put(id, reporter);
		return id;
	}

	public void submit(long id) {
		ApiClient.Response submitted = this.api.post("/api/v1/reports/" + id + "/submit", this.reporters.get(id),
				Map.of("acknowledgeWarnings", true));
		assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(200);
	}

	public void approve(long id) {
		submit(id);
		assertThat(this.api.post("/api/v1/reports/" + id + "/approve", this.reviewer, Map.of()).status())
			.isEqualTo(200);
	}

	/** Writes, submits and approves a report in one go; its id. */
	public long approved(String organisation, String period, List<Map<String, Object>> lines) {
		long id = report(token(Role.REPORTER, organisation), organisation, period, lines);
		approve(id);
		return id;
	}

	public static Map<String, Object> line(String indicator, String location, Map<String, String> breakdown,
			int value) {
		return new HashMap<>(Map.of("indicator", indicator, "location", location, "populationGroup", "returnee",
				"disaggregation", breakdown, "value", value));
	}

	public static Map<String, Object> line(String indicator, String location, int value) {
		return line(indicator, location, Map.of(), value);
	}

	public static Map<String, Object> ratio(String location, int numerator, int denominator) {
		return Map.of("indicator", "SO4-EDU-01", "location", location, "populationGroup", "returnee", "numerator",
				numerator, "denominator", denominator);
	}

}
