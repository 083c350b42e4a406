package org.hulul.framework;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The part of a framework that matches a search (code, name, unit or guidance, in any
 * language) and an IASC criterion: objectives and sub-criteria keep only their matching
 * indicators, and those left without any are left out.
 */
final class FrameworkSearch {

	private FrameworkSearch() {
	}

	static List<FrameworkDefinition.Objective> filter(FrameworkDefinition framework, String query,
			@Nullable Integer iascCriterion) {
		if (query.isBlank() && iascCriterion == null) {
			return framework.objectives();
		}
		return framework.objectives()
			.stream()
			.map((o) -> new FrameworkDefinition.Objective(o.code(), o.shortName(), o.statement(), o.indicatorsDefined(),
					o.subCriteria()
						.stream()
						.map((s) -> new FrameworkDefinition.SubCriterion(s.code(), s.name(),
								s.indicators().stream().filter((i) -> matches(i, query, iascCriterion)).toList()))
						.filter((s) -> !s.indicators().isEmpty())
						.toList()))
			.filter((o) -> !o.subCriteria().isEmpty())
			.toList();
	}

	static boolean matches(FrameworkDefinition.Indicator indicator, String query, @Nullable Integer iascCriterion) {
		if (iascCriterion != null && indicator.iascCriterion() != iascCriterion) {
			return false;
		}
		return query.isBlank() || indicator.code().toLowerCase(Locale.ROOT).contains(query.toLowerCase(Locale.ROOT))
				|| indicator.name().contains(query) || indicator.unit().contains(query)
				|| (indicator.guidance() != null && indicator.guidance().contains(query));
	}

}
