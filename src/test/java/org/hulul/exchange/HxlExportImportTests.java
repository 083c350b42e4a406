package org.hulul.exchange;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hulul.ApiClient;
import org.hulul.HululIntegrationTest;
import org.hulul.platform.Role;
import org.hulul.platform.UserAccounts;
import org.hulul.platform.UserAccounts.NewUser;
import org.hulul.reporting.Period;
import org.hulul.reporting.ReportingCalendar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report's lines as HXL over the API: the export re-imports unchanged; a partner's HXL
 * file with its columns in another order, title rows and attributes reads right; a row of
 * invalid tags, and libhxl's invalid sample, are refused and change nothing.
 */
@HululIntegrationTest
class HxlExportImportTests {

	static final String PASSWORD = "hxl-test-password";

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Autowired
	ReportingCalendar calendar;

	ReportWithLines fixture;

	ApiClient api;

	String partner;

	String reporter;

	long report;

	@BeforeEach
	void aReportWithThreeLines() {
		this.fixture = new ReportWithLines(new ApiClient(this.port), this.accounts,
				Period.of(this.calendar.today()).toString());
		this.api = this.fixture.api;
		this.partner = this.fixture.partner;
		this.reporter = this.fixture.reporter;
		this.report = this.fixture.report;
	}

	@Test
	void theExportReimportsUnchanged() {
		byte[] hxl = this.api.download("/api/v1/reports/" + this.report + "/lines.hxl.csv", this.reporter);
		String[] rows = new String(hxl, StandardCharsets.UTF_8).split("\r\n");
		assertThat(rows[0]).startsWith("\uFEFFReporting partner code,Reporting partner,");
		// Commons CSV quotes a cell that begins with #: the same CSV
		assertThat(rows[1].replace("\"", ""))
			.startsWith("#org+impl+code,#org+impl+name,#sector+code,#sector+name,#indicator+code")
			.contains("#adm1+code,#adm1+name,#adm2+code", "#date+reported,#date+start,#date+end,#population+type",
					"#reached+f,#reached+m,#indicator+num,#indicator+denom,#description+notes");
		assertThat(rows[2]).contains("SO2", "SO2-TS-01", "IQG15,", "IQG15Q07N03", "returnee,12,", "'=HYPERLINK");
		assertThat(rows[4]).contains("SO4-EDU-01", "IQG15Q05", ",40,50");
		assertThat(ReportWithLines.counts(this.fixture.upload("lines.hxl.csv", hxl, false)))
			.isEqualTo("rows=3 imported=0 updated=0 ignored=3 deleted=0 saved=true");
		// found by its hashtag row whatever its name
		assertThat(ReportWithLines.counts(this.fixture.upload("lines.csv", hxl, true)))
			.endsWith("ignored=3 deleted=0 saved=false");
		assertThat(this.fixture.lines()).containsExactlyInAnyOrder("SO2-TS-01 IQG15Q07N03 sex=female=12",
				"SO2-TS-01 IQG15Q07N03 sex=male=10", "SO4-EDU-01 IQG15Q05 =40/50");
	}

	@Test
	void columnsInAnyOrderBelowTitleRowsAndAttributesAsBreakdowns() {
		String file = "5W of the quarter,,,,,,,\n" + "Who,For whom,Where,,What,Women,Organisation,All\n"
				+ "#reached +M,#Population+type,#adm2+code,#adm3+code,#indicator+code,#reached+f,#org+name,#reached\n"
				+ "5,returnee,IQG15Q07,IQG15Q07N03,SO2-TS-01,7,HXL test partner,12\n"
				+ ",returnee,IQG15Q07,,SO2-TS-01,3,,\n";
		JsonNode result = this.fixture.upload("5w.csv", file.getBytes(StandardCharsets.UTF_8), false);
		assertThat(result.get("errors").isEmpty()).as(result.toString()).isTrue();
		assertThat(this.fixture.lines()).containsExactlyInAnyOrder("SO2-TS-01 IQG15Q07N03 =12",
				"SO2-TS-01 IQG15Q07N03 sex=female=7", "SO2-TS-01 IQG15Q07N03 sex=male=5",
				"SO2-TS-01 IQG15Q07 sex=female=3", "SO4-EDU-01 IQG15Q05 =40/50");
	}

	@Test
	void aRowOfInvalidTagsIsRefusedWithEachTagAndItsColumn() {
		String file = "#indicator+code,#123,#adm1 code,#population+type,#reached+f,#nothing,#adm1+code\n"
				+ "SO2-TS-01,x,y,returnee,99,z,IQG15\n";
		ApiClient.Response answer = this.api.upload("/api/v1/imports", this.reporter,
				Map.of("report", String.valueOf(this.report)), "bad.hxl.csv", file.getBytes(StandardCharsets.UTF_8));
		assertThat(answer.status()).isEqualTo(422);
		assertThat(answer.body()
			.get("errors")
			.valueStream()
			.map((e) -> e.get("row").asInt() + " " + e.get("column").asString() + " " + e.get("value").asString()))
			.containsExactly("1 2 #123", "1 3 #adm1 code", "1 6 #nothing");
		assertThat(answer.body().get("errors").get(1).get("reason").asString())
			.contains("“#adm1 code” in column 3 is not a valid HXL tag");
		assertThat(answer.body().get("errors").get(2).get("reason").asString())
			.contains("#nothing is not a hashtag of the HXL core dictionary");
		assertThat(this.fixture.lines()).hasSize(3);
	}

	@Test
	void libhxlsSamplesAreNotHululDataAndTheInvalidOneIsRefused() throws Exception {
		ApiClient.Response invalid = this.api.upload("/api/v1/imports", this.reporter,
				Map.of("report", String.valueOf(this.report)), "input-invalid.hxl.csv",
				sample("test_io_input-invalid.csv"));
		assertThat(invalid.status()).isEqualTo(422);
		assertThat(invalid.body().get("errors").get(0).get("reason").asString()).contains("no", "hashtag row");
		// valid HXL, but without the tags of a report's lines
		ApiClient.Response valid = this.api.upload("/api/v1/imports", this.reporter,
				Map.of("report", String.valueOf(this.report)), "input-valid.csv", sample("test_io_input-valid.csv"));
		assertThat(valid.status()).isEqualTo(422);
		assertThat(valid.body().get("errors").valueStream().map((e) -> e.get("reason").asString()))
			.anyMatch((r) -> r.contains("#indicator+code"));
		assertThat(this.fixture.lines()).hasSize(3);
	}

	private static byte[] sample(String name) throws Exception {
		try (InputStream in = HxlExportImportTests.class.getResourceAsStream("/exchange/hxl/" + name)) {
			return in.readAllBytes();
		}
	}

}
