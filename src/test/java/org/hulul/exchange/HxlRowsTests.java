package org.hulul.exchange;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tags of HXL hashtag rows: HXL's syntax, attributes in any order and case, the core
 * dictionary, and libhxl's own samples.
 */
class HxlRowsTests {

	@Test
	void attributesAreASetInAnyOrderAndCase() {
		assertThat(HxlFormat.Tag.parse("#reached +m")).isEqualTo(HxlFormat.Tag.parse("#reached+m"));
		assertThat(HxlFormat.Tag.parse("#Reached+AGE0_4 +f")).isEqualTo(HxlFormat.Tag.parse("#reached+f+age0_4"));
		assertThat(HxlFormat.Tag.parse(" #adm1 + code ")).hasToString("#adm1+code");
		assertThat(HxlFormat.Tag.parse("#reached+f+age0_4")).hasToString("#reached+age0_4+f");
		assertThat(HxlFormat.Tag.parse("#indicator+code").is("indicator", "code")).isTrue();
	}

	@Test
	void invalidTagsAreNamedWithTheirColumn() {
		SourceRow row = row("#indicator+code", "#123", "#adm1 code", "", "#adm2+code", "#nothing+code", "#org+2x",
				"#reached+");
		assertThat(HxlRows.hashtagRow(row)).isTrue();
		assertThat(HxlRows.invalid(row).stream().map((b) -> b.column() + " " + b.tag() + " " + b.messageKey()))
			.containsExactly("2 #123 hxl.error.invalidTag", "3 #adm1 code hxl.error.invalidTag",
					"6 #nothing+code hxl.error.unknownHashtag", "7 #org+2x hxl.error.invalidTag",
					"8 #reached+ hxl.error.invalidTag");
		assertThat(HxlRows.hashtagRow(row("Indicator", "#adm1+code"))).isFalse();
		assertThat(HxlRows.hashtagRow(row("", ""))).isFalse();
	}

	@Test
	void breakdownsHaveHxlAttributes() {
		assertThat(List.of(HxlFormat.attribute("sex", "female"), HxlFormat.attribute("sex", "male"),
				HxlFormat.attribute("age", "0-4"), HxlFormat.attribute("age", "60+"),
				HxlFormat.attribute("days_worked", "1-5"), HxlFormat.attribute("damage", "heavy")))
			.containsExactly("f", "m", "age0_4", "age60_plus", "days_worked_1_5", "damage_heavy");
	}

	@Test
	void libhxlsValidSamplesParse() throws Exception {
		assertThat(hashtags("test_io_input-valid.csv")).containsExactly("#sector+es", "#subsector+es", "#org+es",
				"#targeted+f", "#targeted+m", "#country", "#adm1", "#date+reported");
		assertThat(hashtags("test_scripts_input-simple.csv")).containsExactly("#sector", "#subsector", "#org",
				"#population+sex", "#targeted", "#country", "#adm1");
		assertThat(hashtags("mock_taxonomy.csv")).containsExactly("#adm1+name", "#adm1+code");
	}

	@Test
	void libhxlsInvalidSampleHasNoHashtagRow() throws Exception {
		assertThat(rows("test_io_input-invalid.csv")).noneMatch(HxlRows::hashtagRow);
	}

	/** The tags of the file's hashtag row, checked valid. */
	private static List<String> hashtags(String file) throws Exception {
		SourceRow hashtags = rows(file).stream().filter(HxlRows::hashtagRow).findFirst().orElseThrow();
		assertThat(HxlRows.invalid(hashtags)).as(file).isEmpty();
		return HxlRows.tags(hashtags).stream().filter(Objects::nonNull).map(Object::toString).toList();
	}

	private static List<SourceRow> rows(String file) throws Exception {
		List<SourceRow> rows = new ArrayList<>();
		CsvRows.read(Path.of(HxlRowsTests.class.getResource("/exchange/hxl/" + file).toURI()), 100, rows::add);
		return rows;
	}

	private static SourceRow row(String... cells) {
		return new SourceRow(null, 1,
				Arrays.stream(cells).map((c) -> c.isEmpty() ? null : SourceRow.Cell.text(c)).toList());
	}

}
