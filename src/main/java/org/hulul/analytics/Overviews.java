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

	/** An objective's part of the overview: its indicators with values. */
	public record Objective(String code, String name, List<Indicator> indicators) {
	}

	/**
	 * An indicator's line: its value per quarter (null: none) and the change over the
	 * last quarter (1 up, -1 down, 0 the same or nothing to compare).
	 */
	public record Indicator(String code, String name, String unit, List<@Nullable Double> values, int trend) {
	}

	/**
	 * The overview of every organisation's values, or of one organisation's
	 * ({@code organisation}, a code).
	 */
	public Overview of(HululPrincipal me, @Nullable String organisation, Locale locale) {
		List<String> held = this.store.periodCodes();
		List<String> quarters = held.subList(Math.max(0, held.size() - QUARTERS), held.size());
		Map<String, Map<String, @Nullable Double>> values = new HashMap<>();
		if (!quarters.isEmpty()) {
			Map<String, Set<String>> filters = new HashMap<>(Map.of("period", Set.copyOf(quarters)));
			if (organisation != null) {
				filters.put("organisation", Set.of(organisation));
			}
			AnalyticsResult result = this.analytics.query(me,
					new AnalyticsQuery(List.of("indicator", "period"), filters, false));
			for (AnalyticsResult.Row row : result.rows()) {
				values.computeIfAbsent(row.keys().get("indicator"), (k) -> new HashMap<>())
					.put(row.keys().get("period"), row.value());
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
					.forEach((i) -> indicators.add(indicator(i, values.get(i.code()), quarters, locale)));
				objectives.add(new Objective(objective.code(), objective.shortName().in(locale), indicators));
			}
		}
		return new Overview(List.copyOf(quarters), objectives);
	}

	private static Indicator indicator(FrameworkDefinition.Indicator indicator, Map<String, @Nullable Double> byQuarter,
			List<String> quarters, Locale locale) {
		List<@Nullable Double> values = new ArrayList<>();
		quarters.forEach((q) -> values.add(byQuarter.get(q)));
		int trend = 0;
		if (values.size() >= 2 && values.get(values.size() - 1) != null && values.get(values.size() - 2) != null) {
			trend = Double.compare(values.get(values.size() - 1), values.get(values.size() - 2));
		}
		return new Indicator(indicator.code(), indicator.name().in(locale), indicator.unit().in(locale), values, trend);
	}

}
