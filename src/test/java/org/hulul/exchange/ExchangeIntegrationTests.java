package org.hulul.exchange;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
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
 * Files in and out of a report over the API: the template round trip, a corrected file,
 * names, digits and encodings as partners write them, and each kind of bad file refused
 * with a clear error and nothing changed.
 */
@HululIntegrationTest
class ExchangeIntegrationTests {

	static final String PASSWORD = "exchange-test-password";

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
	void theTemplateGoesBackAsItCameAndACorrectedFileReplacesItsIndicators() {
		byte[] template = this.api.download("/api/v1/reports/" + this.report + "/template.xlsx", this.reporter);
		JsonNode same = this.fixture.upload("template.xlsx", template, false);
		assertThat(ReportWithLines.counts(same))
			.isEqualTo("rows=3 imported=0 updated=0 ignored=3 deleted=0 saved=true");
		assertThat(this.fixture.history()).isEqualTo(3);

		byte[] csv = this.api.download("/api/v1/reports/" + this.report + "/lines.csv", this.reporter);
		String text = new String(csv, StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFFindicator,indicator_name").contains("'=HYPERLINK");
		assertThat(ReportWithLines.counts(this.fixture.upload("lines.csv", csv, false)))
			.endsWith("ignored=3 deleted=0 saved=true");

		// a corrected file of one indicator: its lines replaced, the other indicator's
		// kept
		String corrected = "indicator,location,population_group,sex,value\n"
				+ "SO2-TS-01,IQG15Q07N03,returnee,female,15\n" + "SO2-TS-01,IQG15Q07N03,returnee,,25\n";
		JsonNode done = this.fixture.upload("corrected.csv", corrected.getBytes(StandardCharsets.UTF_8), false);
		assertThat(ReportWithLines.counts(done))
			.isEqualTo("rows=2 imported=1 updated=1 ignored=0 deleted=1 saved=true");
		assertThat(done.get("warnings").get(0).get("reason").asString()).contains("adds up to 15");
		assertThat(this.fixture.lines()).containsExactly("SO2-TS-01 IQG15Q07N03 =25",
				"SO2-TS-01 IQG15Q07N03 sex=female=15", "SO4-EDU-01 IQG15Q05 =40/50");
	}

	@Test
	void valuesWrittenWhileALongFileIsReadAreRolledBackWhenItIsRefused() {
		List<String> saved = this.fixture.lines();
		int history = this.fixture.history();
		// more than a part (5,000 lines), which is written while the rest is read
		StringBuilder file = new StringBuilder("indicator,location,population_group,sex,value\n");
		file.append("SO2-TS-01,IQG15Q07N03,returnee,female,99\n");
		for (int i = 0; i < 6000; i++) {
			file.append("SO4-EDU-01,IQG15Q05,returnee,,\n");
		}
		String duplicates = file.toString();
		file.append("SO2-TS-01,IQG15Q07N03,returnee,male,many\n");
		JsonNode unreadable = this.fixture.upload("long.csv", file.toString().getBytes(StandardCharsets.UTF_8), false);
		assertThat(unreadable.get("saved").asBoolean()).isFalse();
		assertThat(unreadable.get("errors").get(0).get("row").asInt()).isEqualTo(6003);
		assertThat(this.fixture.lines()).isEqualTo(saved);
		// read, but the checks refuse it (the same line 6,000 times)
		JsonNode refused = this.fixture.upload("long.csv", duplicates.getBytes(StandardCharsets.UTF_8), false);
		assertThat(refused.get("saved").asBoolean()).isFalse();
		assertThat(refused.get("errors").size()).isGreaterThan(0);
		assertThat(this.fixture.lines()).isEqualTo(saved);
		assertThat(this.fixture.history()).isEqualTo(history);
	}

	@Test
	void namesDigitsAndEncodingsAreReadAsPartnersWriteThem() {
		String arabic = "indicator;location;population_group;sex;value;numerator;denominator\n"
				+ "SO2-TS-01;سنجار;العائدون;أنثى;١٬٢٠٠;;\n" + "SO4-EDU-01;Al-Mosul;returnee;;;٤٠;٥٠\n";
		// Windows-1256 has no Arabic-Indic digits: files saved in it have Western ones
		for (Charset charset : List.of(StandardCharsets.UTF_8, Charset.forName("windows-1256"))) {
			String text = charset.equals(StandardCharsets.UTF_8) ? arabic
					: arabic.replace("١٬٢٠٠", "1200").replace("٤٠", "40").replace("٥٠", "50");
			JsonNode read = this.fixture.upload("arabic.csv", text.getBytes(charset), true);
			assertThat(read.get("errors").isEmpty()).as(charset + ": " + read).isTrue();
			assertThat(ReportWithLines.counts(read)).as(charset.name())
				.isEqualTo("rows=2 imported=1 updated=0 ignored=1 deleted=2 saved=false");
		}
		byte[] bom = ("\uFEFF" + arabic).getBytes(StandardCharsets.UTF_8);
		assertThat(this.fixture.upload("bom.csv", bom, false).get("saved").asBoolean()).isTrue();
		assertThat(this.fixture.lines()).containsExactly("SO2-TS-01 IQG15Q07 sex=female=1200",
				"SO4-EDU-01 IQG15Q05 =40/50");
	}

	@Test
	void everyProblemIsSaidWithItsRowAndColumnAndNothingIsSaved() {
		String wrong = "indicator,location,population_group,sex,value\n" + "SO2-TS-01,Sinjr,returnee,female,12\n"
				+ "SO2-TS-01,IQG15Q07N03,returnee,woman,3\n" + "SO2-TS-01,IQG15Q07N03,returnee,male,-4\n"
				+ "SO2-TS-01,IQG15Q07N03,returnee,,twelve\n" + "SO9-XX-01,IQG15,returnee,,1\n";
		JsonNode result = this.fixture.upload("wrong.csv", wrong.getBytes(StandardCharsets.UTF_8), false);
		assertThat(result.get("saved").asBoolean()).isFalse();
		assertThat(result.get("errors")
			.valueStream()
			.map((e) -> e.get("row").asInt() + " " + e.get("column").asString(null) + " "
					+ e.get("value").asString(null)))
			.containsExactly("2 location Sinjr", "3 sex woman", "5 value twelve", "6 indicator SO9-XX-01");
		assertThat(result.get("errors").get(0).get("reason").asString()).contains("Did you mean Sinjar (IQG15Q07)");
		// the negative value is the report's own rule, found once the rows are read
		JsonNode negative = this.fixture.upload("negative.csv",
				"indicator,location,population_group,sex,value\nSO2-TS-01,IQG15Q07N03,returnee,male,-4\n"
					.getBytes(StandardCharsets.UTF_8),
				false);
		assertThat(negative.get("errors").get(0).get("row").asInt()).isEqualTo(2);
		assertThat(negative.get("errors").get(0).get("column").asString()).isEqualTo("value");
		assertThat(negative.get("errors").get(0).get("reason").asString()).contains("cannot be negative");
		assertThat(this.fixture.lines()).hasSize(3);
	}

	@Test
	void badFilesAreRefusedWithTheReasonAndChangeNothing() throws Exception {
		byte[] template = this.api.download("/api/v1/reports/" + this.report + "/template.xlsx", this.reporter);
		Map<String, byte[]> bad = new java.util.LinkedHashMap<>();
		bad.put("empty.csv", new byte[0]);
		bad.put("utf16.csv", "indicator,location\n".getBytes(StandardCharsets.UTF_16LE));
		bad.put("truncated.xlsx", java.util.Arrays.copyOf(template, template.length / 2));
		byte[] corrupt = template.clone();
		for (int i = 200; i < corrupt.length - 200; i++) {
			corrupt[i] = (byte) (i * 31);
		}
		bad.put("corrupt.xlsx", corrupt);
		bad.put("old.xlsx", new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
				(byte) 0xE1, 0, 0, 0 });
		bad.put("formula.xlsx", workbook((sheet) -> {
			header(sheet);
			sheet.value(1, 0, "SO2-TS-01");
			sheet.value(1, 1, "IQG15Q07N03");
			sheet.value(1, 2, "returnee");
			sheet.formula(1, 3, "5+7");
		}));
		bad.put("merged.xlsx", workbook((sheet) -> {
			header(sheet);
			for (int r = 1; r <= 2; r++) {
				sheet.value(r, 1, "IQG15Q07N03");
				sheet.value(r, 2, "returnee");
				sheet.value(r, 3, 5);
			}
			sheet.value(1, 0, "SO2-TS-01");
			sheet.range(1, 0, 2, 0).merge();
		}));
		Map<String, String> reasons = Map.of("empty.csv", "empty", "utf16.csv", "UTF-16", "truncated.xlsx",
				"damaged or incomplete", "corrupt.xlsx", "damaged or incomplete", "old.xlsx", ".xls", "formula.xlsx",
				"A formula where a value is expected", "merged.xlsx", "merged cells");
		for (Map.Entry<String, byte[]> file : bad.entrySet()) {
			ApiClient.Response answer = this.api.upload("/api/v1/imports", this.reporter,
					Map.of("report", String.valueOf(this.report)), file.getKey(), file.getValue());
			assertThat(answer.status()).as(file.getKey()).isEqualTo(422);
			assertThat(answer.body().get("errors").get(0).get("reason").asString()).as(file.getKey())
				.contains(reasons.get(file.getKey()));
		}
		// over the size limit (5 MB in the tests): refused before it is read
		ApiClient.Response big = this.api.upload("/api/v1/imports", this.reporter,
				Map.of("report", String.valueOf(this.report)), "big.csv", new byte[6 * 1024 * 1024]);
		assertThat(big.status()).isEqualTo(413);
		assertThat(big.contentType()).contains("problem+json");
		assertThat(this.fixture.lines()).hasSize(3);
		assertThat(this.fixture.history()).isEqualTo(3);
	}

	@Test
	void onlyTheOrganisationsReportersImport() {
		byte[] csv = "indicator,location,population_group,sex,value\nSO2-TS-01,IQG15Q07N03,returnee,male,1\n"
			.getBytes(StandardCharsets.UTF_8);
		String other = this.fixture.token(Role.REPORTER, "IOM");
		assertThat(
				this.api.upload("/api/v1/imports", other, Map.of("report", String.valueOf(this.report)), "x.csv", csv)
					.status())
			.isEqualTo(404);
		assertThat(this.api
			.upload("/api/v1/imports", other, Map.of("organisation", this.partner, "period", period()), "x.csv", csv)
			.status()).isEqualTo(403);
		assertThat(this.api
			.upload("/api/v1/imports", this.fixture.token(Role.REVIEWER, "IOM"),
					Map.of("report", String.valueOf(this.report)), "x.csv", csv)
			.status()).isEqualTo(403);
		// by organisation and period: the report is opened if new
		ApiClient.Response opened = this.api.upload("/api/v1/imports", this.reporter,
				Map.of("organisation", this.partner, "period", Period.parse(period()).next().toString()), "x.csv", csv);
		assertThat(opened.status()).isEqualTo(200);
		assertThat(opened.body().get("imported").asInt()).isOne();
		assertThat(this.fixture.lines()).hasSize(3);
	}

	private String period() {
		return Period.of(this.calendar.today()).toString();
	}

	private static void header(Worksheet sheet) {
		List<String> headers = List.of("indicator", "location", "population_group", "value");
		for (int c = 0; c < headers.size(); c++) {
			sheet.value(0, c, headers.get(c));
		}
	}

	private static byte[] workbook(java.util.function.Consumer<Worksheet> fill) throws java.io.IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbook workbook = new Workbook(out, "test", "1.0");
		fill.accept(workbook.newWorksheet("lines"));
		workbook.finish();
		return out.toByteArray();
	}

}
