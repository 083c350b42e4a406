package org.hulul.areas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hulul.ApiClient;
import org.hulul.HululIntegrationTest;
import org.hulul.analytics.Partners;
import org.hulul.platform.Role;
import org.hulul.platform.UserAccounts;
import org.hulul.platform.UserAccounts.NewUser;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hulul.analytics.Partners.line;
import static org.hulul.db.Tables.AUDIT_EVENT;

/**
 * The implementation plan of a Plan of Action: activities checked against the framework,
 * the area and the organisations, every problem named; only the area's editors change
 * them; progress from the approved values at each activity's places in each target's
 * period (the year 2095 is this test's own).
 */
@HululIntegrationTest
class ActivitiesIntegrationTests {

	static final String PASSWORD = "activities-test-password";

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Autowired
	DSLContext db;

	@Autowired
	org.hulul.analytics.Presence presence;

	@Test
	void activitiesWithTargetsShowTheProgressOfApprovedReportsAtTheirPlaces() {
		ApiClient api = new ApiClient(this.port);
		Partners partners = new Partners(api, this.accounts);
		String secretariat = api.token(user(Role.SECRETARIAT, "OCHA"), PASSWORD);
		String coordinatorName = user(Role.AREA_COORDINATOR, "IOM");
		String code = "ACT-" + UUID.randomUUID().toString().substring(0, 4);
		assertThat(api
			.post("/api/v1/areas", secretariat,
					Map.of("code", code, "name", "Sinjar ABC", "type", "ABC", "locations",
							List.of("IQG15Q07", "IQG09Q02"), "coordinators", List.of(coordinatorName)))
			.status()).isEqualTo(201);
		String coordinator = api.token(coordinatorName, PASSWORD);
		long plan = api.post("/api/v1/areas/" + code + "/plans", coordinator, Map.of("title", "Sinjar plan"))
			.body()
			.get("id")
			.asLong();

		// every problem named by its field, nothing added
		Map<String, Object> bad = new HashMap<>();
		bad.put("objective", "SO9");
		bad.put("indicators", List.of("SO1-PPA-01", "NOPE-01"));
		bad.put("locations", List.of("IQG01", "IQX99"));
		bad.put("targets", List.of(Map.of("indicator", "SO2-HC-02", "period", "2095Q5", "value", -3)));
		bad.put("lead", "NO-SUCH-ORG");
		bad.put("start", "2095-06-01");
		bad.put("end", "2095-01-01");
		ApiClient.Response refused = api.post("/api/v1/plans/" + plan + "/activities", coordinator, bad);
		assertThat(refused.status()).as(refused.body().toString()).isEqualTo(400);
		assertThat(fields(refused.body())).contains("objective", "indicators[1]", "locations[0]", "locations[1]",
				"targets[0].indicator", "targets[0].period", "targets[0].value", "lead", "end");
		bad.put("objective", "SO1");
		bad.put("indicators", List.of("SO2-HC-02"));
		assertThat(fields(api.post("/api/v1/plans/" + plan + "/activities", coordinator, bad).body()))
			.contains("indicators[0]");
		assertThat(api.get("/api/v1/plans/" + plan + "/activities", coordinator).body()).isEmpty();
		assertThat(api.get("/api/v1/plans/" + plan, coordinator).body().get("version").asInt()).isZero();

		// only the area's editors add activities
		Map<String, Object> activity = Map.of("objective", "SO1", "title", "Peaceful coexistence dialogues",
				"indicators", List.of("SO1-PPA-01"), "locations", List.of("IQG15Q07N03"), "targets",
				List.of(Map.of("indicator", "SO1-PPA-01", "period", "2095Q1", "value", 40),
						Map.of("indicator", "SO1-PPA-01", "period", "2095", "value", "100")),
				"lead", "IOM", "supporting", List.of("UNDP"), "start", "2095-01-01", "end", "2095-12-31");
		String otherCoordinator = api.token(user(Role.AREA_COORDINATOR, "IOM"), PASSWORD);
		for (String outsider : List.of(api.token(user(Role.VIEWER, "OCHA"), PASSWORD),
				api.token(user(Role.REPORTER, "IOM"), PASSWORD), api.token(user(Role.REVIEWER, "IOM"), PASSWORD),
				otherCoordinator)) {
			assertThat(api.post("/api/v1/plans/" + plan + "/activities", outsider, activity).status()).isEqualTo(403);
		}
		ApiClient.Response added = api.post("/api/v1/plans/" + plan + "/activities", coordinator, activity);
		assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
		long first = added.body().get("id").asLong();
		assertThat(added.body().get("lead").asString()).isEqualTo("IOM");
		assertThat(added.body().get("supporting").get(0).asString()).isEqualTo("UNDP");
		assertThat(added.body().get("status").asString()).isEqualTo("NOT_STARTED");
		// a second one over the whole area, its title from its indicator
		ApiClient.Response whole = api.post("/api/v1/plans/" + plan + "/activities", secretariat,
				Map.of("objective", "so1", "indicators", List.of("SO1-PPA-01"), "targets",
						List.of(Map.of("indicator", "SO1-PPA-01", "period", "2095", "value", "٢٠٠")), "lead", "UNDP",
						"governmentLeads", true, "version", 1));
		assertThat(whole.status()).as(whole.body().toString()).isEqualTo(201);
		assertThat(whole.body().get("titleEn").asString()).startsWith("#");
		assertThat(whole.body().get("targets").get(0).get("value").asDouble()).isEqualTo(200);
		// a rate: achieved from the sums of its numerators and denominators at its places
		assertThat(api.post("/api/v1/plans/" + plan + "/activities", coordinator,
				Map.of("objective", "SO4", "title", "Back to school", "indicators", List.of("SO4-EDU-01"), "locations",
						List.of("IQG15Q07N03", "IQG15Q07N01"), "targets",
						List.of(Map.of("indicator", "SO4-EDU-01", "period", "2095", "value", 50)), "lead", "UNICEF"))
			.status()).isEqualTo(201);

		JsonNode progress = api
			.get("/api/v1/plans/" + plan + "/progress", api.token(user(Role.VIEWER, "OCHA"), PASSWORD))
			.body();
		assertThat(target(progress.get("activities").get(0), "2095Q1").get("status").asString()).isEqualTo("NOT_DUE");

		// partners report in the area, at the activity's place and elsewhere; one outside
		// the area, one only submitted
		String partner = partners.organisation("NATIONAL_NGO", "HUMANITARIAN");
		partners.approved(partner, "2095Q1",
				List.of(line("SO1-PPA-01", "IQG15Q07N03", 30), line("SO1-PPA-01", "IQG15Q07N01", 50),
						line("SO1-PPA-01", "IQG09Q02N02", 7), line("SO1-PPA-01", "IQG01Q01N01", 1000),
						Partners.ratio("IQG15Q07N03", 40, 50), Partners.ratio("IQG15Q07N01", 10, 100),
						Partners.ratio("IQG01Q01N01", 99, 100)));
		String other = partners.organisation("UN_AGENCY", "DEVELOPMENT");
		partners.submit(partners.report(partners.token(Role.REPORTER, other), other, "2095Q1",
				List.of(line("SO1-PPA-01", "IQG15Q07N03", 500))));

		progress = api.get("/api/v1/plans/" + plan + "/progress", coordinator).body();
		JsonNode dialogues = progress.get("activities").get(0);
		assertThat(dialogues.get("id").asLong()).isEqualTo(first);
		JsonNode quarter = target(dialogues, "2095Q1");
		assertThat(quarter.get("target").asDouble()).isEqualTo(40);
		assertThat(quarter.get("achieved").asDouble()).isEqualTo(30); // its own place
																		// only
		assertThat(quarter.get("expected").asDouble()).isEqualTo(40);
		assertThat(quarter.get("status").asString()).isEqualTo("AMBER"); // 75 %
		JsonNode year = target(dialogues, "2095");
		assertThat(year.get("achieved").asDouble()).isEqualTo(30);
		assertThat(year.get("expected").asDouble()).isEqualTo(25); // one quarter of four
																	// due
		assertThat(year.get("status").asString()).isEqualTo("GREEN");
		assertThat(dialogues.get("status").asString()).isEqualTo("AMBER");
		JsonNode area = target(progress.get("activities").get(1), "2095");
		assertThat(area.get("achieved").asDouble()).isEqualTo(87); // Sinjar and Duhok
																	// districts
		JsonNode rate = target(progress.get("activities").get(2), "2095");
		assertThat(rate.get("achieved").asDouble()).isCloseTo(100.0 * 50 / 150, within(1e-9));
		assertThat(rate.get("expected").asDouble()).isEqualTo(50); // a rate is not pro
																	// rata
		assertThat(rate.get("status").asString()).isEqualTo("AMBER"); // 67 %
		// the plan as a whole: targets added, achieved over all the places once
		JsonNode overall = null;
		for (JsonNode line : progress.get("overall")) {
			if (line.get("period").asString().equals("2095") && line.get("indicator").asString().equals("SO1-PPA-01")) {
				overall = line;
			}
		}
		assertThat(overall.get("target").asDouble()).isEqualTo(300);
		assertThat(overall.get("achieved").asDouble()).isEqualTo(87);
		assertThat(progress.get("status").asString()).isEqualTo("AMBER");

		// who does what where: the places the plan works in with no partner active for
		// the objective are gaps
		org.hulul.platform.HululPrincipal viewer = this.accounts.principal(user(Role.VIEWER, "OCHA")).orElseThrow();
		List<org.hulul.analytics.Presence.Gap> gaps = this.presence
			.of(viewer,
					new org.hulul.analytics.Presence.Question(org.hulul.reporting.Period.parse("2095Q1"), 3, "IQG15Q07",
							2, java.util.Set.of(), java.util.Set.of()),
					java.util.Locale.ENGLISH)
			.gaps();
		assertThat(gaps).filteredOn((g) -> g.reasonKey().equals("who.gap.plan"))
			.extracting(org.hulul.analytics.Presence.Gap::pcode)
			.containsExactly("IQG15Q07N02"); // Markaz Sinjar and Al-Qairawan have
												// partners
		assertThat(gaps.get(0).objective()).isEqualTo("SO1");

		// status changes: a stale version refused; a dropped activity leaves the whole
		int version = api.get("/api/v1/plans/" + plan, coordinator).body().get("version").asInt();
		assertThat(api
			.patch("/api/v1/plans/" + plan + "/activities/" + first, coordinator,
					Map.of("status", "DROPPED", "version", version - 1))
			.status()).isEqualTo(409);
		assertThat(api
			.patch("/api/v1/plans/" + plan + "/activities/" + first, coordinator,
					Map.of("status", "SOMETIME", "version", version))
			.status()).isEqualTo(400);
		ApiClient.Response dropped = api.patch("/api/v1/plans/" + plan + "/activities/" + first, coordinator,
				Map.of("status", "DROPPED", "version", version));
		assertThat(dropped.status()).as(dropped.body().toString()).isEqualTo(200);
		progress = api.get("/api/v1/plans/" + plan + "/progress", coordinator).body();
		assertThat(progress.get("overall")).hasSize(2); // SO1-PPA-01 in 2095, SO4-EDU-01
														// in 2095
		assertThat(progress.get("overall").get(0).get("target").asDouble()).isEqualTo(200);
		assertThat(progress.get("overall").get(0).get("status").asString()).isEqualTo("GREEN");

		// changed as a whole, with the plan's version
		Map<String, Object> changed = new HashMap<>(activity);
		changed.put("status", "ON_TRACK");
		changed.put("version", version + 1);
		changed.put("targets", List.of(Map.of("indicator", "SO1-PPA-01", "period", "2095Q1", "value", 30)));
		ApiClient.Response put = api.put("/api/v1/plans/" + plan + "/activities/" + first, coordinator, changed);
		assertThat(put.status()).as(put.body().toString()).isEqualTo(200);
		assertThat(put.body().get("targets")).hasSize(1);
		assertThat(api.put("/api/v1/plans/" + plan + "/activities/" + first, coordinator, changed).status())
			.isEqualTo(409);
		progress = api.get("/api/v1/plans/" + plan + "/progress", coordinator).body();
		assertThat(target(progress.get("activities").get(0), "2095Q1").get("status").asString()).isEqualTo("GREEN");

		// audited
		List<String> audited = this.db.select(AUDIT_EVENT.SUMMARY_KEY)
			.from(AUDIT_EVENT)
			.where(AUDIT_EVENT.ENTITY_TYPE.eq(Plans.ENTITY).and(AUDIT_EVENT.ENTITY_ID.eq(Long.toString(plan))))
			.fetch(AUDIT_EVENT.SUMMARY_KEY);
		assertThat(audited).contains("audit.summary.activityAdded", "audit.summary.activityStatus",
				"audit.summary.activityChanged");
	}

	private static JsonNode target(JsonNode activity, String period) {
		for (JsonNode target : activity.get("targets")) {
			if (target.get("period").asString().equals(period)) {
				return target;
			}
		}
		throw new AssertionError("no target for " + period + " in " + activity);
	}

	private static List<String> fields(JsonNode problem) {
		List<String> fields = new ArrayList<>();
		problem.get("errors").forEach((e) -> fields.add(e.get("field").asString()));
		return fields;
	}

	private String user(Role role, String organisation) {
		String username = "act-" + role.name().toLowerCase().replace('_', '-') + "-"
				+ UUID.randomUUID().toString().substring(0, 6);
		this.accounts.create(new NewUser(username, null, PASSWORD, role, organisation, false, false));
		return username;
	}

}
