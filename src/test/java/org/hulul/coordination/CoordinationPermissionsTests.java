package org.hulul.coordination;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hulul.ApiClient;
import org.hulul.HululIntegrationTest;
import org.hulul.platform.Role;
import org.hulul.platform.UserAccounts;
import org.hulul.platform.UserAccounts.NewUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what in coordination, role by role: everyone signed in reads the bodies,
 * membership, meetings, selections and the library (nobody unsigned); only the
 * secretariat and administrators change the membership, schedule the meetings (of the RWG
 * here), open calls and record the DSTF's endorsement, add documents and open their
 * reviews; every member organisation's people comment; an action point is moved on by its
 * owner organisation's people or the secretariat, nobody else.
 */
@HululIntegrationTest
class CoordinationPermissionsTests {

	static final String PASSWORD = "coordination-roles-pw";

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Test
	void eachRoleMayDoWhatTheTermsOfReferenceGiveItAndNothingMore() {
		ApiClient api = new ApiClient(this.port);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Baghdad"));
		Map<Role, String> tokens = new LinkedHashMap<>();
		for (Role role : Role.values()) {
			tokens.put(role, api.token(user(role, (role == Role.ADMIN) ? null : "UNHCR"), PASSWORD));
		}
		String secretariat = tokens.get(Role.SECRETARIAT);
		long meeting = api
			.post("/api/v1/bodies/RWG/meetings", secretariat,
					Map.of("number", number(), "date", today.plusDays(30).toString()))
			.body()
			.get("id")
			.asLong();
		long iomAction = api
			.post("/api/v1/meetings/" + meeting + "/action-points", secretariat,
					Map.of("text", "Share the stock figures", "owner", "IOM"))
			.body()
			.get("id")
			.asLong();
		long unhcrAction = api
			.post("/api/v1/meetings/" + meeting + "/action-points", secretariat,
					Map.of("text", "Share the returns analysis", "owner", "UNHCR"))
			.body()
			.get("id")
			.asLong();
		long document = api
			.post("/api/v1/documents", secretariat,
					Map.of("title", "Terms of reference " + number(), "kind", "TERMS_OF_REFERENCE", "body", "DSTWG"))
			.body()
			.get("id")
			.asLong();
		long section = api
			.post("/api/v1/documents/" + document + "/rounds", secretariat,
					Map.of("deadline", today.plusDays(3).toString(), "sections", List.of(Map.of("title", "Leads"))))
			.body()
			.get("rounds")
			.get(0)
			.get("sections")
			.get(0)
			.get("id")
			.asLong();

		for (String read : List.of("/api/v1/bodies", "/api/v1/bodies/DSTWG/membership",
				"/api/v1/bodies/DSTWG/membership/check", "/api/v1/meetings/" + meeting, "/api/v1/selections",
				"/api/v1/documents/" + document, "/api/v1/action-points")) {
			assertThat(api.get(read, null).status()).as("unsigned " + read).isEqualTo(401);
			tokens.forEach(
					(role, token) -> assertThat(api.get(read, token).status()).as(role + " " + read).isEqualTo(200));
		}

		for (Map.Entry<Role, String> entry : tokens.entrySet()) {
			Role role = entry.getKey();
			String token = entry.getValue();
			boolean editor = role == Role.SECRETARIAT || role == Role.ADMIN;
			int allowed = editor ? 201 : 403;
			assertThat(api.post("/api/v1/bodies/DSTWG/membership", token,
					Map.of("category", "UN_AGENCY", "organisation", "UNHCR", "representative", "x", "alternate", "y",
							"termStart", today.plusYears(5).toString(), "termEnd", today.plusYears(6).toString()))
				.status()).as(role + " adds a seat").isEqualTo(allowed);
			assertThat(api
				.post("/api/v1/bodies/RWG/meetings", token,
						Map.of("number", number(), "date", today.plusDays(60).toString()))
				.status()).as(role + " schedules a meeting").isEqualTo(allowed);
			assertThat(api
				.post("/api/v1/meetings/" + meeting + "/action-points", token,
						Map.of("text", "Follow up", "owner", "UNHCR"))
				.status()).as(role + " raises an action point").isEqualTo(allowed);
			assertThat(api
				.post("/api/v1/bodies/DSTWG/selections", token,
						Map.of("kind", "CO_LEAD", "category", "NGO", "deadline", today.plusDays(10).toString()))
				.status()).as(role + " opens a call").isEqualTo(allowed);
			assertThat(api
				.post("/api/v1/documents", token,
						Map.of("title", "Guideline " + number(), "kind", "GUIDELINE", "body", "DSTWG"))
				.status()).as(role + " adds a document").isEqualTo(allowed);
			// members' people comment; an administrator without an organisation too, as
			// the
			// secretariat
			assertThat(api
				.post("/api/v1/document-sections/" + section + "/comments", token, Map.of("text", role + " comment"))
				.status()).as(role + " comments").isEqualTo(201);
			// UNHCR's people move UNHCR's action point on; only the secretariat moves
			// IOM's
			assertThat(api.patch("/api/v1/action-points/" + iomAction, token, Map.of("status", "IN_PROGRESS")).status())
				.as(role + " moves IOM's action point")
				.isEqualTo(editor ? 200 : 403);
			assertThat(
					api.patch("/api/v1/action-points/" + unhcrAction, token, Map.of("status", "IN_PROGRESS")).status())
				.as(role + " moves UNHCR's action point")
				.isEqualTo(200);
		}
	}

	private static int number() {
		return 100 + (int) (Math.abs(UUID.randomUUID().getMostSignificantBits()) % 800_000);
	}

	private String user(Role role, String organisation) {
		String username = "roles-" + role.name().toLowerCase().replace('_', '-') + "-"
				+ UUID.randomUUID().toString().substring(0, 6);
		this.accounts.create(new NewUser(username, null, PASSWORD, role, organisation, false, false));
		return username;
	}

}
