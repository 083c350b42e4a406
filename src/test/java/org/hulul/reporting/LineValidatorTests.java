package org.hulul.reporting;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

import org.hulul.framework.Aggregation;
import org.hulul.framework.FrameworkDefinition;
import org.hulul.framework.FrameworkDefinition.Category;
import org.hulul.framework.FrameworkDefinition.Indicator;
import org.hulul.framework.FrameworkDefinition.Named;
import org.hulul.framework.Text;
import org.hulul.framework.ValueType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LineValidatorTests {

	private static final Text T = new Text("t", null, null);

	private static final FrameworkDefinition FRAMEWORK = new FrameworkDefinition("test", "1", T, "test", null, T,
			List.of(new Category("sex", T, List.of(new Named("female", T), new Named("male", T))),
					new Category("age", T, List.of(new Named("0-17", T), new Named("18+", T)))),
			List.of(new Named("returnee", T), new Named("idp_in_camp", T)),
			List.of(new FrameworkDefinition.Objective("SO1", T, T, null,
					List.of(new FrameworkDefinition.SubCriterion("SO1-AB", T,
							List.of(indicator("SO1-AB-01", ValueType.COUNT, Aggregation.SUM, List.of("sex"), 3),
									indicator("SO1-AB-02", ValueType.COUNT, Aggregation.SUM, List.of(), 1),
									indicator("SO1-AB-03", ValueType.PERCENTAGE, Aggregation.RATIO, List.of(), 3),
									indicator("SO1-AB-04", ValueType.COUNT, Aggregation.SUM, List.of("sex", "age"), 3),
									indicator("SO1-AB-05", ValueType.DECIMAL, Aggregation.LATEST, List.of(), 1)))))));

	private final LineValidator validator = new LineValidator(FRAMEWORK, (pcode) -> switch (pcode.length()) {
		case 5 -> OptionalInt.of(1);
		case 8 -> OptionalInt.of(2);
		case 11 -> OptionalInt.of(3);
		default -> OptionalInt.empty();
	}, OutlierRule.DEFAULT);

	@Test
	void goodLinesHaveNoProblem() {
		assertThat(validate(line("SO1-AB-01", "IQG15Q07N03", Map.of("sex", "female"), "12"),
				line("SO1-AB-01", "IQG15Q07N03", Map.of("sex", "male"), "10"),
				line("SO1-AB-02", "IQG15", Map.of(), "3"), ratio("SO1-AB-03", "IQG15Q07", "40", "50")))
			.isEmpty();
	}

	@Test
	void wrongValuesAreErrors() {
		assertThat(keys(validate(line("SO1-AB-01", "IQG15Q07N03", Map.of(), "-1"),
				line("SO1-AB-01", "IQG15Q07", Map.of(), "2.5"), line("SO1-AB-01", "IQG15Q07N01", Map.of(), null),
				ratio("SO1-AB-03", "IQG15Q07", "60", "50"), ratio("SO1-AB-03", "IQG15Q07N01", "1", "0"))))
			.containsExactly("report.line.negative", "report.line.notWhole", "report.line.missingValue",
					"report.line.numeratorAboveDenominator", "report.line.zeroDenominator");
	}

	@Test
	void numbersTheDatabaseCannotHoldAreErrors() {
		assertThat(keys(validate(line("SO1-AB-01", "IQG15Q07N03", Map.of(), "12345678901234567"),
				line("SO1-AB-01", "IQG15Q07", Map.of(), "9999999999999999"),
				line("SO1-AB-05", "IQG15", Map.of(), "2.12345"), line("SO1-AB-05", "IQG16", Map.of(), "2.1234"))))
			.containsExactly("report.line.tooLarge", "report.line.tooPrecise");
		assertThat(validate(line("SO1-AB-01", "IQG15Q07N03", Map.of(), "12345678901234567")).get(0).args())
			.containsExactly("12345678901234567");
	}

	@Test
	void unknownOrDisallowedThingsAreErrors() {
		assertThat(keys(validate(line("SO9-XX-01", "IQG15", Map.of(), "1"),
				line("SO1-AB-02", "IQG15Q07", Map.of(), "1"), line("SO1-AB-01", "IQG99Q99N99X", Map.of(), "1"),
				line("SO1-AB-01", "IQG15", Map.of("age", "0-4"), "1"),
				line("SO1-AB-01", "IQG15Q01", Map.of("sex", "other"), "1"))))
			.containsExactly("report.line.unknownIndicator", "report.line.levelNotAllowed",
					"report.line.unknownLocation", "report.line.categoryNotAllowed", "report.line.unknownOption");
	}

	@Test
	void theSameLineTwiceIsAnError() {
		List<LineProblem> problems = validate(line("SO1-AB-01", "IQG15", Map.of("sex", "female"), "1"),
				line("so1-ab-01", "iqg15", Map.of("sex", "female"), "2"));
		assertThat(problems).singleElement().satisfies((p) -> {
			assertThat(p.line()).isEqualTo(1);
			assertThat(p.messageKey()).isEqualTo("report.line.duplicate");
			assertThat(p.args()).containsExactly("1");
		});
	}

	@Test
	void aBreakdownThatDoesNotAddUpToItsTotalIsAWarning() {
		List<LineProblem> problems = validate(line("SO1-AB-01", "IQG15", Map.of(), "30"),
				line("SO1-AB-01", "IQG15", Map.of("sex", "female"), "12"),
				line("SO1-AB-01", "IQG15", Map.of("sex", "male"), "10"));
		assertThat(problems).singleElement().satisfies((p) -> {
			assertThat(p.severity()).isEqualTo(LineProblem.Severity.WARNING);
			assertThat(p.messageKey()).isEqualTo("report.line.totalMismatch");
			assertThat(p.args()).containsExactly("sex", "22", "30");
		});
	}

	@Test
	void eachBreakdownIsComparedWithTheTotalOnItsOwn() {
		// the grid's full cross (sex × age) adds up; the breakdown by sex alone does not
		List<LineProblem> problems = validate(line("SO1-AB-04", "IQG15", Map.of(), "20"),
				line("SO1-AB-04", "IQG15", Map.of("sex", "female", "age", "0-17"), "5"),
				line("SO1-AB-04", "IQG15", Map.of("sex", "female", "age", "18+"), "7"),
				line("SO1-AB-04", "IQG15", Map.of("sex", "male", "age", "18+"), "8"),
				line("SO1-AB-04", "IQG15", Map.of("sex", "female"), "11"),
				line("SO1-AB-04", "IQG15", Map.of("sex", "male"), "8"));
		assertThat(problems).singleElement().satisfies((p) -> {
			assertThat(p.args()).containsExactly("sex", "19", "20");
			assertThat(p.key()).isEqualTo(line("SO1-AB-04", "IQG15", Map.of("sex", "female"), "11").key());
		});
		assertThat(validate(line("SO1-AB-04", "IQG15", Map.of(), "21"),
				line("SO1-AB-04", "IQG15", Map.of("sex", "female", "age", "0-17"), "5"),
				line("SO1-AB-04", "IQG15", Map.of("sex", "male", "age", "18+"), "8")))
			.singleElement()
			.satisfies((p) -> assertThat(p.args()).containsExactly("age × sex", "13", "21"));
	}

	@Test
	void aValueFarOutsideTheOrganisationsHistoryIsAWarning() {
		ReportLine line = line("SO1-AB-02", "IQG15", Map.of(), "900");
		List<LineProblem> problems = this.validator.validate(List.of(line),
				Map.of(line.key(), List.of(30.0, 35.0, 28.0, 32.0)));
		assertThat(problems).singleElement().satisfies((p) -> {
			assertThat(p.severity()).isEqualTo(LineProblem.Severity.WARNING);
			assertThat(p.messageKey()).isEqualTo("report.line.outlier");
		});
	}

	private List<LineProblem> validate(ReportLine... lines) {
		return this.validator.validate(List.of(lines), Map.of());
	}

	private static List<String> keys(List<LineProblem> problems) {
		return problems.stream().map(LineProblem::messageKey).toList();
	}

	private static ReportLine line(String indicator, String location, Map<String, String> breakdown, String value) {
		return new ReportLine(indicator, location, "returnee", new TreeMap<>(breakdown),
				(value != null) ? new BigDecimal(value) : null, null, null, null);
	}

	private static ReportLine ratio(String indicator, String location, String numerator, String denominator) {
		return new ReportLine(indicator, location, "returnee", new TreeMap<>(), null, new BigDecimal(numerator),
				new BigDecimal(denominator), null);
	}

	private static Indicator indicator(String code, ValueType type, Aggregation aggregation, List<String> breakdown,
			int lowestLevel) {
		return new Indicator(code, T, T, T, null, type, aggregation, (aggregation == Aggregation.RATIO) ? T : null,
				(aggregation == Aggregation.RATIO) ? T : null, breakdown, lowestLevel, 1, null);
	}

}
