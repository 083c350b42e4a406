package org.hulul.exchange;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.hulul.ApiClient;
import org.hulul.HululIntegrationTest;
import org.hulul.platform.Role;
import org.hulul.platform.UserAccounts;
import org.hulul.platform.UserAccounts.NewUser;
import org.hulul.reporting.Period;
import org.hulul.reporting.ReportingCalendar;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * DHIS2 data value sets and ADX over the API and the pages: round trips, the mapping
 * table, dry runs, the permission rules, the samples' unknown codes as conflicts, and
 * files the API cannot take refused as problem details.
 */
@HululIntegrationTest
class Dhis2ExchangeIntegrationTests {

	private static final String PASSWORD = "dhis2-test-password";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Autowired
	ReportingCalendar calendar;

	@Autowired
	MockMvc mvc;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void exportedReportsReimportToNoChangeInEveryFormat() {
		ApiClient api = new ApiClient(this.port);
		String partner = newOrganisation(api);
		String reporter = token(api, Role.REPORTER, partner);
		String period = quarter();
		String set = """
				{"dataValues": [
				  {"dataElement": "SO2-TS-01", "period": "%1$s", "orgUnit": "IQG15Q07N03",
				   "categoryOptionCombo": "returnee;sex=female", "attributeOptionCombo": "%2$s", "value": "12",
				   "comment": "from the field, \\"checked\\""},
				  {"dataElement": "SO2-TS-01", "period": "%1$s", "orgUnit": "IQG15Q07N03",
				   "categoryOptionCombo": "returnee;sex=male", "attributeOptionCombo": "%2$s", "value": "10"},
				  {"dataElement": "SO4-EDU-01.numerator", "period": "%1$s", "orgUnit": "IQG15Q07N03",
				   "categoryOptionCombo": "returnee;sex=female", "attributeOptionCombo": "%2$s", "value": "30"},
				  {"dataElement": "SO4-EDU-01.denominator", "period": "%1$s", "orgUnit": "IQG15Q07N03",
				   "categoryOptionCombo": "returnee;sex=female", "attributeOptionCombo": "%2$s", "value": "40"}
				]}
				""".formatted(period, partner);
		Result first = send("POST", "/api/v1/dataValueSets", reporter, "application/json", set);
		assertThat(first.status()).as(first.text()).isEqualTo(200);
		assertThat(first.json().get("status").asString()).isEqualTo("SUCCESS");
		assertCounts(first, 3, 0, 0, 0);
		assertThat(first.json().get("conflicts").size()).isZero();

		long id = api.post("/api/v1/reports", reporter, Map.of("organisation", partner, "period", period))
			.body()
			.get("id")
			.asLong();
		assertThat(api.get("/api/v1/reports/" + id + "/values", reporter).body().size()).isEqualTo(3);

		Result json = send("GET", "/api/v1/reports/" + id + "/dataValueSet.json", reporter, null, null);
		assertThat(json.status()).isEqualTo(200);
		assertThat(json.json().get("dataValues").size()).isEqualTo(4);
		Result csv = send("GET", "/api/v1/reports/" + id + "/dataValueSet.csv", reporter, null, null);
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.text()).startsWith(
				"dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup");
		Result adx = send("GET", "/api/v1/reports/" + id + "/adx.xml", reporter, null, null);
		assertThat(adx.status()).isEqualTo(200);
		assertThat(adx.text()).contains("period=\"" + Period.parse(period).isoInterval() + "\"");

		for (Result again : List.of(send("POST", "/api/v1/dataValueSets", reporter, "application/json", json.text()),
				send("POST", "/api/v1/dataValueSets", reporter, "text/csv", csv.text()),
				send("POST", "/api/v1/dataValueSets", reporter, "application/csv", csv.text()),
				send("POST", "/api/v1/adx?strict=true", reporter, "application/adx+xml", adx.text()),
				send("POST", "/api/v1/adx", reporter, "application/xml", adx.text()))) {
			assertThat(again.status()).as(again.text()).isEqualTo(200);
			assertThat(again.json().get("status").asString()).isEqualTo("SUCCESS");
			assertCounts(again, 0, 0, 3, 0);
		}
		JsonNode values = api.get("/api/v1/reports/" + id + "/values", reporter).body();
		assertThat(values.valueStream().filter((v) -> v.path("comment").asString("").contains("checked"))).hasSize(1);
	}

	@Test
	void aMappedImportLandsTheRightValuesAndExportsUseTheMappedCodes() {
		ApiClient api = new ApiClient(this.port);
		String partner = newOrganisation(api);
		String reporter = token(api, Role.REPORTER, partner);
		String secretariat = token(api, Role.SECRETARIAT, "OCHA");
		String tag = UUID.randomUUID().toString().substring(0, 6);
		List<Map<String, Object>> rows = List.of(
				Map.of("kind", "DATA_ELEMENT", "externalCode", "de" + tag, "hululValue", "so2-ts-01"),
				Map.of("kind", "ORG_UNIT", "externalCode", "ou" + tag, "hululValue", "IQG15Q05"),
				Map.of("kind", "CATEGORY_OPTION_COMBO", "externalCode", "coc" + tag, "hululValue", "sex=female",
						"populationGroup", "idp_out_of_camp"),
				Map.of("kind", "ATTRIBUTE_OPTION_COMBO", "externalCode", "aoc" + tag, "hululValue", partner));
		ApiClient.Response put = api.put("/api/v1/mappings", secretariat, rows);
		assertThat(put.status()).as(String.valueOf(put.body())).isEqualTo(200);
		assertThat(put.body().get(0).get("hululValue").asString()).isEqualTo("SO2-TS-01");
		// the same rows again change nothing; a row that exists needs its version
		assertThat(api.put("/api/v1/mappings", reporter, rows).status()).isEqualTo(403);
		assertThat(api.put("/api/v1/mappings", secretariat, rows).status()).isEqualTo(409);
		assertThat(api
			.put("/api/v1/mappings", secretariat,
					List.of(Map.of("kind", "DATA_ELEMENT", "externalCode", "x" + tag, "hululValue", "NOPE-01")))
			.status()).isEqualTo(400);
		assertThat(api.get("/api/v1/mappings", reporter)
			.body()
			.valueStream()
			.filter((m) -> m.get("externalCode").asString().endsWith(tag))).hasSize(4);

		String csv = "dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,"
				+ "comment,followup\n" + "de" + tag + "," + quarter() + ",ou" + tag + ",coc" + tag + ",aoc" + tag
				+ ",7,,,,false\n";
		Result imported = send("POST", "/api/v1/dataValueSets", reporter, "text/csv", csv);
		assertThat(imported.status()).as(imported.text()).isEqualTo(200);
		assertCounts(imported, 1, 0, 0, 0);
		long id = api.post("/api/v1/reports", reporter, Map.of("organisation", partner, "period", quarter()))
			.body()
			.get("id")
			.asLong();
		JsonNode line = api.get("/api/v1/reports/" + id + "/values", reporter).body().get(0);
		assertThat(line.get("indicator").asString()).isEqualTo("SO2-TS-01");
		assertThat(line.get("location").asString()).isEqualTo("IQG15Q05");
		assertThat(line.get("populationGroup").asString()).isEqualTo("idp_out_of_camp");
		assertThat(line.get("disaggregation").get("sex").asString()).isEqualTo("female");
		assertThat(line.get("value").asInt()).isEqualTo(7);

		JsonNode exported = send("GET", "/api/v1/reports/" + id + "/dataValueSet.json", reporter, null, null).json()
			.get("dataValues")
			.get(0);
		assertThat(exported.get("dataElement").asString()).isEqualTo("de" + tag);
		assertThat(exported.get("orgUnit").asString()).isEqualTo("ou" + tag);
		assertThat(exported.get("categoryOptionCombo").asString()).isEqualTo("coc" + tag);
		assertThat(exported.get("attributeOptionCombo").asString()).isEqualTo("aoc" + tag);
		String adx = send("GET", "/api/v1/reports/" + id + "/adx.xml", reporter, null, null).text();
		assertThat(adx).contains("categoryOptionCombo=\"coc" + tag + "\"");
		assertCounts(send("POST", "/api/v1/adx?strict=true", reporter, "application/adx+xml", adx), 0, 0, 1, 0);

		// rows are changed with their version, and deleted
		JsonNode row = put.body().get(1);
		assertThat(api.put("/api/v1/mappings", secretariat,
				List.of(Map.of("kind", "ORG_UNIT", "externalCode", "ou" + tag, "hululValue", "IQG15Q06", "version",
						row.get("version").asInt())))
			.body()
			.get(0)
			.get("version")
			.asInt()).isEqualTo(row.get("version").asInt() + 1);
		for (JsonNode each : api.get("/api/v1/mappings", reporter).body()) {
			if (each.get("externalCode").asString().endsWith(tag)) {
				assertThat(api
					.delete("/api/v1/mappings/" + each.get("id").asLong() + "?version=" + each.get("version").asInt(),
							secretariat)
					.status()).isEqualTo(204);
			}
		}
	}

	@Test
	void aDryRunChangesNothing() {
		ApiClient api = new ApiClient(this.port);
		String partner = newOrganisation(api);
		String reporter = token(api, Role.REPORTER, partner);
		String set = valueSet(partner, "5");
		Result dry = send("POST", "/api/v1/dataValueSets?dryRun=true", reporter, "application/json", set);
		assertThat(dry.status()).as(dry.text()).isEqualTo(200);
		assertCounts(dry, 1, 0, 0, 0);
		// not even the report was opened
		assertCounts(send("POST", "/api/v1/dataValueSets?dryRun=true", reporter, "application/json", set), 1, 0, 0, 0);
		assertCounts(send("POST", "/api/v1/dataValueSets", reporter, "application/json", set), 1, 0, 0, 0);
		Result change = send("POST", "/api/v1/dataValueSets?dryRun=true", reporter, "application/json",
				valueSet(partner, "6"));
		assertCounts(change, 0, 1, 0, 0);
		assertCounts(send("POST", "/api/v1/dataValueSets?dryRun=true", reporter, "application/json", set), 0, 0, 1, 0);
	}

	@Test
	void aReporterCannotImportIntoAnotherOrganisationAndThenNothingIsSaved() {
		ApiClient api = new ApiClient(this.port);
		String partner = newOrganisation(api);
		String reporter = token(api, Role.REPORTER, partner);
		String reviewer = token(api, Role.REVIEWER, "OCHA");
		String set = """
				{"period": "%s", "dataValues": [
				  {"dataElement": "SO2-TS-01", "orgUnit": "IQG15Q05", "categoryOptionCombo": "returnee",
				   "value": "3"},
				  {"dataElement": "SO2-TS-01", "orgUnit": "IQG15Q05", "categoryOptionCombo": "returnee",
				   "attributeOptionCombo": "IOM", "value": "4"}
				]}
				""".formatted(quarter());
		Result refused = send("POST", "/api/v1/dataValueSets", reporter, "application/json", set);
		assertThat(refused.status()).as(refused.text()).isEqualTo(409);
		assertThat(refused.json().get("status").asString()).isEqualTo("ERROR");
		assertCounts(refused, 0, 0, 2, 0);
		assertThat(refused.json().get("conflicts").valueStream().map((c) -> c.get("object").asString()))
			.containsExactly("IOM " + quarter());
		assertThat(refused.json().get("conflicts").get(0).has("error")).isFalse();
		long id = api.post("/api/v1/reports", reporter, Map.of("organisation", partner, "period", quarter()))
			.body()
			.get("id")
			.asLong();
		assertThat(api.get("/api/v1/reports/" + id + "/values", reporter).body().size()).isZero();
		// a reviewer enters no values either
		assertThat(send("POST", "/api/v1/dataValueSets", reviewer, "application/json", valueSet(partner, "1")).status())
			.isEqualTo(409);
		// but exports the quarter's approved reports
		assertThat(send("GET", "/api/v1/dataValueSets.json?period=" + quarter(), reviewer, null, null).status())
			.isEqualTo(200);
		assertThat(send("GET", "/api/v1/dataValueSets.xml?period=" + quarter(), reviewer, null, null).status())
			.isEqualTo(200);
		assertThat(send("GET", "/api/v1/dataValueSets.json?period=" + quarter(), reporter, null, null).status())
			.isEqualTo(403);
	}

	@Test
	void theSamplesUnknownCodesAreConflictsNotCrashes() {
		ApiClient api = new ApiClient(this.port);
		String reporter = token(api, Role.REPORTER, newOrganisation(api));
		for (String sample : List.of("dataValueSetJ.json", "dataValueSetCreateDate.json")) {
			Result result = send("POST", "/api/v1/dataValueSets", reporter, "application/json", fixture(sample));
			assertThat(result.status()).as(result.text()).isEqualTo(409);
			assertThat(result.json().get("status").asString()).isEqualTo("ERROR");
			assertThat(result.json().get("conflicts").valueStream().map((c) -> c.get("object").asString()))
				.contains("201201", "f7n9E0hX8qk", "DiszpKrYNg8");
			assertThat(result.json()
				.get("conflicts")
				.valueStream()
				.filter((c) -> c.get("object").asString().equals("201201"))
				.map((c) -> c.get("value").asString())).allMatch((v) -> v.contains("only quarters"));
		}
		for (String sample : List.of("ihe2015_adx_data_sample1.xml", "dhis2core_adx_data_sample1.xml",
				"dhis2core_exportB.adx.xml")) {
			Result result = send("POST", "/api/v1/adx", reporter, "application/adx+xml", fixture(sample));
			assertThat(result.status()).as(result.text()).isEqualTo(409);
			assertThat(result.json().get("conflicts").size()).isPositive();
		}
		Result strict = send("POST", "/api/v1/adx?strict=true", reporter, "application/adx+xml",
				fixture("dhis2core_exportB.adx.xml"));
		assertThat(strict.status()).isEqualTo(400);
		assertThat(strict.contentType()).startsWith("application/problem+json");
		assertThat(strict.json().get("detail").asString()).contains("exported");
	}

	@Test
	void filesTheApiCannotTakeAreProblemDetails() {
		ApiClient api = new ApiClient(this.port);
		String reporter = token(api, Role.REPORTER, newOrganisation(api));
		Result malformed = send("POST", "/api/v1/dataValueSets", reporter, "application/json",
				"{\"dataValues\": [\n{\"value\": }");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.contentType()).startsWith("application/problem+json");
		assertThat(malformed.json().get("detail").asString()).contains("line 2");
		Result invalid = send("POST", "/api/v1/adx", reporter, "application/adx+xml",
				"<adx xmlns=\"urn:ihe:qrph:adx:2015\" exported=\"2025-07-01T00:00:00Z\"><group orgUnit=\"IQG15\""
						+ " period=\"2025-04-01/P3M\"><dataValue dataElement=\"SO2-TS-01\" value=\"many\"/></group></adx>");
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.json().get("detail").asString()).contains("schema");
		Result xxe = send("POST", "/api/v1/adx", reporter, "application/xml", """
				<?xml version="1.0"?>
				<!DOCTYPE adx [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
				<adx xmlns="urn:ihe:qrph:adx:2015" exported="2025-07-01T00:00:00Z"><group orgUnit="IQG15"
				 period="2025-04-01/P3M"><dataValue dataElement="SO2-TS-01" value="1"><annotation>&secret;</annotation>
				</dataValue></group></adx>
				""");
		assertThat(xxe.status()).isEqualTo(400);
		assertThat(xxe.text()).doesNotContain("root:");
		Result brokenXml = send("POST", "/api/v1/adx", reporter, "application/xml", "<adx>\n<group>\n</adx>");
		assertThat(brokenXml.status()).isEqualTo(400);
		assertThat(brokenXml.json().get("detail").asString()).contains("line 3");
		assertThat(send("POST", "/api/v1/dataValueSets", reporter, "application/json", "").status()).isEqualTo(400);
		assertThat(send("POST", "/api/v1/adx", reporter, "application/xml", "  ").status()).isEqualTo(400);
		assertThat(send("POST", "/api/v1/dataValueSets", reporter, "text/csv", "a,b\n").status()).isEqualTo(400);
		assertThat(send("POST", "/api/v1/dataValueSets", reporter, "application/json", "dataelement,period").status())
			.isEqualTo(400);
		Result wrongType = send("POST", "/api/v1/dataValueSets", reporter, "text/plain", "{}");
		assertThat(wrongType.status()).isEqualTo(415);
		assertThat(wrongType.contentType()).startsWith("application/problem+json");
		assertThat(wrongType.json().get("detail").asString()).contains("text/plain").contains("text/csv");
		assertThat(send("POST", "/api/v1/adx", reporter, "application/json", "{}").status()).isEqualTo(415);
		assertThat(send("POST", "/api/v1/dataValueSets", null, "application/json", "{}").status()).isEqualTo(401);
	}

	@Test
	void thePagesDryRunThenImportAndListTheMappings() throws Exception {
		ApiClient api = new ApiClient(this.port);
		String partner = newOrganisation(api);
		Cookie reporter = signIn(Role.REPORTER, partner);
		byte[] set = valueSet(partner, "9").getBytes(StandardCharsets.UTF_8);
		String dryRun = this.mvc
			.perform(multipart("/exchange/dhis2")
				.file(new MockMultipartFile("file", "values.json", "application/json", set))
				.param("action", "dryRun")
				.with(csrf())
				.cookie(reporter))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(dryRun).contains("The file can be imported without conflicts.").contains("name=\"token\"");
		String kept = dryRun.replaceAll("(?s).*name=\"token\" value=\"([^\"]+)\".*", "$1");
		this.mvc
			.perform(multipart("/exchange/dhis2").param("token", kept)
				.param("action", "import")
				.with(csrf())
				.cookie(reporter))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Imported without conflicts.")));
		String broken = this.mvc
			.perform(multipart("/exchange/dhis2")
				.file(new MockMultipartFile("file", "values.xml", "application/xml", "<adx>".getBytes()))
				.with(csrf())
				.cookie(reporter))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(broken).contains("The XML is malformed");

		String token = api.token(reporterName(reporter), PASSWORD);
		long id = api.post("/api/v1/reports", token, Map.of("organisation", partner, "period", quarter()))
			.body()
			.get("id")
			.asLong();
		this.mvc.perform(get("/reports/" + id).cookie(reporter))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("/exchange/dhis2?report=" + id)));
		this.mvc.perform(get("/exchange/dhis2").param("report", String.valueOf(id)).cookie(reporter))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(org.hamcrest.Matchers.containsString("/exchange/dhis2/reports/" + id + "/adx.xml")));
		this.mvc.perform(get("/exchange/dhis2/reports/" + id + "/dataValueSet.csv").cookie(reporter))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("SO2-TS-01,")));

		this.mvc.perform(get("/exchange/dhis2/mappings").cookie(reporter))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Add a row"))));
		this.mvc
			.perform(post("/exchange/dhis2/mappings").with(csrf())
				.cookie(reporter)
				.param("kind", "ORG_UNIT")
				.param("externalCode", "page-x")
				.param("hululValue", "IQG15"))
			.andExpect(status().isForbidden());
		Cookie admin = signIn(Role.ADMIN, "OCHA");
		String tag = "page-" + UUID.randomUUID().toString().substring(0, 6);
		this.mvc
			.perform(post("/exchange/dhis2/mappings").with(csrf())
				.cookie(admin)
				.param("kind", "ORG_UNIT")
				.param("externalCode", tag)
				.param("hululValue", "iqg15"))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post("/exchange/dhis2/mappings").with(csrf())
				.cookie(admin)
				.param("kind", "ORG_UNIT")
				.param("externalCode", tag + "-bad")
				.param("hululValue", "IQG99"))
			.andExpect(status().isOk())
			.andExpect(
					content().string(org.hamcrest.Matchers.containsString("There is no location with p-code IQG99")));
		this.mvc.perform(get("/exchange/dhis2/mappings").cookie(admin))
			.andExpect(content().string(org.hamcrest.Matchers.containsString(tag)));
		JsonNode row = api.get("/api/v1/mappings", token)
			.body()
			.valueStream()
			.filter((m) -> m.get("externalCode").asString().equals(tag))
			.findFirst()
			.orElseThrow();
		assertThat(row.get("hululValue").asString()).isEqualTo("IQG15");
		this.mvc
			.perform(post("/exchange/dhis2/mappings/" + row.get("id").asLong() + "/delete").with(csrf())
				.cookie(admin)
				.param("version", row.get("version").asString()))
			.andExpect(status().is3xxRedirection());
	}

	private String reporterName(Cookie cookie) {
		return this.names.get(cookie.getValue());
	}

	private final Map<String, String> names = new java.util.concurrent.ConcurrentHashMap<>();

	private Cookie signIn(Role role, String organisation) throws Exception {
		String username = "dx-" + role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 6);
		this.accounts.create(new NewUser(username, null, PASSWORD, role, organisation, false, false));
		Cookie cookie = this.mvc
			.perform(post("/login").with(csrf()).param("username", username).param("password", PASSWORD))
			.andReturn()
			.getResponse()
			.getCookie("HULUL_SESSION");
		this.names.put(cookie.getValue(), username);
		return cookie;
	}

	private String valueSet(String organisation, String value) {
		return """
				{"dataValues": [{"dataElement": "SO2-TS-01", "period": "%s", "orgUnit": "IQG15Q07N03",
				  "categoryOptionCombo": "returnee;sex=female", "attributeOptionCombo": "%s", "value": "%s"}]}
				""".formatted(quarter(), organisation, value);
	}

	private String quarter() {
		return Period.of(this.calendar.today()).toString();
	}

	private static void assertCounts(Result result, int imported, int updated, int ignored, int deleted) {
		JsonNode count = result.json().get("importCount");
		assertThat(List.of(count.get("imported").asInt(), count.get("updated").asInt(), count.get("ignored").asInt(),
				count.get("deleted").asInt()))
			.as(result.text())
			.containsExactly(imported, updated, ignored, deleted);
	}

	private static String fixture(String name) {
		return new String(AdxReaderTests.fixture(name), StandardCharsets.UTF_8);
	}

	private Result send(String method, String path, @Nullable String token, @Nullable String contentType,
			@Nullable String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Result(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String newOrganisation(ApiClient api) {
		String code = "DX-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(java.util.Locale.ROOT);
		String admin = api.token("admin", HululIntegrationTest.ADMIN_PASSWORD);
		assertThat(api
			.post("/api/v1/organisations", admin,
					Map.of("code", code, "name", "Exchange test partner", "type", "NATIONAL_NGO"))
			.status()).isEqualTo(201);
		return code;
	}

	private String token(ApiClient api, Role role, String organisation) {
		String username = "dx-" + role.name().toLowerCase().replace('_', '-') + "-"
				+ UUID.randomUUID().toString().substring(0, 6);
		this.accounts.create(new NewUser(username, null, PASSWORD, role, organisation, false, false));
		return api.token(username, PASSWORD);
	}

	private record Result(int status, String contentType, String text) {

		JsonNode json() {
			return JSON.readTree(this.text);
		}

	}

}
