package org.hulul.reporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

import org.hulul.framework.Aggregation;
import org.hulul.framework.FrameworkDefinition;
import org.hulul.framework.ValueType;

/**
 * The rules every line of a report obeys, checked while entering and again on submit.
 * Errors: unknown indicator, location, population group or breakdown; a location below
 * the lowest level the indicator allows; a missing, negative or fractional count; a
 * numerator above its denominator for percentages; a value where a numerator and
 * denominator are expected or the other way round; the same line twice. Warnings: a value
 * far outside the organisation's own history ({@link OutlierRule}); a breakdown whose
 * parts do not add up to the total entered.
 */
public final class LineValidator {

	private final FrameworkDefinition framework;

	private final Function<String, OptionalInt> locationLevel;

	private final OutlierRule outliers;

	private final Set<String> populationGroups = new HashSet<>();

	/** The framework's indicators by upper-case code: imports check many lines. */
	private final Map<String, FrameworkDefinition.Indicator> indicators = new HashMap<>();

	/**
	 * @param framework the framework version the report is made against
	 * @param locationLevel the administrative level (1–3) of a p-code, empty when unknown
	 * @param outliers the rule for values far outside the history
	 */
	public LineValidator(FrameworkDefinition framework, Function<String, OptionalInt> locationLevel,
			OutlierRule outliers) {
		this.framework = framework;
		this.locationLevel = locationLevel;
		this.outliers = outliers;
		framework.populationGroups().forEach((g) -> this.populationGroups.add(g.code()));
		framework.indicators().forEach((i) -> this.indicators.put(i.code().toUpperCase(java.util.Locale.ROOT), i));
	}

	/**
	 * Every problem of the lines; {@code history} holds, per line key, the values the
	 * organisation reported in past quarters.
	 */
	public List<LineProblem> validate(List<ReportLine> lines, Map<ReportLine.Key, List<Double>> history) {
		List<LineProblem> problems = new ArrayList<>();
		Map<ReportLine.Key, Integer> seen = new HashMap<>();
		for (int i = 0; i < lines.size(); i++) {
			ReportLine line = lines.get(i);
			Integer first = seen.putIfAbsent(line.key(), i);
			if (first != null) {
				problems.add(LineProblem.error(i, "line", "report.line.duplicate", first + 1));
			}
			Optional<FrameworkDefinition.Indicator> found = Optional
				.ofNullable(this.indicators.get(line.indicator().toUpperCase(java.util.Locale.ROOT)));
			if (found.isEmpty()) {
				problems.add(LineProblem.error(i, "indicator", "report.line.unknownIndicator", line.indicator()));
				continue;
			}
			FrameworkDefinition.Indicator indicator = found.get();
			checkLocation(i, line, indicator, problems);
			if (!this.populationGroups.contains(line.populationGroup())) {
				problems.add(LineProblem.error(i, "populationGroup", "report.line.unknownPopulationGroup",
						line.populationGroup()));
			}
			checkBreakdown(i, line, indicator, problems);
			checkValue(i, line, indicator, problems);
			checkHistory(i, line, indicator, history.getOrDefault(line.key(), List.of()), problems);
		}
		checkTotals(lines, problems);
		return problems.stream().map((p) -> p.about(lines.get(p.line()).key())).toList();
	}

	private void checkLocation(int i, ReportLine line, FrameworkDefinition.Indicator indicator,
			List<LineProblem> problems) {
		OptionalInt level = this.locationLevel.apply(line.location());
		if (level.isEmpty()) {
			problems.add(LineProblem.error(i, "location", "report.line.unknownLocation", line.location()));
		}
		else if (level.getAsInt() > indicator.lowestLevel()) {
			problems.add(LineProblem.error(i, "location", "report.line.levelNotAllowed", line.location(),
					indicator.code(), indicator.lowestLevel()));
		}
	}

	private void checkBreakdown(int i, ReportLine line, FrameworkDefinition.Indicator indicator,
			List<LineProblem> problems) {
		line.disaggregation().forEach((category, option) -> {
			if (!indicator.disaggregations().contains(category)) {
				problems.add(LineProblem.error(i, "disaggregation", "report.line.categoryNotAllowed", category,
						indicator.code()));
			}
			else if (this.framework.category(category)
				.map((c) -> c.options().stream().noneMatch((o) -> o.code().equals(option)))
				.orElse(true)) {
				problems.add(LineProblem.error(i, "disaggregation", "report.line.unknownOption", option, category));
			}
		});
	}

	private static void checkValue(int i, ReportLine line, FrameworkDefinition.Indicator indicator,
			List<LineProblem> problems) {
		if (indicator.aggregation() == Aggregation.RATIO) {
			if (line.value() != null) {
				problems.add(LineProblem.error(i, "value", "report.line.ratioNeedsParts", indicator.code()));
			}
			if (line.numerator() == null || line.denominator() == null) {
				problems.add(LineProblem.error(i, (line.numerator() == null) ? "numerator" : "denominator",
						"report.line.missingPart", indicator.code()));
				return;
			}
			checkNumber(i, "numerator", line.numerator(), true, problems);
			checkNumber(i, "denominator", line.denominator(), true, problems);
			if (line.denominator().signum() == 0) {
				problems.add(LineProblem.error(i, "denominator", "report.line.zeroDenominator"));
			}
			else if (indicator.valueType() == ValueType.PERCENTAGE
					&& line.numerator().compareTo(line.denominator()) > 0) {
				problems.add(LineProblem.error(i, "numerator", "report.line.numeratorAboveDenominator",
						line.numerator().toPlainString(), line.denominator().toPlainString()));
			}
			return;
		}
		if (line.numerator() != null || line.denominator() != null) {
			problems.add(LineProblem.error(i, "numerator", "report.line.noParts", indicator.code()));
		}
		if (line.value() == null) {
			problems.add(LineProblem.error(i, "value", "report.line.missingValue"));
			return;
		}
		checkNumber(i, "value", line.value(), indicator.valueType() == ValueType.COUNT, problems);
		if (indicator.valueType() == ValueType.PERCENTAGE && line.value().compareTo(BigDecimal.valueOf(100)) > 0) {
			problems.add(LineProblem.error(i, "value", "report.line.percentageAbove100", line.value().toPlainString()));
		}
	}

	private static void checkNumber(int i, String field, BigDecimal number, boolean whole, List<LineProblem> problems) {
		if (number.signum() < 0) {
			problems.add(LineProblem.error(i, field, "report.line.negative", number.toPlainString()));
		}
		else if (whole && number.stripTrailingZeros().scale() > 0) {
			problems.add(LineProblem.error(i, field, "report.line.notWhole", number.toPlainString()));
		}
		else if (number.stripTrailingZeros().scale() > DECIMALS) {
			problems.add(LineProblem.error(i, field, "report.line.tooPrecise", number.toPlainString(), DECIMALS));
		}
		else if (number.compareTo(LARGEST) > 0) {
			problems.add(LineProblem.error(i, field, "report.line.tooLarge", number.toPlainString()));
		}
	}

	/** What a value holds (numeric(20, 4)): four decimals, sixteen digits before them. */
	private static final int DECIMALS = 4;

	private static final BigDecimal LARGEST = new BigDecimal("9999999999999999.9999");

	private void checkHistory(int i, ReportLine line, FrameworkDefinition.Indicator indicator, List<Double> past,
			List<LineProblem> problems) {
		Double value = (indicator.aggregation() == Aggregation.RATIO)
				? ((line.numerator() != null && line.denominator() != null && line.denominator().signum() != 0)
						? line.numerator().doubleValue() / line.denominator().doubleValue() : null)
				: ((line.value() != null) ? line.value().doubleValue() : null);
		if (value == null) {
			return;
		}
		this.outliers.expectedRange(past)
			.filter((range) -> !range.contains(value))
			.ifPresent((range) -> problems.add(LineProblem.warning(i, "value", "report.line.outlier", format(value),
					format(range.low()), format(range.high()), past.size())));
	}

	/**
	 * A breakdown whose parts do not add up to the total entered: the parts are the lines
	 * broken down by the same categories (by sex; or by sex and age, every combination),
	 * compared with the line of the same indicator, location and group without a
	 * breakdown.
	 */
	private static void checkTotals(List<ReportLine> lines, List<LineProblem> problems) {
		Map<ReportLine.Key, ReportLine> totals = new HashMap<>();
		for (ReportLine line : lines) {
			if (line.disaggregation().isEmpty() && line.value() != null) {
				totals.putIfAbsent(line.key(), line);
			}
		}
		Map<List<Object>, BigDecimal> sums = new java.util.LinkedHashMap<>();
		Map<List<Object>, Integer> firstLine = new HashMap<>();
		for (int i = 0; i < lines.size(); i++) {
			ReportLine line = lines.get(i);
			if (!line.disaggregation().isEmpty() && line.value() != null && totals.containsKey(line.key().total())) {
				List<Object> group = List.of(line.key().total(), String.join(" × ", line.disaggregation().keySet()));
				sums.merge(group, line.value(), BigDecimal::add);
				firstLine.putIfAbsent(group, i);
			}
		}
		sums.forEach((group, sum) -> {
			ReportLine total = totals.get((ReportLine.Key) group.get(0));
			if (sum.compareTo(total.value()) != 0) {
				problems.add(LineProblem.warning(firstLine.get(group), "disaggregation", "report.line.totalMismatch",
						group.get(1), ReportingRepository.plain(sum), ReportingRepository.plain(total.value())));
			}
		});
	}

	private static String format(double value) {
		return (value == Math.rint(value)) ? String.valueOf((long) value) : String.format("%.2f", value);
	}

}
