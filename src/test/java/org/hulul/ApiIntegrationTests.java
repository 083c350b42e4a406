package org.hulul;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hulul.platform.Role;
import org.hulul.platform.UserAccounts;
import org.hulul.platform.UserAccounts.NewUser;
import org.hulul.platform.UserAccounts.UserChange;
import org.hulul.platform.audit.AuditFilter;
import org.hulul.platform.audit.AuditRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON API over real HTTP: tokens, roles, problem details, locations and
 * organisations.
 */
@HululIntegrationTest
class ApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	AuditRepository audit;

	@Autowired
	UserAccounts accounts;

	ApiClient api;

	String admin;

	@BeforeEach
	void signIn() {
		this.api = new ApiClient(this.port);
		this.admin = this.api.token("admin", HululIntegrationTest.ADMIN_PASSWORD);
	}

	@Test
	void locationsByLevelAreTheWholeCodAb() {
		assertThat(this.api.get("/api/v1/locations?level=1", null).body().size()).isEqualTo(18);
		assertThat(this.api.get("/api/v1/locations?level=2", null).body().size()).isEqualTo(101);
		assertThat(this.api.get("/api/v1/locations?level=3", null).body().size()).isEqualTo(294);
		ApiClient.Response ninewa = this.api.get("/api/v1/locations/IQG15", null);
		assertThat(ninewa.body().get("name").get("en").asString()).isEqualTo("Ninewa");
		assertThat(ninewa.body().get("name").get("ar").asString()).isEqualTo("نينوى");
		assertThat(ninewa.body().get("level").asInt()).isEqualTo(1);
		ApiClient.Response sinjar = this.api.get("/api/v1/locations?q=Sinjar&level=2", null);
		assertThat(sinjar.body().get(0).get("pcode").asString()).isEqualTo("IQG15Q07");
		assertThat(sinjar.body().get(0).get("parentPcode").asString()).isEqualTo("IQG15");
	}

	@Test
	void boundariesComeInPiecesAsGeoJson() {
		ApiClient.Response ninewa = this.api.get("/api/v1/boundaries?level=2&within=IQG15", null);
		assertThat(ninewa.status()).isEqualTo(200);
		assertThat(ninewa.contentType()).startsWith("application/geo+json");
		assertThat(ninewa.body().get("type").asString()).isEqualTo("FeatureCollection");
		assertThat(ninewa.body().get("features").size()).isEqualTo(9);
		assertThat(ninewa.body().get("features").get(0).get("geometry").get("type").asString()).contains("Polygon");
		assertThat(this.api.get("/api/v1/boundaries?level=1", null).body().get("features").size()).isEqualTo(18);
		assertThat(this.api.get("/api/v1/boundaries?level=3&within=IQG15Q07N03", null).body().get("features").size())
			.isEqualTo(1);
		assertThat(this.api.get("/api/v1/boundaries?level=0", null).status()).isEqualTo(400);
	}

	@Test
	void theCurrentFrameworkIsServedWithItsIndicators() {
		ApiClient.Response framework = this.api.get("/api/v1/frameworks/current", this.admin);
		assertThat(framework.status()).isEqualTo(200);
		assertThat(framework.body().get("code").asString()).isEqualTo("dstwg-iraq");
		assertThat(framework.body().get("objectives").size()).isEqualTo(8);
		JsonNode so2 = framework.body().get("objectives").get(1);
		assertThat(so2.get("code").asString()).isEqualTo("SO2");
		assertThat(so2.get("name").get("en").asString()).isEqualTo("Housing and HLP");
		JsonNode indicator = so2.get("subCriteria").get(0).get("indicators").get(0);
		assertThat(indicator.get("code").asString()).isEqualTo("SO2-HC-01");
		assertThat(indicator.get("name").get("ar").asString()).isNotBlank();
		assertThat(indicator.get("unit").get("en").asString()).isEqualTo("# of houses");
		assertThat(indicator.get("valueType").asString()).isEqualTo("COUNT");
		assertThat(indicator.get("disaggregations").valueStream().map(JsonNode::asString)).contains("damage");
		long total = framework.body()
			.get("objectives")
			.valueStream()
			.flatMap((o) -> o.get("subCriteria").valueStream())
			.mapToLong((s) -> s.get("indicators").size())
			.sum();
		assertThat(total).isEqualTo(45);

		assertThat(this.api.get("/api/v1/frameworks", this.admin).body().get(0).get("indicators").asInt())
			.isEqualTo(45);
		assertThat(this.api.get("/api/v1/indicators/so2-hc-01", this.admin).body().get("code").asString())
			.isEqualTo("SO2-HC-01");
		assertThat(this.api.get("/api/v1/indicators/SO9-XX-01", this.admin).status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/frameworks/current", null).status()).isEqualTo(401);
	}

	@Test
	void aWrongLevelIsAProblemDetail() {
		ApiClient.Response response = this.api.get("/api/v1/locations?level=4", null);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("level");
		assertThat(this.api.get("/api/v1/locations/IQG99", null).status()).isEqualTo(404);
	}

	@Test
	void withoutATokenTheApiAnswers401AsAProblem() {
		ApiClient.Response response = this.api.get("/api/v1/organisations", null);
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body().get("status").asInt()).isEqualTo(401);
		assertThat(this.api.get("/api/v1/organisations", "not-a-token").status()).isEqualTo(401);
	}

	@Test
	void aOneTimePasswordGetsNoTokenUntilChanged() {
		String username = unique("otp");
		this.accounts.create(new NewUser(username, null, "one-time-password", Role.REPORTER, "NRC", false, true));
		ApiClient.Response response = this.api.post("/api/v1/auth/token", null,
				Map.of("username", username, "password", "one-time-password"));
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.body().get("detail").asString()).contains("one-time password");
		assertThat(response.body().has("token")).isFalse();
	}

	@Test
	void aViewerReadsButDoesNotWrite() {
		String viewer = createUser("VIEWER", "OCHA");
		assertThat(this.api.get("/api/v1/organisations/IOM", viewer).status()).isEqualTo(200);
		assertThat(this.api
			.put("/api/v1/organisations/IOM", viewer,
					Map.of("code", "IOM", "name", "Renamed", "type", "UN_AGENCY", "version", 0))
			.status()).isEqualTo(403);
		assertThat(this.api.delete("/api/v1/organisations/IOM", viewer).status()).isEqualTo(403);
		assertThat(this.api.get("/api/v1/users", viewer).status()).isEqualTo(403);
	}

	@Test
	void aChangeWithoutTheVersionReadIsRefused() {
		ApiClient.Response response = this.api.put("/api/v1/organisations/IOM", this.admin,
				Map.of("code", "IOM", "name", "Lost update", "type", "UN_AGENCY"));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("version");
		assertThat(this.api.get("/api/v1/organisations/IOM", this.admin).body().get("name").asString())
			.isEqualTo("International Organization for Migration");
	}

	@Test
	void errorsSpeakTheCallersLanguage() {
		ApiClient.Response response = this.api.get("/api/v1/locations?level=9", null, "ar");
		assertThat(response.body().get("errors").get(0).get("message").asString()).contains("المستوى");
	}

	@Test
	void aWrongPasswordGetsNoToken() {
		String username = unique("wrong");
		this.accounts.create(new NewUser(username, null, "right-password", Role.VIEWER, "NRC", false, false));
		ApiClient.Response response = this.api.post("/api/v1/auth/token", null,
				Map.of("username", username, "password", "wrong"));
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.body().has("token")).isFalse();
	}

	@Test
	void aReporterMayNotAdministerUsersOrOrganisations() {
		String reporter = createUser("REPORTER", "NRC");
		ApiClient.Response users = this.api.post("/api/v1/users", reporter,
				Map.of("username", unique("x"), "password", "long-enough-pw", "role", "ADMIN"));
		assertThat(users.status()).isEqualTo(403);
		assertThat(users.contentType()).startsWith("application/problem+json");
		assertThat(this.api.get("/api/v1/users", reporter).status()).isEqualTo(403);
		assertThat(this.api
			.post("/api/v1/organisations", reporter,
					Map.of("code", unique("R"), "name", "Reporter's own", "type", "NATIONAL_NGO"))
			.status()).isEqualTo(403);
		assertThat(this.api.get("/api/v1/organisations", reporter).status()).isEqualTo(200);
		ApiClient.Response me = this.api.get("/api/v1/me", reporter);
		assertThat(me.body().get("role").asString()).isEqualTo("REPORTER");
		assertThat(me.body().get("organisation").asString()).isEqualTo("NRC");
	}

	@Test
	void invalidUsersAreRefusedWithEveryFieldNamed() {
		ApiClient.Response response = this.api.post("/api/v1/users", this.admin,
				Map.of("username", "a", "password", "short", "role", "REPORTER", "organisation", "NO-SUCH-ORG"));
		assertThat(response.status()).isEqualTo(400);
		List<String> fields = response.body()
			.get("errors")
			.valueStream()
			.map((e) -> e.get("field").asString())
			.toList();
		assertThat(fields).containsExactlyInAnyOrder("username", "password", "organisation");
	}

	@Test
	void organisationsCanBeCreatedChangedAndDeactivatedWithEveryChangeAudited() {
		String code = unique("ORG");
		ApiClient.Response created = this.api.post("/api/v1/organisations", this.admin,
				Map.of("code", code, "name", "Test Relief Organisation", "nameAr", "منظمة اختبار", "type",
						"NATIONAL_NGO", "programming", List.of("HUMANITARIAN", "RECOVERY")));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.body().get("version").asInt()).isZero();

		ApiClient.Response duplicate = this.api.post("/api/v1/organisations", this.admin,
				Map.of("code", code.toLowerCase(), "name", "Another", "type", "DONOR"));
		assertThat(duplicate.status()).isEqualTo(400);
		assertThat(duplicate.body().get("errors").get(0).get("field").asString()).isEqualTo("code");

		ApiClient.Response changed = this.api.put("/api/v1/organisations/" + code, this.admin, Map.of("code", code,
				"name", "Test Relief Organisation (renamed)", "type", "NATIONAL_NGO", "version", 0));
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.body().get("name").asString()).endsWith("(renamed)");

		ApiClient.Response stale = this.api.put("/api/v1/organisations/" + code, this.admin,
				Map.of("code", code, "name", "Lost update", "type", "NATIONAL_NGO", "version", 0));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(this.api.get("/api/v1/organisations/" + code, this.admin).body().get("name").asString())
			.endsWith("(renamed)");

		ApiClient.Response deactivated = this.api.delete("/api/v1/organisations/" + code, this.admin);
		assertThat(deactivated.body().get("active").asBoolean()).isFalse();
		assertThat(this.api.get("/api/v1/organisations", this.admin)
			.body()
			.valueStream()
			.map((o) -> o.get("code").asString())).doesNotContain(code);

		String id = created.body().get("id").asString();
		var history = this.audit.find(new AuditFilter("organisation", id, null, null, null, null), 0, 10);
		assertThat(history).extracting((e) -> e.action()).containsExactly("UPDATE", "UPDATE", "CREATE");
		assertThat(history).allSatisfy((e) -> assertThat(e.actor()).isEqualTo("admin"));
		assertThat(history.get(1).before()).contains("\"nameEn\":\"Test Relief Organisation\"");
		assertThat(history.get(1).after()).contains("(renamed)");
	}

	@Test
	void deactivatedUsersLoseTheirTokens() {
		String username = unique("gone");
		this.api.post("/api/v1/users", this.admin,
				Map.of("username", username, "password", "long-enough-pw", "role", "VIEWER", "organisation", "OCHA"));
		String token = this.api.token(username, "long-enough-pw");
		assertThat(this.api.get("/api/v1/organisations", token).status()).isEqualTo(200);
		long id = this.api.get("/api/v1/users", this.admin)
			.body()
			.valueStream()
			.filter((u) -> u.get("username").asString().equals(username))
			.findFirst()
			.orElseThrow()
			.get("id")
			.asLong();
		this.accounts.update(id, 0, new UserChange(null, Role.VIEWER, "OCHA", false, null, null));
		assertThat(this.api.get("/api/v1/organisations", token).status()).isEqualTo(401);
	}

	private String createUser(String role, String organisation) {
		String username = unique(role.toLowerCase());
		ApiClient.Response response = this.api.post("/api/v1/users", this.admin,
				Map.of("username", username, "password", "long-enough-pw", "role", role, "organisation", organisation));
		assertThat(response.status()).isEqualTo(201);
		return this.api.token(username, "long-enough-pw");
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
