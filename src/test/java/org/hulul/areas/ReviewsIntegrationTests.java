package org.hulul.areas;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.hulul.ApiClient;
import org.hulul.HululIntegrationTest;
import org.hulul.platform.Role;
import org.hulul.platform.UserAccounts;
import org.hulul.platform.UserAccounts.NewUser;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hulul.db.Tables.AUDIT_EVENT;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A review round of a plan from its opening to the endorsement: reviewers per section,
 * only they comment on their sections, every comment resolved before the endorsement,
 * versions kept at the opening and the endorsement and compared.
 */
@HululIntegrationTest
class ReviewsIntegrationTests {

	static final String PASSWORD = "reviews-test-password";

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Autowired
	MockMvc mvc;

	@Autowired
	DSLContext db;

	@Test
	void aReviewRoundRunsFromTheOpeningToTheEndorsementWithVersionsCompared() throws Exception {
		ApiClient api = new ApiClient(this.port);
		String secretariat = api.token(user(Role.SECRETARIAT, "OCHA"), PASSWORD);
		String coordinatorName = user(Role.AREA_COORDINATOR, "IOM");
		String code = "REV-" + UUID.randomUUID().toString().substring(0, 4);
		api.post("/api/v1/areas", secretariat, Map.of("code", code, "name", "Sinjar ABC", "type", "ABC", "locations",
				List.of("IQG15Q07", "IQG09Q02"), "coordinators", List.of(coordinatorName)));
		String coordinator = api.token(coordinatorName, PASSWORD);
		long plan = api.post("/api/v1/areas/" + code + "/plans", coordinator, Map.of("title", "Sinjar plan"))
			.body()
			.get("id")
			.asLong();
		api.put("/api/v1/plans/" + plan + "/sections/PURPOSE", coordinator, Map.of("language", "en", "text",
				"Return in safety.\nHousing first.\n<script>alert(1)</script>", "version", 0));

		// only the plan's editors open a round; every problem named
		String unhcrReporter = api.token(user(Role.REPORTER, "UNHCR"), PASSWORD);
		Map<String, Object> round = Map.of("reviewers",
				Map.of("PURPOSE", List.of("UNHCR"), "INTRODUCTION", List.of("UNHCR", "UNDP")));
		assertThat(api.post("/api/v1/plans/" + plan + "/reviews", unhcrReporter, round).status()).isEqualTo(403);
		ApiClient.Response bad = api.post("/api/v1/plans/" + plan + "/reviews", coordinator, Map.of("deadline",
				"2001-01-01", "reviewers", Map.of("NOPE", List.of("UNHCR"), "PURPOSE", List.of("NO-SUCH-ORG"))));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(fields(bad.body())).contains("deadline", "reviewers.NOPE", "reviewers.PURPOSE");
		assertThat(api.get("/api/v1/plans/" + plan + "/versions", coordinator).body()).isEmpty();
		ApiClient.Response opened = api.post("/api/v1/plans/" + plan + "/reviews", coordinator, round);
		assertThat(opened.status()).as(opened.body().toString()).isEqualTo(201);
		long review = opened.body().get("id").asLong();
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Baghdad"));
		assertThat(opened.body().get("deadline").asString()).isEqualTo(today.plusDays(7).toString());
		assertThat(opened.body().get("version").asInt()).isEqualTo(1);
		assertThat(opened.body().get("reviewers").get("INTRODUCTION")).hasSize(2);
		assertThat(api.post("/api/v1/plans/" + plan + "/reviews", coordinator, round).status()).isEqualTo(400);

		// reviewers comment on their sections only
		String undpViewer = api.token(user(Role.VIEWER, "UNDP"), PASSWORD);
		assertThat(api
			.post("/api/v1/reviews/" + review + "/comments", unhcrReporter,
					Map.of("section", "PURPOSE", "body", "Add <b>voluntary</b> return."))
			.status()).isEqualTo(200);
		assertThat(api
			.post("/api/v1/reviews/" + review + "/comments", undpViewer,
					Map.of("section", "PURPOSE", "body", "Not my section"))
			.status()).isEqualTo(403);
		assertThat(api
			.post("/api/v1/reviews/" + review + "/comments", undpViewer,
					Map.of("section", "introduction", "body", "Name the JCF."))
			.status()).isEqualTo(200);
		assertThat(api
			.post("/api/v1/reviews/" + review + "/comments", api.token(user(Role.VIEWER, "OCHA"), PASSWORD),
					Map.of("section", "PURPOSE", "body", "x"))
			.status()).isEqualTo(403);
		assertThat(api.post("/api/v1/reviews/" + review + "/comments", unhcrReporter, Map.of("section", "PURPOSE"))
			.status()).isEqualTo(400);
		JsonNode comments = api.get("/api/v1/reviews/" + review, undpViewer).body().get("comments");
		assertThat(comments).hasSize(2);
		long first = comments.get(0).get("id").asLong();
		long second = comments.get(1).get("id").asLong();

		// every comment resolved before the endorsement
		ApiClient.Response early = api.post("/api/v1/reviews/" + review + "/endorsement", coordinator,
				Map.of("organisation", "GRC"));
		assertThat(early.status()).isEqualTo(400);
		assertThat(early.body().toString()).contains("2 comments are not resolved yet");
		assertThat(
				api.post("/api/v1/comments/" + first + "/resolution", unhcrReporter, Map.of("resolution", "ACCEPTED"))
					.status())
			.isEqualTo(403);
		assertThat(api.post("/api/v1/comments/" + first + "/resolution", coordinator, Map.of("resolution", "DECLINED"))
			.status()).isEqualTo(400);
		assertThat(api.post("/api/v1/comments/" + first + "/resolution", coordinator, Map.of("resolution", "ACCEPTED"))
			.status()).isEqualTo(200);
		assertThat(api
			.post("/api/v1/comments/" + first + "/resolution", coordinator,
					Map.of("resolution", "DECLINED", "response", "changed my mind"))
			.status()).isEqualTo(409);
		assertThat(api
			.post("/api/v1/comments/" + second + "/resolution", coordinator,
					Map.of("resolution", "PARTLY", "response", "The JCF is named in the roles section."))
			.status()).isEqualTo(200);

		api.put("/api/v1/plans/" + plan + "/sections/PURPOSE", coordinator, Map.of("language", "en", "text",
				"Voluntary return in safety.\nHousing first.\n<script>alert(1)</script>", "version", 1));
		ApiClient.Response endorsed = api.post("/api/v1/reviews/" + review + "/endorsement", coordinator,
				Map.of("organisation", "GRC", "note", "Endorsed at the JCF"));
		assertThat(endorsed.status()).as(endorsed.body().toString()).isEqualTo(200);
		assertThat(endorsed.body().get("status").asString()).isEqualTo("ENDORSED");
		assertThat(endorsed.body().get("endorsedBy").asString()).isEqualTo("GRC");
		assertThat(endorsed.body().get("endorsedVersion").asInt()).isEqualTo(2);
		assertThat(api
			.post("/api/v1/reviews/" + review + "/comments", unhcrReporter,
					Map.of("section", "PURPOSE", "body", "Too late"))
			.status()).isEqualTo(400);

		// versions kept and compared, the text escaped, the words changed marked
		JsonNode versions = api.get("/api/v1/plans/" + plan + "/versions", undpViewer).body();
		assertThat(versions).hasSize(2);
		assertThat(versions.get(0).get("reason").asString()).isEqualTo("REVIEW");
		assertThat(versions.get(1).get("reason").asString()).isEqualTo("ENDORSED");
		JsonNode compared = api.get("/api/v1/plans/" + plan + "/versions/compare?from=1&to=2", undpViewer).body();
		JsonNode purpose = null;
		for (JsonNode part : compared.get("parts")) {
			if ("PURPOSE".equals(part.get("section").asString()) && "en".equals(part.get("language").asString())) {
				purpose = part;
			}
		}
		assertThat(purpose.get("changed").asBoolean()).isTrue();
		assertThat(purpose.get("lines").get(0).get("tag").asString()).isEqualTo("CHANGE");
		assertThat(purpose.get("lines").get(0).get("after").asString()).contains("<ins>Voluntary");
		assertThat(purpose.get("lines").get(1).get("tag").asString()).isEqualTo("EQUAL");
		assertThat(purpose.get("lines").get(2).get("before").asString()).contains("&lt;script&gt;")
			.doesNotContain("<script>");
		assertThat(api.get("/api/v1/plans/" + plan + "/versions/compare?from=1&to=9", undpViewer).status())
			.isEqualTo(400);

		// the pages
		Cookie session = signIn(user(Role.VIEWER, "UNHCR"));
		String page = page(session, "/plans/" + plan);
		assertThat(page).contains("id=\"current-review\"")
			.contains("data-status=\"ENDORSED\"")
			.contains("Add &lt;b&gt;voluntary&lt;/b&gt; return.")
			.contains("The JCF is named in the roles section.")
			.doesNotContain("id=\"comment-form-PURPOSE\"")
			.doesNotContain("id=\"endorse-form\"");
		assertThat(page(session, "/plans/" + plan + "/compare?from=1&to=2")).contains("<ins>Voluntary</ins>")
			.contains("data-part=\"PURPOSE.en\"");

		List<String> audited = this.db.select(AUDIT_EVENT.SUMMARY_KEY)
			.from(AUDIT_EVENT)
			.where(AUDIT_EVENT.ENTITY_TYPE.eq(Plans.ENTITY).and(AUDIT_EVENT.ENTITY_ID.eq(Long.toString(plan))))
			.fetch(AUDIT_EVENT.SUMMARY_KEY);
		assertThat(audited).contains("audit.summary.reviewOpened", "audit.summary.reviewComment",
				"audit.summary.reviewResolved", "audit.summary.reviewEndorsed", "audit.summary.versionKept");
	}

	private Cookie signIn(String username) throws Exception {
		return this.mvc.perform(post("/login").with(csrf()).param("username", username).param("password", PASSWORD))
			.andReturn()
			.getResponse()
			.getCookie("HULUL_SESSION");
	}

	private String page(Cookie session, String path) throws Exception {
		return this.mvc.perform(get(path).cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static List<String> fields(JsonNode problem) {
		List<String> fields = new ArrayList<>();
		problem.get("errors").forEach((e) -> fields.add(e.get("field").asString()));
		return fields;
	}

	private String user(Role role, String organisation) {
		String username = "rev-" + role.name().toLowerCase().replace('_', '-') + "-"
				+ UUID.randomUUID().toString().substring(0, 6);
		this.accounts.create(new NewUser(username, null, PASSWORD, role, organisation, false, false));
		return username;
	}

}
