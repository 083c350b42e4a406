package org.hulul.framework;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * A results framework as its file describes it (see framework.schema.json): the strategic
 * objective, specific objectives with their sub-criteria and indicators, the
 * disaggregation categories and the population groups.
 */
public record FrameworkDefinition(String code, String version, Text title, String source,
		@Nullable String translationStatus, Text strategicObjective, List<Category> categories,
		List<Named> populationGroups, List<Objective> objectives) {

	public FrameworkDefinition {
		categories = List.copyOf(categories);
		populationGroups = List.copyOf(populationGroups);
		objectives = List.copyOf(objectives);
	}

	/** Every indicator, in the order of the framework. */
	public Stream<Indicator> indicators() {
		return this.objectives.stream()
			.flatMap((o) -> o.subCriteria().stream())
			.flatMap((s) -> s.indicators().stream());
	}

	public Optional<Indicator> indicator(String code) {
		return indicators().filter((i) -> i.code().equalsIgnoreCase(code)).findFirst();
	}

	public Optional<Category> category(String code) {
		return this.categories.stream().filter((c) -> c.code().equals(code)).findFirst();
	}

	/** The same framework with one indicator replaced (matched by code). */
	public FrameworkDefinition withIndicator(Indicator replacement) {
		return new FrameworkDefinition(this.code, this.version, this.title, this.source, this.translationStatus,
				this.strategicObjective, this.categories, this.populationGroups,
				this.objectives.stream()
					.map((o) -> new Objective(o.code(), o.shortName(), o.statement(), o.indicatorsDefined(),
							o.subCriteria()
								.stream()
								.map((s) -> new SubCriterion(s.code(), s.name(),
										s.indicators()
											.stream()
											.map((i) -> i.code().equals(replacement.code()) ? replacement : i)
											.toList()))
								.toList()))
					.toList());
	}

	/**
	 * The same framework with an indicator added to a sub-criterion of an objective (the
	 * sub-criterion is added when it does not exist yet).
	 */
	public FrameworkDefinition withIndicatorAdded(String objectiveCode, String subCriterionCode, Text subCriterionName,
			Indicator indicator) {
		return new FrameworkDefinition(this.code, this.version, this.title, this.source, this.translationStatus,
				this.strategicObjective, this.categories, this.populationGroups, this.objectives.stream().map((o) -> {
					if (!o.code().equals(objectiveCode)) {
						return o;
					}
					List<SubCriterion> subCriteria = new java.util.ArrayList<>(o.subCriteria());
					int at = -1;
					for (int i = 0; i < subCriteria.size(); i++) {
						if (subCriteria.get(i).code().equals(subCriterionCode)) {
							at = i;
						}
					}
					if (at < 0) {
						subCriteria.add(new SubCriterion(subCriterionCode, subCriterionName, List.of(indicator)));
					}
					else {
						SubCriterion existing = subCriteria.get(at);
						List<Indicator> indicators = new java.util.ArrayList<>(existing.indicators());
						indicators.add(indicator);
						subCriteria.set(at, new SubCriterion(existing.code(), existing.name(), indicators));
					}
					return new Objective(o.code(), o.shortName(), o.statement(), null, subCriteria);
				}).toList());
	}

	/** The same framework with its translations marked as confirmed (or draft again). */
	public FrameworkDefinition withTranslationStatus(String status) {
		return new FrameworkDefinition(this.code, this.version, this.title, this.source, status,
				this.strategicObjective, this.categories, this.populationGroups, this.objectives);
	}

	/** Whether the ar and ckb texts still await a reviewer's confirmation. */
	public boolean translationsDraft() {
		return !"confirmed".equals(this.translationStatus);
	}

	/** A coded thing with a name: a population group or a category option. */
	public record Named(String code, Text name) {
	}

	/**
	 * A disaggregation category and its options, shared by the indicators that take it.
	 */
	public record Category(String code, Text name, List<Named> options) {

		public Category {
			options = List.copyOf(options);
		}

	}

	/** A specific objective (SO1…). */
	public record Objective(String code, Text shortName, Text statement, @Nullable Boolean indicatorsDefined,
			List<SubCriterion> subCriteria) {

		public Objective {
			subCriteria = List.copyOf(subCriteria);
		}

		/** False when the guidelines define no indicators for this objective yet. */
		public boolean hasIndicators() {
			return !Boolean.FALSE.equals(this.indicatorsDefined) && !this.subCriteria.isEmpty();
		}

		public long indicatorCount() {
			return this.subCriteria.stream().mapToLong((s) -> s.indicators().size()).sum();
		}

	}

	/** A sub-criterion of an objective. */
	public record SubCriterion(String code, Text name, List<Indicator> indicators) {

		public SubCriterion {
			indicators = List.copyOf(indicators);
		}

	}

	/** An indicator: what partners report. */
	public record Indicator(String code, Text name, Text unit, @Nullable Text guidance,
			@Nullable Boolean guidanceIncomplete, ValueType valueType, Aggregation aggregation,
			@Nullable Text numerator, @Nullable Text denominator, List<String> disaggregations, int lowestLevel,
			int iascCriterion, @Nullable String note) {

		public Indicator {
			disaggregations = List.copyOf(disaggregations);
		}

		public boolean incompleteGuidance() {
			return Boolean.TRUE.equals(this.guidanceIncomplete);
		}

		/** The objective the indicator belongs to, from its code (SO2-HC-01 → SO2). */
		public String objectiveCode() {
			return this.code.substring(0, this.code.indexOf('-'));
		}

	}

}
