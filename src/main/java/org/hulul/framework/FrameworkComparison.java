package org.hulul.framework;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * What changed between two versions of a framework: objectives whose statement changed,
 * indicators added, removed, and changed field by field.
 */
public record FrameworkComparison(List<Change> objectives, List<FrameworkDefinition.Indicator> added,
		List<FrameworkDefinition.Indicator> removed, Map<String, List<Change>> changed, List<Change> reference) {

	public boolean isEmpty() {
		return this.objectives.isEmpty() && this.added.isEmpty() && this.removed.isEmpty() && this.changed.isEmpty()
				&& this.reference.isEmpty();
	}

	public static FrameworkComparison of(FrameworkDefinition from, FrameworkDefinition to) {
		List<Change> objectives = new ArrayList<>();
		Map<String, FrameworkDefinition.Objective> before = index(from.objectives(),
				FrameworkDefinition.Objective::code);
		for (FrameworkDefinition.Objective objective : to.objectives()) {
			FrameworkDefinition.Objective old = before.get(objective.code());
			compare(objective.code(), (old != null) ? old.statement().en() : null, objective.statement().en(),
					objectives);
			compare(objective.code() + " name", (old != null) ? old.shortName().en() : null, objective.shortName().en(),
					objectives);
			Map<String, String> oldSubs = new LinkedHashMap<>();
			if (old != null) {
				old.subCriteria().forEach((s) -> oldSubs.put(s.code(), s.name().en()));
			}
			for (FrameworkDefinition.SubCriterion sub : objective.subCriteria()) {
				compare(sub.code(), oldSubs.get(sub.code()), sub.name().en(), objectives);
			}
		}
		List<Change> reference = new ArrayList<>();
		Map<String, String> oldOptions = options(from);
		Map<String, String> newOptions = options(to);
		newOptions.forEach((code, name) -> compare(code, oldOptions.get(code), name, reference));
		oldOptions.keySet()
			.stream()
			.filter((code) -> !newOptions.containsKey(code))
			.forEach((code) -> reference.add(new Change(code, oldOptions.get(code), null)));
		Map<String, FrameworkDefinition.Indicator> oldIndicators = index(from.indicators().toList(),
				FrameworkDefinition.Indicator::code);
		Map<String, FrameworkDefinition.Indicator> newIndicators = index(to.indicators().toList(),
				FrameworkDefinition.Indicator::code);
		List<FrameworkDefinition.Indicator> added = newIndicators.values()
			.stream()
			.filter((i) -> !oldIndicators.containsKey(i.code()))
			.toList();
		List<FrameworkDefinition.Indicator> removed = oldIndicators.values()
			.stream()
			.filter((i) -> !newIndicators.containsKey(i.code()))
			.toList();
		Map<String, List<Change>> changed = new LinkedHashMap<>();
		for (FrameworkDefinition.Indicator indicator : newIndicators.values()) {
			FrameworkDefinition.Indicator old = oldIndicators.get(indicator.code());
			if (old != null) {
				List<Change> changes = changes(old, indicator);
				if (!changes.isEmpty()) {
					changed.put(indicator.code(), changes);
				}
			}
		}
		return new FrameworkComparison(objectives, added, removed, changed, reference);
	}

	/**
	 * Categories, their options and population groups, by code, with their English names.
	 */
	private static Map<String, String> options(FrameworkDefinition framework) {
		Map<String, String> options = new LinkedHashMap<>();
		for (FrameworkDefinition.Category category : framework.categories()) {
			options.put(category.code(), category.name().en());
			category.options().forEach((o) -> options.put(category.code() + "." + o.code(), o.name().en()));
		}
		framework.populationGroups().forEach((g) -> options.put("populationGroup." + g.code(), g.name().en()));
		return options;
	}

	private static List<Change> changes(FrameworkDefinition.Indicator a, FrameworkDefinition.Indicator b) {
		List<Change> changes = new ArrayList<>();
		compare("name.en", a.name().en(), b.name().en(), changes);
		compare("name.ar", a.name().ar(), b.name().ar(), changes);
		compare("name.ckb", a.name().ckb(), b.name().ckb(), changes);
		compare("unit", a.unit().en(), b.unit().en(), changes);
		compare("guidance", en(a.guidance()), en(b.guidance()), changes);
		compare("guidanceIncomplete", String.valueOf(a.incompleteGuidance()), String.valueOf(b.incompleteGuidance()),
				changes);
		compare("unit.ar", a.unit().ar(), b.unit().ar(), changes);
		compare("unit.ckb", a.unit().ckb(), b.unit().ckb(), changes);
		compare("valueType", a.valueType().name(), b.valueType().name(), changes);
		compare("aggregation", a.aggregation().name(), b.aggregation().name(), changes);
		compare("numerator", (a.numerator() != null) ? a.numerator().en() : null,
				(b.numerator() != null) ? b.numerator().en() : null, changes);
		compare("denominator", (a.denominator() != null) ? a.denominator().en() : null,
				(b.denominator() != null) ? b.denominator().en() : null, changes);
		compare("disaggregations", String.join(", ", a.disaggregations()), String.join(", ", b.disaggregations()),
				changes);
		compare("lowestLevel", String.valueOf(a.lowestLevel()), String.valueOf(b.lowestLevel()), changes);
		compare("iascCriterion", String.valueOf(a.iascCriterion()), String.valueOf(b.iascCriterion()), changes);
		compare("note", a.note(), b.note(), changes);
		return changes;
	}

	private static @Nullable String en(@Nullable Text text) {
		return (text != null) ? text.en() : null;
	}

	private static void compare(String field, @Nullable String before, @Nullable String after, List<Change> changes) {
		if (!Objects.equals(before, after)) {
			changes.add(new Change(field, before, after));
		}
	}

	private static <T> Map<String, T> index(List<T> items, Function<T, String> code) {
		Map<String, T> map = new LinkedHashMap<>();
		items.forEach((item) -> map.put(code.apply(item), item));
		return map;
	}

	/** One field (or objective) and its value before and after. */
	public record Change(String field, @Nullable String before, @Nullable String after) {
	}

}
