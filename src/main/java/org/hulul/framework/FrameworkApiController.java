package org.hulul.framework;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hulul.platform.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The results framework over the API, for any signed-in caller.
 */
@RestController
@Tag(name = "Results framework")
class FrameworkApiController {

	private final Frameworks frameworks;

	FrameworkApiController(Frameworks frameworks) {
		this.frameworks = frameworks;
	}

	@GetMapping("/api/v1/frameworks")
	@Operation(summary = "The versions of the results framework, newest first (drafts only for the secretariat)")
	List<VersionSummary> versions() {
		return this.frameworks.versions()
			.stream()
			.filter((v) -> v.isPublished() || FrameworkAccess.mayEdit())
			.map(VersionSummary::of)
			.toList();
	}

	@GetMapping("/api/v1/frameworks/current")
	@Operation(summary = "The current (latest published) framework with all its objectives and indicators")
	FrameworkBody current() {
		return FrameworkBody
			.of(this.frameworks.current().orElseThrow(() -> new NotFoundException("framework", "current")));
	}

	@GetMapping("/api/v1/indicators/{code}")
	@Operation(summary = "One indicator of the current framework")
	IndicatorBody indicator(@PathVariable String code) {
		return this.frameworks.indicator(code)
			.map(IndicatorBody::of)
			.orElseThrow(() -> new NotFoundException("indicator", code));
	}

	record VersionSummary(long id, String code, String version, FrameworkVersion.Status status,
			@Nullable Instant publishedAt, long indicators) {

		static VersionSummary of(FrameworkVersion v) {
			return new VersionSummary(v.id(), v.frameworkCode(), v.label(), v.status(), v.publishedAt(),
					v.definition().indicators().count());
		}

	}

	record FrameworkBody(String code, String version, FrameworkVersion.Status status, @Nullable Instant publishedAt,
			Text title, String source, boolean translationsDraft, Text strategicObjective,
			List<ObjectiveBody> objectives, List<CategoryBody> categories, List<CodeBody> populationGroups) {

		static FrameworkBody of(FrameworkVersion v) {
			FrameworkDefinition d = v.definition();
			return new FrameworkBody(v.frameworkCode(), v.label(), v.status(), v.publishedAt(), d.title(), d.source(),
					d.translationsDraft(), d.strategicObjective(),
					d.objectives().stream().map(ObjectiveBody::of).toList(),
					d.categories().stream().map(CategoryBody::of).toList(),
					d.populationGroups().stream().map(CodeBody::of).toList());
		}

	}

	record CategoryBody(String code, Text name, List<CodeBody> options) {

		static CategoryBody of(FrameworkDefinition.Category c) {
			return new CategoryBody(c.code(), c.name(), c.options().stream().map(CodeBody::of).toList());
		}

	}

	record CodeBody(String code, Text name) {

		static CodeBody of(FrameworkDefinition.Named n) {
			return new CodeBody(n.code(), n.name());
		}

	}

	record ObjectiveBody(String code, Text name, Text statement, boolean indicatorsDefined,
			List<SubCriterionBody> subCriteria) {

		static ObjectiveBody of(FrameworkDefinition.Objective o) {
			return new ObjectiveBody(o.code(), o.shortName(), o.statement(), o.hasIndicators(),
					o.subCriteria().stream().map(SubCriterionBody::of).toList());
		}

	}

	record SubCriterionBody(String code, Text name, List<IndicatorBody> indicators) {

		static SubCriterionBody of(FrameworkDefinition.SubCriterion s) {
			return new SubCriterionBody(s.code(), s.name(), s.indicators().stream().map(IndicatorBody::of).toList());
		}

	}

	record IndicatorBody(String code, Text name, Text unit, @Nullable Text guidance, boolean guidanceIncomplete,
			ValueType valueType, Aggregation aggregation, @Nullable Text numerator, @Nullable Text denominator,
			List<String> disaggregations, int lowestLevel, int iascCriterion) {

		static IndicatorBody of(FrameworkDefinition.Indicator i) {
			return new IndicatorBody(i.code(), i.name(), i.unit(), i.guidance(), i.incompleteGuidance(), i.valueType(),
					i.aggregation(), i.numerator(), i.denominator(), i.disaggregations(), i.lowestLevel(),
					i.iascCriterion());
		}

	}

}
