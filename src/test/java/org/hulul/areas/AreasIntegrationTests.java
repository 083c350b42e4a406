package org.hulul.areas;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.hulul.ApiClient;
import org.hulul.HululIntegrationTest;
import org.hulul.platform.Role;
import org.hulul.platform.UserAccounts;
import org.hulul.platform.UserAccounts.NewUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Areas over the API and the pages, per role: the Sinjar ABC spans Sinjar district
 * (Ninewa) and Duhok district (Duhok governorate); the secretariat adds it, its
 * coordinator changes it, everyone else only reads.
 */
@HululIntegrationTest
class AreasIntegrationTests {

	static final String PASSWORD = "areas-test-password";

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Autowired
	MockMvc mvc;

	ApiClient api;

	String secretariat;

	@BeforeEach
	void setUp() {
		this.api = new ApiClient(this.port);
		this.secretariat = token(Role.SECRETARIAT, "OCHA");
	}

	@Test
	void theSecretariatAddsAnAreaAcrossTwoGovernoratesAndItsCoordinatorChangesIt() throws Exception {
		String code = "SINJAR-" + UUID.randomUUID().toString().substring(0, 4);
		String coordinator = user(Role.AREA_COORDINATOR, "IOM");
		Map<String, Object> sinjar = new HashMap<>(Map.of("code", code, "name", "Sinjar ABC", "type", "ABC",
				"locations", List.of("IQG15Q07", "iqg09q02"), "roles",
				List.of(Map.of("role", "GOVERNMENT_CO_CHAIR", "organisation", "GRC"),
						Map.of("role", "INTERNATIONAL_CO_CHAIR", "organisation", "IOM"),
						Map.of("role", "SECRETARIAT", "organisation", "UNDP", "note",
								"temporary cover by another office")),
				"populationGroups", List.of("returnee", "idp_out_of_camp"), "coordinators", List.of(coordinator)));
		ApiClient.Response created = this.api.post("/api/v1/areas", this.secretariat, sinjar);
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		assertThat(created.body().get("locations").toString()).isEqualTo("[\"IQG15Q07\",\"IQG09Q02\"]"); // as
																											// listed
		assertThat(created.body().get("roles").get(2).get("note").asString())
			.isEqualTo("temporary cover by another office");
		assertThat(created.body().get("coordinators").get(0).asString()).isEqualTo(coordinator);

		// everyone signed in reads it; only the secretariat adds
		String viewer = token(Role.VIEWER, "OCHA");
		assertThat(this.api.get("/api/v1/areas", viewer).body().toString()).contains(code);
		assertThat(this.api.get("/api/v1/areas/" + code.toLowerCase(), viewer).status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/areas", null).status()).isEqualTo(401);
		Map<String, Object> other = new HashMap<>(sinjar);
		other.put("code", code + "-B");
		assertThat(this.api.post("/api/v1/areas", viewer, other).status()).isEqualTo(403);
		assertThat(this.api.post("/api/v1/areas", token(Role.REPORTER, "IOM"), other).status()).isEqualTo(403);
		assertThat(this.api.post("/api/v1/areas", this.secretariat, sinjar).status()).isEqualTo(400);

		// its coordinator changes it, not who coordinates; another coordinator may not
		String coordinatorToken = this.api.token(coordinator, PASSWORD);
		Map<String, Object> change = new HashMap<>(sinjar);
		change.put("status", "PAUSED");
		change.put("coordinators", List.of());
		change.put("version", 0);
		ApiClient.Response changed = this.api.put("/api/v1/areas/" + code, coordinatorToken, change);
		assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
		assertThat(changed.body().get("status").asString()).isEqualTo("PAUSED");
		assertThat(changed.body().get("coordinators").get(0).asString()).isEqualTo(coordinator);
		assertThat(this.api.put("/api/v1/areas/" + code, coordinatorToken, change).status()).isEqualTo(409);
		String stranger = this.api.token(user(Role.AREA_COORDINATOR, "IOM"), PASSWORD);
		change.put("version", 1);
		assertThat(this.api.put("/api/v1/areas/" + code, stranger, change).status()).isEqualTo(403);

		// the pages: the list, the area with its map and group, the form only for editors
		Cookie viewerSession = signIn(user(Role.VIEWER, "OCHA"));
		assertThat(page(viewerSession, "/areas")).contains("data-code=\"" + code + "\"");
		String area = page(viewerSession, "/areas/" + code);
		assertThat(area).contains("id=\"area-map\"")
			.contains("data-within=\"IQG15Q07,IQG09Q02\"")
			.contains("data-level=\"2\"")
			.contains("temporary cover by another office")
			.doesNotContain("id=\"edit-area\"");
		assertThat(this.mvc.perform(get("/areas/" + code + "/edit").cookie(viewerSession))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		Cookie coordinatorSession = signIn(coordinator);
		assertThat(page(coordinatorSession, "/areas/" + code)).contains("id=\"edit-area\"");
		this.mvc
			.perform(post("/areas/" + code + "/edit").with(csrf())
				.cookie(coordinatorSession)
				.param("version", "1")
				.param("nameEn", "Sinjar Area-Based Coordination")
				.param("type", "ABC")
				.param("status", "ACTIVE")
				.param("locations", "IQG15Q07\nIQG09Q02, IQG15Q05")
				.param("roleKind", "GOVERNMENT_CO_CHAIR", "")
				.param("roleOrganisation", "GRC", "")
				.param("roleNote", "", ""))
			.andExpect(status().is3xxRedirection());
		JsonNode after = this.api.get("/api/v1/areas/" + code, this.secretariat).body();
		assertThat(after.get("name").asString()).isEqualTo("Sinjar Area-Based Coordination");
		assertThat(after.get("locations")).hasSize(3);
		assertThat(after.get("roles")).hasSize(1);
		assertThat(after.get("coordinators").get(0).asString()).isEqualTo(coordinator);
	}

	@Test
	void theJointCoordinationForumsOfTheDocumentsAreThereFromTheStart() {
		JsonNode areas = this.api.get("/api/v1/areas", this.secretariat).body();
		Map<String, String> jcfs = new HashMap<>();
		areas.forEach((a) -> {
			if (a.get("type").asString().equals("JCF")) {
				jcfs.put(a.get("code").asString(), a.get("locations").toString());
			}
		});
		assertThat(jcfs).containsEntry("JCF-ANBAR", "[\"IQG01\"]")
			.containsEntry("JCF-DIYALA", "[\"IQG10\"]")
			.containsEntry("JCF-KIRKUK", "[\"IQG13\"]")
			.containsEntry("JCF-NINEWA", "[\"IQG15\"]")
			.containsEntry("JCF-SALAHALDIN", "[\"IQG16\"]");
	}

	@Test
	void everyProblemOfAnAreaIsNamedAndNothingIsSaved() {
		String code = "BAD-" + UUID.randomUUID().toString().substring(0, 4);
		Map<String, Object> bad = Map.of("code", code, "name", "", "type", "TOWN", "locations",
				List.of("IQG15", "IQG15Q07", "IQX99"), "roles",
				List.of(Map.of("role", "CHIEF", "organisation", "NOPE")), "populationGroups", List.of("martians"),
				"coordinators", List.of("nobody-" + code));
		ApiClient.Response refused = this.api.post("/api/v1/areas", this.secretariat, bad);
		assertThat(refused.status()).isEqualTo(400);
		String errors = refused.body().get("errors").toString();
		assertThat(errors).contains("\"name\"", "\"type\"", "IQX99", "IQG15Q07", "roles[0].role",
				"roles[0].organisation", "martians", "nobody-" + code);
		assertThat(this.api.get("/api/v1/areas/" + code, this.secretariat).status()).isEqualTo(404);
		assertThat(this.api
			.post("/api/v1/areas", this.secretariat,
					Map.of("code", "x", "name", "X", "type", "JCF", "locations", List.of("IQG15")))
			.body()
			.toString()).contains("\"code\"");
	}

	private String page(Cookie session, String path) throws Exception {
		return this.mvc.perform(get(path).cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private Cookie signIn(String username) throws Exception {
		return this.mvc.perform(post("/login").with(csrf()).param("username", username).param("password", PASSWORD))
			.andReturn()
			.getResponse()
			.getCookie("HULUL_SESSION");
	}

	private String user(Role role, String organisation) {
		String username = "area-" + role.name().toLowerCase().replace('_', '-') + "-"
				+ UUID.randomUUID().toString().substring(0, 6);
		this.accounts.create(new NewUser(username, null, PASSWORD, role, organisation, false, false));
		return username;
	}

	private String token(Role role, String organisation) {
		return this.api.token(user(role, organisation), PASSWORD);
	}

}
