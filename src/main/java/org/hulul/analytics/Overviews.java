package org.hulul.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.hulul.framework.FrameworkDefinition;
import org.hulul.framework.Frameworks;
import org.hulul.platform.HululPrincipal;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The overview of the results: per specific objective, its indicators over the last four
 * quarters that have approved values, for everyone or one organisation, asked of the
 * analytics in one question.
 */
@Component
public class Overviews {

	static final int QUARTERS = 4;

	private final Analytics analytics;

	private final AnalyticsStore store;

	private final Frameworks frameworks;

	Overviews(Analytics analytics, AnalyticsStore store, Frameworks frameworks) {
		this.analytics = analytics;
		this.store = store;
		this.frameworks = frameworks;
	}

	/** The quarters shown, oldest first, and each objective's indicators with values. */
	public record Overview(List<String> quarters, List<Objective> objectives) {
	}

	/**
	 * An objective's part of the overview: its indicators with values, and its headline
	 * indicator (the first with values by governorate) by governorate in the latest of
	 * the quarters where it has them, for the map (null values withheld).
	 */
	public record Objective(String code, String name, List<Indicator> indicators, @Nullable Indicator headline,
			@Nullable String headlineQuarter, Map<String, @Nullable Double> headlineByGovernorate) {

		/** The headline's values by governorate as the map reads them (JSON). */
		public String headlineValues() {
			StringBuilder json = new StringBuilder("{");
			this.headlineByGovernorate.forEach((pcode, value) -> json.append((json.length() > 1) ? "," : "")
				.append('"')
				.append(pcode.replaceAll("[^A-Za-z0-9]", ""))
				.append("\":")
				.append((value != null && Double.isFinite(value)) ? Double.toString(value) : "null"));
			return json.append('}').toString();
		}

	}

	/**
	 * An indicator's line: its value per quarter (null: none) and the change over the
	 * last quarter (1 up, -1 down, 0 the same or nothing to compare).
	 */
	public record Indicator(String code, String name, String unit, List<@Nullable Double> values,
			List<Boolean> suppressed, int trend) {

		/**
		 * The values as the points of a small line (60 × 16, higher values up), quarters
		 * without a value left out; empty with fewer than two values.
		 */
		public String sparkline() {
			double low = Double.MAX_VALUE;
			double high = -Double.MAX_VALUE;
			int held = 0;
			for (Double value : this.values) {
				if (value != null) {
					low = Math.min(low, value);
					high = Math.max(high, value);
					held++;
				}
			}
			if (held < 2) {
				return "";
			}
			StringBuilder points = new StringBuilder();
			int n = this.values.size();
			for (int i = 0; i < n; i++) {
				Double value = this.values.get(i);
				if (value == null) {
					continue;
				}
				double x = (n == 1) ? 0 : 60.0 * i / (n - 1);
				double y = (high == low) ? 8 : 15 - 14 * (value - low) / (high - low);
				points.append((points.length() > 0) ? " " : "").append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
			}
			return points.toString();
		}

	}

	/**
	 * The overview of every organisation's values, or of one organisation's
	 * ({@code organisation}, a code).
	 */
	public Overview of(HululPrincipal me, @Nullable String organisation, Locale locale) {
		List<String> quarters = quarters();
		Map<String, Set<String>> filters = new HashMap<>(Map.of("period", Set.copyOf(quarters)));
		if (organisation != null) {
			filters.put("organisation", Set.of(organisation));
		}
		AnalyticsQuery query = new AnalyticsQuery(List.of("indicator", "period"), filters, false);
		if (quarters.isEmpty()) {
			return build(List.of(), List.of(), quarters, 0, locale);
		}
		AnalyticsQuery places = new AnalyticsQuery(List.of("indicator", "period", "adm1"), filters, false);
		return build(this.analytics.query(me, query).rows(), this.analytics.query(me, places).rows(), quarters, 0,
				locale);
	}

	/**
	 * The overview anyone may see, signed in or not: approved values of all organisations
	 * only, each value below {@code minimum} (a ratio's denominator below it) withheld.
	 */
	public Overview ofPublic(int minimum, Locale locale) {
		List<String> quarters = quarters();
		if (quarters.isEmpty()) {
			return build(List.of(), List.of(), quarters, minimum, locale);
		}
		AnalyticsQuery query = new AnalyticsQuery(List.of("indicator", "period"),
				Map.of("period", Set.copyOf(quarters)), false);
		AnalyticsQuery places = new AnalyticsQuery(List.of("indicator", "period", "adm1"),
				Map.of("period", Set.copyOf(quarters)), false);
		return build(this.analytics.run(query, false).rows(), this.analytics.run(places, false).rows(), quarters,
				minimum, locale);
	}

	/** Whether a value is too small to publish: below the minimum and not zero. */
	static boolean withheld(AnalyticsResult.Row row, int minimum) {
		if (minimum <= 0 || row.value() == null) {
			return false;
		}
		double base = (row.denominator() != null) ? row.denominator() : Math.abs(row.value());
		return base != 0 && base < minimum;
	}

	private List<String> quarters() {
		List<String> held = this.store.approvedPeriodCodes();
		return held.subList(Math.max(0, held.size() - QUARTERS), held.size());
	}

	private Overview build(List<AnalyticsResult.Row> rows, List<AnalyticsResult.Row> byGovernorate,
			List<String> quarters, int minimum, Locale locale) {
		// per indicator and quarter, the values by governorate
		Map<String, Map<String, Map<String, @Nullable Double>>> places = new HashMap<>();
		for (AnalyticsResult.Row row : byGovernorate) {
			if (row.keys().get("adm1") != null) {
				places.computeIfAbsent(row.keys().get("indicator"), (k) -> new HashMap<>())
					.computeIfAbsent(row.keys().get("period"), (k) -> new java.util.TreeMap<>())
					.put(row.keys().get("adm1"), withheld(row, minimum) ? null : row.value());
			}
		}
		Map<String, Map<String, @Nullable Double>> values = new HashMap<>();
		Map<String, Set<String>> withheld = new HashMap<>();
		for (AnalyticsResult.Row row : rows) {
			String indicator = row.keys().get("indicator");
			String period = row.keys().get("period");
			if (withheld(row, minimum)) {
				withheld.computeIfAbsent(indicator, (k) -> new java.util.HashSet<>()).add(period);
				values.computeIfAbsent(indicator, (k) -> new HashMap<>()).put(period, null);
			}
			else {
				values.computeIfAbsent(indicator, (k) -> new HashMap<>()).put(period, row.value());
			}
		}
		List<Objective> objectives = new ArrayList<>();
		FrameworkDefinition framework = this.frameworks.current().map((v) -> v.definition()).orElse(null);
		if (framework != null) {
			for (FrameworkDefinition.Objective objective : framework.objectives()) {
				List<Indicator> indicators = new ArrayList<>();
				objective.subCriteria()
					.stream()
					.flatMap((s) -> s.indicators().stream())
					.filter((i) -> values.containsKey(i.code()))
					.forEach((i) -> indicators.add(indicator(i, values.get(i.code()),
							withheld.getOrDefault(i.code(), Set.of()), quarters, locale)));
				Indicator headline = indicators.stream()
					.filter((i) -> places.containsKey(i.code()))
					.findFirst()
					.orElse(null);
				String quarter = null;
				Map<String, @Nullable Double> map = Map.of();
				if (headline != null) {
					for (String q : quarters) {
						Map<String, @Nullable Double> at = places.get(headline.code()).get(q);
						if (at != null) {
							quarter = q;
							map = at;
						}
					}
				}
				objectives.add(new Objective(objective.code(), objective.shortName().in(locale), indicators, headline,
						quarter, map));
			}
		}
		return new Overview(List.copyOf(quarters), objectives);
	}

	private static Indicator indicator(FrameworkDefinition.Indicator indicator, Map<String, @Nullable Double> byQuarter,
			Set<String> withheld, List<String> quarters, Locale locale) {
		List<@Nullable Double> values = new ArrayList<>();
		List<Boolean> suppressed = new ArrayList<>();
		quarters.forEach((q) -> {
			values.add(byQuarter.get(q));
			suppressed.add(withheld.contains(q));
		});
		int trend = 0;
		if (values.size() >= 2 && values.get(values.size() - 1) != null && values.get(values.size() - 2) != null) {
			trend = Double.compare(values.get(values.size() - 1), values.get(values.size() - 2));
		}
		return new Indicator(indicator.code(), indicator.name().in(locale), indicator.unit().in(locale), values,
				suppressed, trend);
	}

}
