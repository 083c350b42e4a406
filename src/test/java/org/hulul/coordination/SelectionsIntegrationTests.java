package org.hulul.coordination;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hulul.ApiClient;
import org.hulul.HululIntegrationTest;
import org.hulul.analytics.Partners;
import org.hulul.platform.Role;
import org.hulul.platform.UserAccounts;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hulul.db.Tables.AUDIT_EVENT;
import static org.hulul.db.Tables.SELECTION;

/**
 * Selections from the call for expressions of interest to the DSTF's endorsement: who may
 * apply and vote, one secret ballot per member organisation, the count, a tie left to the
 * endorsement, and the membership the result changes.
 */
@HululIntegrationTest
class SelectionsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Autowired
	DSLContext db;

	@Autowired
	MockMvc mvc;

	private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Baghdad"));

	@Test
	void anElectionForDstwgSeatsRunsFromTheCallToTheEndorsementThatSeatsTheChosen() throws Exception {
		ApiClient api = new ApiClient(this.port);
		Partners partners = new Partners(api, this.accounts);
		String secretariat = partners.token(Role.SECRETARIAT, "OCHA");
		String viewer = partners.token(Role.VIEWER, "UNHCR");
		String first = partners.organisation("NATIONAL_NGO", "RECOVERY");
		String second = partners.organisation("INTERNATIONAL_NGO", "DEVELOPMENT");
		String third = partners.organisation("NATIONAL_NGO", "PEACEBUILDING");
		String agency = partners.organisation("UN_AGENCY", "DEVELOPMENT");
		LocalDate termStart = this.today.plusMonths(1);
		Map<String, Object> call = new LinkedHashMap<>(Map.of("kind", "SEATS", "category", "NGO", "places", 2,
				"deadline", this.today.toString(), "termStart", termStart.toString(), "termEnd",
				termStart.plusYears(2).minusDays(1).toString(), "purpose", "Two NGO seats for the next two years"));

		// only the secretariat opens a call; a bad one says what is wrong, field by field
		assertThat(api.post("/api/v1/bodies/DSTWG/selections", viewer, call).status()).isEqualTo(403);
		assertThat(api.post("/api/v1/bodies/DSTWG/selections", partners.token(Role.REPORTER, first), call).status())
			.isEqualTo(403);
		ApiClient.Response bad = api.post("/api/v1/bodies/DSTWG/selections", secretariat,
				Map.of("kind", "SEATS", "places", 30, "deadline", this.today.minusDays(1).toString()));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(fields(bad.body())).contains("category", "places", "deadline", "termStart");
		ApiClient.Response opened = api.post("/api/v1/bodies/DSTWG/selections", secretariat, call);
		assertThat(opened.status()).as(opened.body().toString()).isEqualTo(201);
		long id = opened.body().get("id").asLong();
		assertThat(opened.body().get("status").asString()).isEqualTo("CALL");

		// organisations apply for themselves, each once, each fit for the seats
		String firstReporter = partners.token(Role.REPORTER, first);
		Map<String, Object> application = Map.of("representative", "Durable solutions manager", "alternate",
				"Programme officer", "statement", "Funded return and recovery programming in Ninewa");
		assertThat(api.post(path(id, "applications"), firstReporter, application).status()).isEqualTo(201);
		ApiClient.Response twice = api.post(path(id, "applications"), firstReporter, application);
		assertThat(twice.status()).isEqualTo(400);
		assertThat(twice.body().toString()).contains("has applied already");
		ApiClient.Response unfit = api.post(path(id, "applications"), partners.token(Role.REPORTER, agency),
				application);
		assertThat(unfit.status()).isEqualTo(400);
		assertThat(unfit.body().toString()).contains(agency + " is not an organisation that may hold the seats");
		assertThat(api.post(path(id, "applications"), viewer, application).status()).isEqualTo(403);
		assertThat(
				api.post(path(id, "applications"), firstReporter, Map.of("organisation", second, "representative", "x"))
					.status())
			.isEqualTo(403);
		assertThat(api.post(path(id, "applications"), partners.token(Role.REPORTER, second), application).status())
			.isEqualTo(201);
		// the secretariat records an expression of interest sent by e-mail
		assertThat(api
			.post(path(id, "applications"), secretariat,
					Map.of("organisation", third, "representative", "Director", "alternate", "Deputy director"))
			.status()).isEqualTo(201);

		// the vote opens after the deadline only
		Map<String, Object> opening = Map.of("closes", this.today.plusDays(7).toString(), "version", 0);
		ApiClient.Response early = api.post(path(id, "vote"), secretariat, opening);
		assertThat(early.status()).isEqualTo(400);
		assertThat(early.body().toString()).contains("the vote opens after the deadline");
		this.db.update(SELECTION).set(SELECTION.DEADLINE, this.today.minusDays(1)).where(SELECTION.ID.eq(id)).execute();
		assertThat(api.post(path(id, "applications"), partners.token(Role.REPORTER, agency), application).status())
			.isEqualTo(400);
		assertThat(api.post(path(id, "vote"), viewer, opening).status()).isEqualTo(403);
		ApiClient.Response voting = api.post(path(id, "vote"), secretariat, opening);
		assertThat(voting.status()).as(voting.body().toString()).isEqualTo(200);
		assertThat(voting.body().get("status").asString()).isEqualTo("VOTING");

		// the electorate: the DSTWG's leads and seat holders, frozen; only the
		// secretariat sees who
		assertThat(api.get(path(id, "electorate"), viewer).status()).isEqualTo(403);
		List<String> electorate = new ArrayList<>();
		api.get(path(id, "electorate"), secretariat).body().properties().forEach((e) -> electorate.add(e.getKey()));
		assertThat(electorate).contains("IOM", "UNDP", "NRC").doesNotContain(first, second, third);
		assertThat(voting.body().get("electorate").asInt()).isEqualTo(electorate.size());

		// an applicant that is no member does not vote
		assertThat(api.post(path(id, "ballots"), firstReporter, Map.of("choices", List.of(first))).status())
			.isEqualTo(403);
		Map<String, String> voters = new HashMap<>();
		for (String member : electorate) {
			voters.put(member, partners.token(Role.VIEWER, member));
		}
		String iom = voters.get("IOM");
		ApiClient.Response tooMany = api.post(path(id, "ballots"), iom,
				Map.of("choices", List.of(first, second, third)));
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(tooMany.body().toString()).contains("Choose 1 to 2 applications, not 3.");
		assertThat(api.post(path(id, "ballots"), iom, Map.of("choices", List.of("UNDP"))).body().toString())
			.contains("UNDP did not apply.");
		assertThat(api.post(path(id, "ballots"), iom, Map.of("choices", List.of(first, second))).status())
			.isEqualTo(201);
		ApiClient.Response again = api.post(path(id, "ballots"), partners.token(Role.REPORTER, "IOM"),
				Map.of("choices", List.of(third)));
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.body().toString()).contains("one ballot each");
		// no count is shown, to anyone, before the vote is closed
		JsonNode during = api.get("/api/v1/selections/" + id, secretariat).body();
		during.get("applications").forEach((a) -> assertThat(a.get("votes").isNull()).isTrue());
		assertThat(during.get("voted").asInt()).isEqualTo(1);
		ApiClient.Response soon = api.post(path(id, "tally"), secretariat, Map.of("version", 1));
		assertThat(soon.status()).isEqualTo(400);
		assertThat(soon.body().toString()).contains("1 of " + electorate.size() + " members have voted");

		// every other member votes: the first for the first and the third, the rest for
		// the first two
		boolean thirdChosen = false;
		for (String member : electorate) {
			if (member.equals("IOM")) {
				continue;
			}
			List<String> choices = thirdChosen ? List.of(first, second) : List.of(first, third);
			thirdChosen = true;
			assertThat(api.post(path(id, "ballots"), voters.get(member), Map.of("choices", choices)).status())
				.isEqualTo(201);
		}
		ApiClient.Response counted = api.post(path(id, "tally"), secretariat, Map.of("version", 1));
		assertThat(counted.status()).as(counted.body().toString()).isEqualTo(200);
		Map<String, Integer> votes = new HashMap<>();
		List<String> chosen = new ArrayList<>();
		counted.body().get("applications").forEach((a) -> {
			votes.put(a.get("organisation").asString(), a.get("votes").asInt());
			if (a.get("chosen").asBoolean()) {
				chosen.add(a.get("organisation").asString());
			}
		});
		int n = electorate.size();
		assertThat(votes).containsEntry(first, n).containsEntry(second, n - 1).containsEntry(third, 1);
		assertThat(chosen).containsExactlyInAnyOrder(first, second);

		// what a member chose is kept nowhere, not even in the audit trail
		List<String> ballots = this.db.select(AUDIT_EVENT.AFTER_STATE)
			.from(AUDIT_EVENT)
			.where(AUDIT_EVENT.ENTITY_TYPE.eq("selection"))
			.and(AUDIT_EVENT.ENTITY_ID.eq(String.valueOf(id)))
			.and(AUDIT_EVENT.SUMMARY_KEY.eq("audit.summary.selectionBallot"))
			.fetch(AUDIT_EVENT.AFTER_STATE);
		assertThat(ballots).hasSize(n).allSatisfy((b) -> assertThat(b).doesNotContain(first, second, third));

		// the DSTF endorses (the secretariat records it); the chosen take their seats for
		// the term
		Map<String, Object> endorsement = new HashMap<>(Map.of("endorsed", true, "version", 2));
		assertThat(api.post(path(id, "endorsement"), iom, endorsement).status()).isEqualTo(403);
		endorsement.put("meeting", 999_999);
		ApiClient.Response noMeeting = api.post(path(id, "endorsement"), secretariat, endorsement);
		assertThat(noMeeting.status()).isEqualTo(400);
		assertThat(noMeeting.body().toString()).contains("DSTF has no meeting #999,999.");
		endorsement.remove("meeting");
		ApiClient.Response endorsed = api.post(path(id, "endorsement"), secretariat, endorsement);
		assertThat(endorsed.status()).as(endorsed.body().toString()).isEqualTo(200);
		assertThat(endorsed.body().get("status").asString()).isEqualTo("ENDORSED");
		Map<String, JsonNode> seats = new HashMap<>();
		api.get("/api/v1/bodies/DSTWG/membership", viewer)
			.body()
			.forEach((s) -> seats.put(s.get("organisation").asString(), s));
		assertThat(seats).containsKeys(first, second).doesNotContainKey(third);
		assertThat(seats.get(first).get("category").asString()).isEqualTo("NGO");
		assertThat(seats.get(first).get("representative").asString()).isEqualTo("Durable solutions manager");
		assertThat(seats.get(first).get("termStart").asString()).isEqualTo(termStart.toString());
		assertThat(api.post(path(id, "endorsement"), secretariat, endorsement).status()).isEqualTo(400);
		// the rotation: the day their terms end is in the DSTWG's calendar
		String reader = "sel-reader-" + UUID.randomUUID().toString().substring(0, 6);
		this.accounts
			.create(new UserAccounts.NewUser(reader, null, "selection-reader-pw", Role.VIEWER, "UNHCR", false, false));
		String feed = this.mvc
			.perform(MockMvcRequestBuilders.get("/coordination/DSTWG/meetings.ics")
				.with(SecurityMockMvcRequestPostProcessors.user(this.accounts.principal(reader).orElseThrow())))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(feed).contains("UID:rotation-DSTWG-" + termStart.plusYears(2).minusDays(1) + "@hulul")
			.contains(first)
			.contains(second);
	}

	@Test
	void aCoChairTiedAtTheCountIsChosenWithTheEndorsementAndTakesThePlaceOfTheOneSteppingDown() {
		ApiClient api = new ApiClient(this.port);
		Partners partners = new Partners(api, this.accounts);
		String secretariat = partners.token(Role.SECRETARIAT, "OCHA");
		String one = partners.organisation("INTERNATIONAL_NGO", "RECOVERY");
		String other = partners.organisation("NATIONAL_NGO", "RECOVERY");
		// a body without seats: its members are its leads and who attended its meetings
		// this year
		int number = 100 + (int) (Math.abs(UUID.randomUUID().getMostSignificantBits()) % 800_000);
		long meeting = api
			.post("/api/v1/bodies/MA-SG/meetings", secretariat,
					Map.of("number", number, "date", this.today.minusDays(10).toString()))
			.body()
			.get("id")
			.asLong();
		assertThat(api
			.put("/api/v1/meetings/" + meeting + "/attendance", secretariat,
					Map.of("organisations", List.of(one, other, "IOM"), "version", 0))
			.status()).isEqualTo(200);
		ApiClient.Response wrong = api.post("/api/v1/bodies/MA-SG/selections", secretariat,
				Map.of("kind", "CO_CHAIR", "places", 2, "deadline", this.today.toString(), "replaces", "UNDP"));
		assertThat(fields(wrong.body())).contains("places", "replaces");
		long id = api.post("/api/v1/bodies/MA-SG/selections", secretariat, Map.of("kind", "CO_CHAIR", "deadline",
				this.today.toString(), "replaces", "REACH", "purpose", "REACH steps down as co-chair of the subgroup"))
			.body()
			.get("id")
			.asLong();
		assertThat(api.post(path(id, "applications"), partners.token(Role.REPORTER, one), Map.of()).status())
			.isEqualTo(201);
		assertThat(api.post(path(id, "applications"), partners.token(Role.REPORTER, other), Map.of()).status())
			.isEqualTo(201);
		this.db.update(SELECTION).set(SELECTION.DEADLINE, this.today.minusDays(1)).where(SELECTION.ID.eq(id)).execute();
		ApiClient.Response voting = api.post(path(id, "vote"), secretariat,
				Map.of("closes", this.today.toString(), "version", 0));
		assertThat(voting.status()).as(voting.body().toString()).isEqualTo(200);
		List<String> electorate = new ArrayList<>();
		api.get(path(id, "electorate"), secretariat).body().properties().forEach((e) -> electorate.add(e.getKey()));
		assertThat(electorate).contains("IOM", "REACH", one, other);
		// half for one, half for the other: a tie (an odd electorate abstains once)
		for (int i = 0; i < electorate.size() - electorate.size() % 2; i++) {
			String ballot = (i % 2 == 0) ? one : other;
			assertThat(api
				.post(path(id, "ballots"), partners.token(Role.VIEWER, electorate.get(i)),
						Map.of("choices", List.of(ballot)))
				.status()).isEqualTo(201);
		}
		if (electorate.size() % 2 == 1) {
			// the vote closes at the end of its last day: counted early only when all
			// voted
			this.db.update(SELECTION)
				.set(SELECTION.VOTING_CLOSES, this.today.minusDays(1))
				.where(SELECTION.ID.eq(id))
				.execute();
		}
		JsonNode counted = api.post(path(id, "tally"), secretariat, Map.of("version", 1)).body();
		assertThat(counted.get("status").asString()).as(counted.toString()).isEqualTo("TALLIED");
		counted.get("applications").forEach((a) -> assertThat(a.get("chosen").asBoolean()).isFalse());
		ApiClient.Response unnamed = api.post(path(id, "endorsement"), secretariat,
				Map.of("endorsed", true, "version", 2));
		assertThat(unnamed.status()).isEqualTo(400);
		assertThat(unnamed.body().toString()).contains("the count left a tie");
		ApiClient.Response endorsed = api.post(path(id, "endorsement"), secretariat,
				Map.of("endorsed", true, "chosen", List.of(other), "version", 2));
		assertThat(endorsed.status()).as(endorsed.body().toString()).isEqualTo(200);
		JsonNode leads = api.get("/api/v1/bodies/MA-SG", secretariat).body().get("leads");
		List<String> heads = new ArrayList<>();
		leads.forEach((l) -> heads.add(l.get("organisation").asString() + ":" + l.get("role").asString()));
		assertThat(heads).contains("IOM:CO_CHAIR", other + ":CO_CHAIR").doesNotContain("REACH:CO_CHAIR");
	}

	private static String path(long id, String step) {
		return "/api/v1/selections/" + id + "/" + step;
	}

	private static List<String> fields(JsonNode problem) {
		List<String> fields = new ArrayList<>();
		problem.get("errors").forEach((e) -> fields.add(e.get("field").asString()));
		return fields;
	}

}
