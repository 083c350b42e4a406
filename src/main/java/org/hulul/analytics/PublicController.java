package org.hulul.analytics;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.hulul.framework.FrameworkDefinition;
import org.hulul.framework.FrameworkVersion;
import org.hulul.framework.Frameworks;
import org.hulul.platform.FormErrors;
import org.hulul.platform.HululPrincipal;
import org.hulul.platform.InvalidInputException;
import org.hulul.platform.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public dashboard ({@link PublicOverview}), open without signing in unless the
 * secretariat closed it; its settings for the secretariat.
 */
@Controller
class PublicController {

	private final PublicOverview overview;

	private final Frameworks frameworks;

	private final MessageSource messages;

	private final tools.jackson.databind.json.JsonMapper json;

	PublicController(PublicOverview overview, Frameworks frameworks, MessageSource messages,
			tools.jackson.databind.json.JsonMapper json) {
		this.overview = overview;
		this.frameworks = frameworks;
		this.messages = messages;
		this.json = json;
	}

	@GetMapping("/public")
	String page(@AuthenticationPrincipal @Nullable HululPrincipal me,
			@RequestParam(required = false) @Nullable String indicator, Locale locale, Model model) {
		boolean editor = PublicOverview.mayEdit(me);
		if (!this.overview.open() && !editor) {
			throw new NotFoundException("page", "public");
		}
		Overviews.Overview shown = this.overview.overview(locale);
		model.addAttribute("open", this.overview.open());
		model.addAttribute("minimum", this.overview.minimum());
		model.addAttribute("mayEdit", editor);
		model.addAttribute("quarters", shown.quarters());
		model.addAttribute("objectives", shown.objectives());
		FrameworkDefinition framework = this.frameworks.current().map(FrameworkVersion::definition).orElse(null);
		FrameworkDefinition.Indicator chosen = (framework != null && indicator != null)
				? framework.indicator(indicator).orElse(null) : null;
		if (chosen != null && !shown.quarters().isEmpty()) {
			PublicOverview.ByGovernorate places = this.overview.byGovernorate(chosen.code(), shown.quarters(), locale);
			Map<String, @Nullable Double> values = new LinkedHashMap<>();
			places.figures().forEach((f) -> values.put(f.pcode(), f.value()));
			model.addAttribute("indicator", chosen);
			model.addAttribute("indicatorName", chosen.name().in(locale));
			model.addAttribute("indicatorUnit", chosen.unit().in(locale));
			model.addAttribute("quarter", places.quarter());
			model.addAttribute("figures", places.figures());
			model.addAttribute("mapValues", this.json.writeValueAsString(values));
		}
		return "analytics/public";
	}

	@PostMapping("/public/settings")
	String change(@AuthenticationPrincipal @Nullable HululPrincipal me,
			@RequestParam(required = false) @Nullable String minimum,
			@RequestParam(defaultValue = "false") boolean open, RedirectAttributes redirect, Locale locale,
			Model model) {
		try {
			this.overview.change(me, minimum, open);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("publicErrors", FormErrors.messages(ex, this.messages, locale));
			return page(me, null, locale, model);
		}
		redirect.addFlashAttribute("flashMessage", "public.saved");
		return "redirect:/public";
	}

}
