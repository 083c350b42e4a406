package org.hulul.coordination;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.hulul.db.Tables.DOCUMENT_ROUND;

/**
 * The library and a review round of a framework draft as the operational framework's next
 * steps describe it: sections assigned to reviewing organisations, comments until the
 * deadline, each resolved, then the draft submitted to the DSTF; technical guidelines
 * classified as the minutes agreed; who may do what.
 */
@HululIntegrationTest
class LibraryIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Autowired
	DSLContext db;

	private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Baghdad"));

	@Test
	void aFrameworkDraftIsReviewedSectionBySectionAndSubmittedToTheDstf() {
		ApiClient api = new ApiClient(this.port);
		Partners partners = new Partners(api, this.accounts);
		String secretariat = partners.token(Role.SECRETARIAT, "OCHA");
		String viewer = partners.token(Role.VIEWER, "UNHCR");
		String nrc = partners.token(Role.REPORTER, "NRC");
		String title = "Operational framework draft " + UUID.randomUUID().toString().substring(0, 6);
		Map<String, Object> draft = Map.of("title", title, "kind", "FRAMEWORK", "body", "DSTWG", "objectives",
				List.of("SO2", "SO1"), "link", "https://example.org/framework-draft");
		assertThat(api.post("/api/v1/documents", viewer, draft).status()).isEqualTo(403);
		assertThat(api.post("/api/v1/documents", nrc, draft).status()).isEqualTo(403);
		ApiClient.Response bad = api.post("/api/v1/documents", secretariat, Map.of("kind", "MEMO", "body", "NOPE",
				"objectives", List.of("SO9"), "link", "not a link", "classification", "APPLIES"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(fields(bad.body())).contains("title", "kind", "body", "objectives[0]", "link");
		ApiClient.Response added = api.post("/api/v1/documents", secretariat, draft);
		assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
		long id = added.body().get("id").asLong();
		assertThat(added.body().get("objectives").toString()).isEqualTo("[\"SO1\",\"SO2\"]");

		// a round: the whole document to everyone, technical sections to volunteers
		ApiClient.Response noSections = api.post("/api/v1/documents/" + id + "/rounds", secretariat,
				Map.of("deadline", this.today.plusDays(7).toString(), "sections",
						List.of(Map.of("title", "Housing / HLP", "organisation", "NOPE"))));
		assertThat(noSections.status()).isEqualTo(400);
		assertThat(noSections.body().toString()).contains("Section 1: there is no organisation with the code");
		assertThat(api
			.post("/api/v1/documents/" + id + "/rounds", nrc,
					Map.of("deadline", this.today.plusDays(7).toString(), "sections", List.of(Map.of("title", "All"))))
			.status()).isEqualTo(403);
		JsonNode round = api
			.post("/api/v1/documents/" + id + "/rounds", secretariat,
					Map.of("deadline", this.today.toString(), "sections",
							List.of(Map.of("title", "The document in general"),
									Map.of("title", "Housing / HLP", "organisation", "NRC"),
									Map.of("title", "Livelihoods", "organisation", "UNDP"))))
			.body()
			.get("rounds")
			.get(0);
		assertThat(round.get("sections")).hasSize(3);
		long general = round.get("sections").get(0).get("id").asLong();
		long housing = round.get("sections").get(1).get("id").asLong();
		assertThat(round.get("sections").get(1).get("organisation").asString()).isEqualTo("NRC");
		assertThat(api
			.post("/api/v1/documents/" + id + "/rounds", secretariat,
					Map.of("deadline", this.today.toString(), "sections", List.of(Map.of("title", "Again"))))
			.body()
			.toString()).contains("Review round 1 is still under way");

		// members comment, section by section
		assertThat(api
			.post("/api/v1/document-sections/" + housing + "/comments", nrc,
					Map.of("text", "Add the compensation claims backlog"))
			.status()).isEqualTo(201);
		assertThat(api
			.post("/api/v1/document-sections/" + general + "/comments", viewer,
					Map.of("text", "Define the priority population groups"))
			.status()).isEqualTo(201);
		assertThat(api.post("/api/v1/document-sections/" + general + "/comments", viewer, Map.of("text", " ")).status())
			.isEqualTo(400);
		JsonNode read = api.get("/api/v1/documents/" + id, viewer).body();
		List<Long> comments = new ArrayList<>();
		read.get("rounds").get(0).get("sections").forEach((s) -> s.get("comments").forEach((c) -> {
			comments.add(c.get("id").asLong());
			assertThat(c.get("resolution").isNull()).isTrue();
		}));
		assertThat(comments).hasSize(2);
		long roundId = read.get("rounds").get(0).get("id").asLong();

		// the deadline passes: no more comments
		this.db.update(DOCUMENT_ROUND)
			.set(DOCUMENT_ROUND.DEADLINE, this.today.minusDays(1))
			.where(DOCUMENT_ROUND.ID.eq(roundId))
			.execute();
		ApiClient.Response late = api.post("/api/v1/document-sections/" + housing + "/comments", nrc,
				Map.of("text", "One more thing"));
		assertThat(late.status()).isEqualTo(400);
		assertThat(late.body().toString()).contains("Comments were taken until");

		// every comment resolved before the draft goes on
		ApiClient.Response early = api.post("/api/v1/document-rounds/" + roundId + "/submission", secretariat,
				Map.of("version", 0));
		assertThat(early.status()).isEqualTo(400);
		assertThat(early.body().toString()).contains("2 comments wait for a resolution");
		assertThat(api.patch("/api/v1/document-comments/" + comments.get(0), nrc, Map.of("resolution", "ACCEPTED"))
			.status()).isEqualTo(403);
		assertThat(api.patch("/api/v1/document-comments/" + comments.get(0), secretariat, Map.of("resolution", "MAYBE"))
			.status()).isEqualTo(400);
		for (long comment : comments) {
			assertThat(api
				.patch("/api/v1/document-comments/" + comment, secretariat,
						Map.of("resolution", "PARTLY", "response", "Taken into section 3"))
				.status()).isEqualTo(200);
		}
		assertThat(api.post("/api/v1/document-rounds/" + roundId + "/submission", nrc, Map.of("version", 0)).status())
			.isEqualTo(403);
		assertThat(api.post("/api/v1/document-rounds/" + roundId + "/submission", secretariat, Map.of("version", 5))
			.status()).isEqualTo(409);
		JsonNode submitted = api
			.post("/api/v1/document-rounds/" + roundId + "/submission", secretariat, Map.of("version", 0))
			.body();
		JsonNode first = submitted.get("rounds").get(0);
		assertThat(first.get("submitted").asBoolean()).isTrue();
		assertThat(first.get("submittedTo").asString()).isEqualTo("DSTF");
		assertThat(
				api.patch("/api/v1/document-comments/" + comments.get(0), secretariat, Map.of("resolution", "ACCEPTED"))
					.status())
			.isEqualTo(400);

		// the library by objective and body
		assertThat(titles(api.get("/api/v1/documents?objective=so2", viewer).body())).contains(title);
		assertThat(titles(api.get("/api/v1/documents?objective=SO5", viewer).body())).doesNotContain(title);
		assertThat(titles(api.get("/api/v1/documents?body=RWG", viewer).body())).doesNotContain(title);
	}

	@Test
	void technicalGuidelinesCarryTheClassificationTheMinutesAgreed() {
		ApiClient api = new ApiClient(this.port);
		Partners partners = new Partners(api, this.accounts);
		String secretariat = partners.token(Role.SECRETARIAT, "OCHA");
		String title = "Shelter guidelines " + UUID.randomUUID().toString().substring(0, 6);
		ApiClient.Response classifiedNonGuideline = api.post("/api/v1/documents", secretariat,
				Map.of("title", title, "kind", "TERMS_OF_REFERENCE", "body", "HLP-SG", "classification", "REFRAME"));
		assertThat(classifiedNonGuideline.body().toString()).contains("Only technical guidelines are classified.");
		JsonNode guideline = api
			.post("/api/v1/documents", secretariat,
					Map.of("title", title, "kind", "GUIDELINE", "body", "HLP-SG", "objectives", List.of("SO1")))
			.body();
		long id = guideline.get("id").asLong();
		assertThat(guideline.get("classification").isNull()).isTrue();
		JsonNode changed = api
			.put("/api/v1/documents/" + id, secretariat, Map.of("title", title, "kind", "GUIDELINE", "body", "HLP-SG",
					"objectives", List.of("SO1"), "classification", "REFRAME", "version", 0))
			.body();
		assertThat(changed.get("classification").asString()).as(changed.toString()).isEqualTo("REFRAME");
		assertThat(api
			.put("/api/v1/documents/" + id, secretariat,
					Map.of("title", title, "kind", "GUIDELINE", "body", "HLP-SG", "version", 0))
			.status()).isEqualTo(409);
		assertThat(api.get("/api/v1/documents?kind=GUIDELINE", secretariat).body().toString()).contains(title);
	}

	private static List<String> titles(JsonNode documents) {
		List<String> titles = new ArrayList<>();
		documents.forEach((d) -> titles.add(d.get("title").asString()));
		return titles;
	}

	private static List<String> fields(JsonNode problem) {
		List<String> fields = new ArrayList<>();
		problem.get("errors").forEach((e) -> fields.add(e.get("field").asString()));
		return fields;
	}

}
