package org.hulul.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.hulul.framework.FrameworkDefinition;
import org.hulul.framework.Frameworks;
import org.hulul.platform.HululPrincipal;
import org.hulul.reporting.Compliance;
import org.hulul.reporting.Period;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The national overview: per specific objective, its indicators over the last four
 * quarters that have approved values (one question to the analytics for all of them), and
 * the reporting compliance of the latest quarter.
 */
@Controller
class DashboardController {

	private static final int QUARTERS = 4;

	private final Analytics analytics;

	private final AnalyticsStore store;

	private final Frameworks frameworks;

	private final Compliance compliance;

	private final org.hulul.organisations.Organisations organisations;

	DashboardController(Analytics analytics, AnalyticsStore store, Frameworks frameworks, Compliance compliance,
			org.hulul.organisations.Organisations organisations) {
		this.organisations = organisations;
		this.analytics = analytics;
		this.store = store;
		this.frameworks = frameworks;
		this.compliance = compliance;
	}

	/** An objective's part of the overview: its indicators with values. */
	record Objective(String code, String name, List<Indicator> indicators) {
	}

	/**
	 * An indicator's line: its value per quarter (null: none) and the change over the
	 * last quarter.
	 */
	record Indicator(String code, String name, String unit, List<@Nullable Double> values, int trend) {
	}

	@GetMapping("/dashboard")
	String dashboard(@AuthenticationPrincipal HululPrincipal me,
			@org.springframework.web.bind.annotation.RequestParam(required = false) @Nullable String organisation,
			Locale locale, Model model) {
		org.hulul.organisations.Organisation shown = (organisation != null && !organisation.isBlank())
				? this.organisations.getByCode(organisation.strip())
					.orElseThrow(() -> new org.hulul.platform.NotFoundException("organisation", organisation))
				: null;
		model.addAttribute("organisation", shown);
		if (me.organisationId() != null) {
			this.organisations.get(me.organisationId()).ifPresent((o) -> model.addAttribute("mine", o));
		}
		List<String> held = this.store.periodCodes();
		List<String> quarters = held.subList(Math.max(0, held.size() - QUARTERS), held.size());
		Map<String, Map<String, @Nullable Double>> values = new HashMap<>();
		if (!quarters.isEmpty()) {
			Map<String, Set<String>> filters = new HashMap<>(Map.of("period", Set.copyOf(quarters)));
			if (shown != null) {
				filters.put("organisation", Set.of(shown.code()));
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
		model.addAttribute("quarters", quarters);
		model.addAttribute("mayOpenCompliance",
				org.hulul.reporting.Reports.isReviewer(me) || me.is(org.hulul.platform.Role.SECRETARIAT));
		model.addAttribute("objectives", objectives);
		if (!quarters.isEmpty() && shown == null) {
			Compliance.Result latest = this.compliance.of(Period.parse(quarters.get(quarters.size() - 1)));
			Map<Compliance.State, Long> counts = new LinkedHashMap<>(latest.counts());
			model.addAttribute("compliance", latest);
			model.addAttribute("complianceCounts", counts);
		}
		return "analytics/dashboard";
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
