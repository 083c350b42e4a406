package org.hulul.coordination;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
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
 * The bodies as the terms of reference draw them, the DSTWG's membership checked against
 * them, and meetings of the HLP subgroup whose open action points carry over with their
 * counts; who may do what.
 */
@HululIntegrationTest
class CoordinationIntegrationTests {

	static final String PASSWORD = "coordination-test-pw";

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Autowired
	org.springframework.test.web.servlet.MockMvc mvc;

	@Test
	void theBodiesAndTheDstwgMembershipCheckedAgainstTheTermsOfReference() {
		ApiClient api = new ApiClient(this.port);
		String viewer = api.token(user(Role.VIEWER, "OCHA"), PASSWORD);
		Map<String, JsonNode> bodies = new HashMap<>();
		api.get("/api/v1/bodies", viewer).body().forEach((b) -> bodies.put(b.get("code").asString(), b));
		assertThat(bodies).containsKeys("DSTF", "DSTWG", "RWG", "MA-SG", "HLP-SG", "FM-TG");
		assertThat(bodies.get("DSTWG").get("reportsTo").asString()).isEqualTo("DSTF");
		assertThat(bodies.get("DSTWG").get("seats").asInt()).isEqualTo(24);
		assertThat(bodies.get("DSTWG").get("leads").toString()).contains("IOM", "UNDP", "NRC");
		assertThat(bodies.get("MA-SG").get("reportsTo").asString()).isEqualTo("DSTWG");
		assertThat(bodies.get("FM-TG").get("kind").asString()).isEqualTo("TASK_GROUP");

		String secretariat = api.token(user(Role.SECRETARIAT, "OCHA"), PASSWORD);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Baghdad"));
		Map<String, Object> seat = new HashMap<>(Map.of("category", "UN_AGENCY", "organisation", "IOM",
				"representative", "Head of durable solutions", "alternate", "Deputy", "termStart",
				today.minusMonths(1).toString(), "termEnd", today.plusYears(2).minusMonths(1).toString()));
		assertThat(api.post("/api/v1/bodies/DSTWG/membership", viewer, seat).status()).isEqualTo(403);
		assertThat(api
			.post("/api/v1/bodies/DSTWG/membership", api.token(user(Role.AREA_COORDINATOR, "IOM"), PASSWORD), seat)
			.status()).isEqualTo(403);
		ApiClient.Response bad = api.post("/api/v1/bodies/DSTWG/membership", secretariat, Map.of("category", "DONORS",
				"organisation", "NOPE", "termStart", "2026-13-01", "termEnd", "2020-01-01"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(fields(bad.body())).contains("category", "organisation", "termStart");
		ApiClient.Response added = api.post("/api/v1/bodies/DSTWG/membership", secretariat, seat);
		assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
		seat.put("organisation", "UNDP");
		seat.remove("alternate");
		long undp = api.post("/api/v1/bodies/DSTWG/membership", secretariat, seat).body().get("id").asLong();
		// an NGO on a UN seat
		seat.put("organisation", "NRC");
		seat.put("alternate", "Deputy");
		api.post("/api/v1/bodies/DSTWG/membership", secretariat, seat);

		JsonNode check = api.get("/api/v1/bodies/DSTWG/membership/check", viewer, "en").body();
		assertThat(check.get("valid").asBoolean()).isFalse();
		List<String> rules = new ArrayList<>();
		check.get("violations").forEach((v) -> rules.add(v.get("rule").asString()));
		assertThat(rules).contains("UN_PROGRAMMING", "NGO_PROGRAMMING", "NGO_NATIONAL", "ALTERNATE", "HOLDER_TYPE");
		assertThat(check.toString()).contains("UNDP's seat has no alternate")
			.contains("NRC (International NGO) cannot hold a seat of UN agencies")
			.contains("National NGOs holding seats: ")
			.contains("; the terms of reference ask for at least 2.");
		JsonNode arabic = api.get("/api/v1/bodies/DSTWG/membership/check", viewer, "ar").body();
		assertThat(arabic.toString()).contains("ليس لمقعد UNDP بديل");

		// a stale change refused; a fresh one saved
		seat.put("organisation", "UNDP");
		seat.put("version", 1);
		assertThat(api.put("/api/v1/bodies/DSTWG/membership/" + undp, secretariat, seat).status()).isEqualTo(409);
		seat.put("version", 0);
		assertThat(api.put("/api/v1/bodies/DSTWG/membership/" + undp, secretariat, seat).status()).isEqualTo(200);
		check = api.get("/api/v1/bodies/DSTWG/membership/check", viewer).body();
		assertThat(check.toString()).doesNotContain("UNDP's seat has no alternate");
	}

	@Test
	void openActionPointsCarryOverToTheNextMeetingsWithTheirCounts() {
		ApiClient api = new ApiClient(this.port);
		String secretariat = api.token(user(Role.SECRETARIAT, "OCHA"), PASSWORD);
		String viewer = api.token(user(Role.VIEWER, "UNHCR"), PASSWORD);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Baghdad"));
		int base = 100 + (int) (Math.abs(UUID.randomUUID().getMostSignificantBits()) % 800_000);
		assertThat(api.post("/api/v1/bodies/HLP-SG/meetings", viewer, Map.of("number", base, "date", today.toString()))
			.status()).isEqualTo(403);
		ApiClient.Response first = api.post("/api/v1/bodies/HLP-SG/meetings", secretariat,
				Map.of("number", base, "date", today.minusDays(14).toString()));
		assertThat(first.status()).as(first.body().toString()).isEqualTo(201);
		long one = first.body().get("id").asLong();
		assertThat(api
			.post("/api/v1/bodies/HLP-SG/meetings", secretariat, Map.of("number", base, "date", today.toString()))
			.status()).isEqualTo(400);
		assertThat(api
			.post("/api/v1/meetings/" + one + "/agenda", secretariat,
					Map.of("title", "Impact fact sheet", "minutes", 20, "presenter", "NRC", "version", 0))
			.body()
			.get("agenda")).hasSize(1);
		JsonNode twoItems = api
			.post("/api/v1/meetings/" + one + "/agenda", secretariat,
					Map.of("title", "AOB", "minutes", 5, "version", 1))
			.body();
		long aob = twoItems.get("agenda").get(1).get("id").asLong();
		assertThat(api.delete("/api/v1/meetings/" + one + "/agenda/" + aob + "?version=2", viewer).status())
			.isEqualTo(403);
		assertThat(api.delete("/api/v1/meetings/" + one + "/agenda/" + aob + "?version=1", secretariat).status())
			.isEqualTo(409);
		assertThat(api.delete("/api/v1/meetings/" + one + "/agenda/" + aob + "?version=2", secretariat)
			.body()
			.get("agenda")).hasSize(1);

		ApiClient.Response raised = api.post("/api/v1/meetings/" + one + "/action-points", secretariat,
				Map.of("text", "Share the impact fact sheet", "owner", "UNHCR", "due", today.minusDays(1).toString()));
		assertThat(raised.status()).as(raised.body().toString()).isEqualTo(201);
		long factSheet = raised.body().get("id").asLong();
		long committees = api
			.post("/api/v1/meetings/" + one + "/action-points", secretariat,
					Map.of("text", "Share the committee meetings", "owner", "RCO"))
			.body()
			.get("id")
			.asLong();
		assertThat(
				api.post("/api/v1/meetings/" + one + "/action-points", secretariat, Map.of("owner", "NOPE")).status())
			.isEqualTo(400);

		// the owner's people move their action point on; others may not
		assertThat(api.patch("/api/v1/action-points/" + committees, viewer, Map.of("status", "COMPLETED")).status())
			.isEqualTo(403);
		assertThat(api.patch("/api/v1/action-points/" + factSheet, viewer, Map.of("status", "IN_PROGRESS"))
			.body()
			.get("status")
			.asString()).isEqualTo("IN_PROGRESS");
		assertThat(api.patch("/api/v1/action-points/" + factSheet, viewer, Map.of("status", "LATER")).status())
			.isEqualTo(400);
		assertThat(api.get("/api/v1/action-points?overdue=true&owner=UNHCR", viewer).body().toString())
			.contains("Share the impact fact sheet");

		long two = api
			.post("/api/v1/bodies/HLP-SG/meetings", secretariat,
					Map.of("number", base + 1, "date", today.minusDays(7).toString()))
			.body()
			.get("id")
			.asLong();
		JsonNode meeting = api.get("/api/v1/meetings/" + two, viewer).body();
		assertThat(meeting.get("actionPoints")).isEmpty();
		assertThat(carried(meeting)).containsEntry(factSheet, "IN_PROGRESS 1").containsEntry(committees, "PENDING 1");

		assertThat(
				api.patch("/api/v1/action-points/" + committees, secretariat, Map.of("status", "COMPLETED")).status())
			.isEqualTo(200);
		long three = api.post("/api/v1/bodies/HLP-SG/meetings", secretariat, Map.of("date", today.toString()))
			.body()
			.get("id")
			.asLong();
		meeting = api.get("/api/v1/meetings/" + three, viewer).body();
		assertThat(meeting.get("number").asInt()).isEqualTo(base + 2);
		// still open: carried a second time; closed since the meeting before: listed once
		// more, as completed
		assertThat(carried(meeting)).containsEntry(factSheet, "IN_PROGRESS 2").containsEntry(committees, "COMPLETED 2");
		// both closed on the day of the third meeting, so reported there: the fourth has
		// none
		api.patch("/api/v1/action-points/" + factSheet, viewer, Map.of("status", "COMPLETED"));
		long four = api
			.post("/api/v1/bodies/HLP-SG/meetings", secretariat, Map.of("date", today.plusDays(7).toString()))
			.body()
			.get("id")
			.asLong();
		assertThat(carried(api.get("/api/v1/meetings/" + four, viewer).body())).isEmpty();
	}

	@Test
	void anAreaGroupIsABodyWhoseCoordinatorsRunItsMeetings() throws Exception {
		ApiClient api = new ApiClient(this.port);
		String secretariat = api.token(user(Role.SECRETARIAT, "OCHA"), PASSWORD);
		String coordinatorName = user(Role.AREA_COORDINATOR, "IOM");
		String code = "GRP-" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
		assertThat(api.post("/api/v1/areas", secretariat,
				Map.of("code", code, "name", "Sinjar ABC", "type", "ABC", "locations", List.of("IQG15Q07"),
						"coordinators", List.of(coordinatorName), "roles",
						List.of(Map.of("role", "GOVERNMENT_CO_CHAIR", "organisation", "GRC"),
								Map.of("role", "INTERNATIONAL_CO_CHAIR", "organisation", "IOM"))))
			.status()).isEqualTo(201);
		String coordinator = api.token(coordinatorName, PASSWORD);
		JsonNode body = api.get("/api/v1/bodies/" + code, coordinator).body();
		assertThat(body.get("kind").asString()).isEqualTo("AREA_GROUP");
		assertThat(body.get("reportsTo").asString()).isEqualTo("DSTWG");
		assertThat(body.get("leads").toString()).contains("GRC", "IOM", "CO_CHAIR");
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Baghdad"));
		assertThat(api.post("/api/v1/bodies/DSTWG/meetings", coordinator, Map.of("date", today.toString())).status())
			.isEqualTo(403);
		ApiClient.Response meeting = api.post("/api/v1/bodies/" + code + "/meetings", coordinator,
				Map.of("date", today.toString(), "startsAt", "10:30", "place", "Sinuni"));
		assertThat(meeting.status()).as(meeting.body().toString()).isEqualTo(201);
		assertThat(meeting.body().get("number").asInt()).isEqualTo(1);
		// publishing the agenda tells the people of the group's co-chairs
		long held = meeting.body().get("id").asLong();
		String grcViewer = api.token(user(Role.VIEWER, "GRC"), PASSWORD);
		String unhcrViewer = viewerOf("UNHCR", api);
		JsonNode withItem = api
			.post("/api/v1/meetings/" + held + "/agenda", coordinator,
					Map.of("title", "Returns to Sinjar", "minutes", 30, "version", 0))
			.body();
		assertThat(api
			.post("/api/v1/meetings/" + held + "/publish", coordinator,
					Map.of("version", withItem.get("version").asInt()))
			.status()).isEqualTo(200);
		assertThat(api.get("/api/v1/notifications", grcViewer, "en").body().toString()).contains("/meetings/" + held)
			.contains(code + " #1");
		assertThat(api.get("/api/v1/notifications", unhcrViewer, "en").body().toString())
			.doesNotContain("/meetings/" + held);
		// the area page lists its group's meetings
		jakarta.servlet.http.Cookie session = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
				.param("username", coordinatorName)
				.param("password", PASSWORD))
			.andReturn()
			.getResponse()
			.getCookie("HULUL_SESSION");
		String page = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/areas/" + code)
				.cookie(session))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains(code + " #1").contains("/meetings/" + meeting.body().get("id").asLong());
		// and the calendar feeds have it
		String feed = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.get("/coordination/" + code + "/meetings.ics")
				.cookie(session))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(feed).startsWith("BEGIN:VCALENDAR")
			.contains("SUMMARY:" + code + " #1")
			.contains("UID:meeting-" + meeting.body().get("id").asLong() + "@hulul")
			.contains("DTSTART:" + today.toString().replace("-", "") + "T073000Z") // 10:30
																					// in
																					// Baghdad
			.contains("LOCATION:Sinuni");
		assertThat(this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/meetings.ics")
				.cookie(session))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("SUMMARY:" + code + " #1");
		String other = api.token(user(Role.AREA_COORDINATOR, "IOM"), PASSWORD);
		assertThat(api.post("/api/v1/bodies/" + code + "/meetings", other, Map.of("date", today.toString())).status())
			.isEqualTo(403);
		// renamed with the area
		JsonNode area = api.get("/api/v1/areas/" + code, secretariat).body();
		Map<String, Object> change = new HashMap<>(Map.of("name", "Sinjar and Duhok ABC", "type", "ABC", "locations",
				List.of("IQG15Q07", "IQG09Q02"), "version", area.get("version").asInt()));
		assertThat(api.put("/api/v1/areas/" + code, secretariat, change).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/bodies/" + code, coordinator).body().get("nameEn").asString())
			.isEqualTo("Sinjar and Duhok ABC");
	}

	private String viewerOf(String organisation, ApiClient api) {
		return api.token(user(Role.VIEWER, organisation), PASSWORD);
	}

	private static Map<Long, String> carried(JsonNode meeting) {
		Map<Long, String> carried = new HashMap<>();
		meeting.get("carriedOver")
			.forEach((a) -> carried.put(a.get("id").asLong(),
					a.get("status").asString() + " " + a.get("carriedOver").asInt()));
		return carried;
	}

	private static List<String> fields(JsonNode problem) {
		List<String> fields = new ArrayList<>();
		problem.get("errors").forEach((e) -> fields.add(e.get("field").asString()));
		return fields;
	}

	private String user(Role role, String organisation) {
		String username = "coord-" + role.name().toLowerCase().replace('_', '-') + "-"
				+ UUID.randomUUID().toString().substring(0, 6);
		this.accounts.create(new NewUser(username, null, PASSWORD, role, organisation, false, false));
		return username;
	}

}
