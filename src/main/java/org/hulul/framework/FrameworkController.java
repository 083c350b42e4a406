package org.hulul.framework;

import java.util.List;

import org.hulul.platform.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Framework pages: the tree strategic objective → SO → sub-criterion → indicator, search
 * in every language, a filter by IASC criterion, and one page per indicator.
 */
@Controller
class FrameworkController {

	private final Frameworks frameworks;

	FrameworkController(Frameworks frameworks) {
		this.frameworks = frameworks;
	}

	@GetMapping("/framework")
	String showFramework(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Integer iasc,
			@RequestParam(name = "version", required = false) @Nullable Long versionId, Model model) {
		FrameworkVersion current = (versionId != null) ? visible(versionId) : current();
		String query = (q != null) ? q.strip() : "";
		model.addAttribute("version", current);
		model.addAttribute("isCurrent", this.frameworks.current().map((c) -> c.id() == current.id()).orElse(false));
		model.addAttribute("framework", current.definition());
		model.addAttribute("q", query);
		model.addAttribute("iasc", iasc);
		model.addAttribute("filtered", !query.isEmpty() || iasc != null);
		List<FrameworkDefinition.Objective> objectives = FrameworkSearch.filter(current.definition(), query, iasc);
		model.addAttribute("objectives", objectives);
		model.addAttribute("matchCount",
				objectives.stream().mapToLong(FrameworkDefinition.Objective::indicatorCount).sum());
		return "framework/tree";
	}

	@GetMapping("/framework/indicators/{code}")
	String showIndicator(@PathVariable String code,
			@RequestParam(name = "version", required = false) @Nullable Long versionId, Model model) {
		FrameworkVersion current = (versionId != null) ? visible(versionId) : current();
		FrameworkDefinition definition = current.definition();
		FrameworkDefinition.Indicator indicator = definition.indicator(code)
			.orElseThrow(() -> new NotFoundException("indicator", code));
		FrameworkDefinition.Objective objective = definition.objectives()
			.stream()
			.filter((o) -> o.code().equals(indicator.objectiveCode()))
			.findFirst()
			.orElseThrow();
		FrameworkDefinition.SubCriterion subCriterion = objective.subCriteria()
			.stream()
			.filter((s) -> s.indicators().contains(indicator))
			.findFirst()
			.orElseThrow();
		List<FrameworkDefinition.Category> categories = indicator.disaggregations()
			.stream()
			.map((c) -> definition.category(c).orElseThrow())
			.toList();
		model.addAttribute("version", current);
		model.addAttribute("isCurrent", this.frameworks.current().map((c) -> c.id() == current.id()).orElse(false));
		model.addAttribute("framework", definition);
		model.addAttribute("objective", objective);
		model.addAttribute("subCriterion", subCriterion);
		model.addAttribute("indicator", indicator);
		model.addAttribute("categories", categories);
		return "framework/indicator";
	}

	/**
	 * A version the asker may see: drafts only for the secretariat and administrators.
	 */
	private FrameworkVersion visible(long id) {
		return this.frameworks.version(id)
			.filter((v) -> v.isPublished() || FrameworkAccess.mayEdit())
			.orElseThrow(() -> new NotFoundException("framework", id));
	}

	private FrameworkVersion current() {
		return this.frameworks.current().orElseThrow(() -> new NotFoundException("framework", "current"));
	}

}
