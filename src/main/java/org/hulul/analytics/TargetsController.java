package org.hulul.analytics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hulul.framework.FrameworkDefinition;
import org.hulul.framework.FrameworkVersion;
import org.hulul.framework.Frameworks;
import org.hulul.geo.Locations;
import org.hulul.platform.FormErrors;
import org.hulul.platform.HululPrincipal;
import org.hulul.platform.InvalidInputException;
import org.hulul.platform.StaleEditException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The targets page: a year's targets per objective with what was achieved, the percent of
 * the target, what was expected by now and the status; the secretariat sets, changes and
 * deletes targets and the thresholds there.
 */
@Controller
class TargetsController {

	private final Targets targets;

	private final Frameworks frameworks;

	private final Locations locations;

	private final MessageSource messages;

	TargetsController(Targets targets, Frameworks frameworks, Locations locations, MessageSource messages) {
		this.targets = targets;
		this.frameworks = frameworks;
		this.locations = locations;
		this.messages = messages;
	}

	/** A line of the page: the target's progress with the names to show. */
	public record Line(Targets.Progress progress, String indicatorName, String unit, String scopeName) {
	}

	/** An objective's targets. */
	public record Group(String code, String name, List<Line> lines) {
	}

	/** A choice in a list. */
	public record Choice(String code, String label) {
	}

	@GetMapping("/analytics/targets")
	String page(@AuthenticationPrincipal HululPrincipal me, @RequestParam(required = false) @Nullable Integer year,
			Locale locale, Model model) {
		List<Integer> years = this.targets.years();
		int shown = (year != null) ? year : this.targets.currentYear();
		model.addAttribute("year", shown);
		model.addAttribute("years", years);
		FrameworkDefinition framework = this.frameworks.current().map(FrameworkVersion::definition).orElse(null);
		Map<String, List<Line>> byObjective = new LinkedHashMap<>();
		for (Targets.Progress progress : this.targets.progress(me, shown)) {
			Target t = progress.target();
			FrameworkDefinition.Indicator indicator = (framework != null)
					? framework.indicator(t.indicator()).orElse(null) : null;
			String objective = t.indicator().contains("-") ? t.indicator().substring(0, t.indicator().indexOf('-'))
					: "";
			byObjective.computeIfAbsent(objective, (k) -> new ArrayList<>())
				.add(new Line(progress, (indicator != null) ? indicator.name().in(locale) : "",
						(indicator != null) ? indicator.unit().in(locale) : "", scopeName(t.scope(), locale)));
		}
		List<Group> groups = new ArrayList<>();
		if (framework != null) {
			framework.objectives().forEach((o) -> {
				List<Line> lines = byObjective.remove(o.code());
				if (lines != null) {
					groups.add(new Group(o.code(), o.shortName().in(locale), lines));
				}
			});
		}
		byObjective.forEach((code, lines) -> groups.add(new Group(code, code, lines)));
		model.addAttribute("groups", groups);
		model.addAttribute("thresholds", this.targets.thresholds());
		model.addAttribute("mayEdit", Targets.mayEdit(me));
		List<Choice> indicators = new ArrayList<>();
		if (framework != null) {
			framework.indicators()
				.forEach((i) -> indicators.add(new Choice(i.code(), i.code() + " " + i.name().in(locale))));
		}
		model.addAttribute("indicators", indicators);
		List<Choice> scopes = new ArrayList<>();
		scopes.add(new Choice(Targets.NATIONAL, scopeName(Targets.NATIONAL, locale)));
		this.locations.atLevel(1).forEach((l) -> scopes.add(new Choice(l.pcode(), l.name(locale))));
		model.addAttribute("scopes", scopes);
		return "analytics/targets";
	}

	private String scopeName(String scope, Locale locale) {
		if (Targets.NATIONAL.equals(scope)) {
			return this.messages.getMessage("targets.national", null, locale);
		}
		return this.locations.find(scope).map((l) -> l.name(locale)).orElse(scope);
	}

	@PostMapping("/analytics/targets")
	String set(@AuthenticationPrincipal HululPrincipal me, @RequestParam(required = false) @Nullable String indicator,
			@RequestParam(required = false) @Nullable String scope,
			@RequestParam(required = false) @Nullable Integer year,
			@RequestParam(required = false) @Nullable String value,
			@RequestParam(required = false) @Nullable Integer version, Locale locale, Model model,
			RedirectAttributes redirect) {
		try {
			this.targets.put(me, new Targets.Entered(indicator, scope, year, number(value)), version);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("targetErrors", errors(ex, locale));
			return page(me, year, locale, model);
		}
		catch (StaleEditException ex) {
			redirect.addFlashAttribute("flashError", "targets.stale");
			return "redirect:/analytics/targets?year=" + year;
		}
		redirect.addFlashAttribute("flashMessage", "targets.saved");
		return "redirect:/analytics/targets?year=" + year;
	}

	@PostMapping("/analytics/targets/{id}/delete")
	String delete(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id, @RequestParam int version,
			@RequestParam int year, RedirectAttributes redirect) {
		try {
			this.targets.delete(me, id, version);
		}
		catch (StaleEditException ex) {
			redirect.addFlashAttribute("flashError", "targets.stale");
			return "redirect:/analytics/targets?year=" + year;
		}
		redirect.addFlashAttribute("flashMessage", "targets.deleted");
		return "redirect:/analytics/targets?year=" + year;
	}

	@PostMapping("/analytics/targets/thresholds")
	String thresholds(@AuthenticationPrincipal HululPrincipal me, @RequestParam int green, @RequestParam int amber,
			@RequestParam int year, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			this.targets.changeThresholds(me, green, amber);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("targetErrors", errors(ex, locale));
			return page(me, year, locale, model);
		}
		redirect.addFlashAttribute("flashMessage", "targets.thresholdsSaved");
		return "redirect:/analytics/targets?year=" + year;
	}

	/**
	 * A number as typed (see {@link org.hulul.reporting.EnteredNumber}); NaN when it is
	 * not one.
	 */
	private static @Nullable Double number(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			java.math.BigDecimal number = org.hulul.reporting.EnteredNumber.parse(text.strip());
			return (number != null) ? number.doubleValue() : null;
		}
		catch (NumberFormatException ex) {
			return Double.NaN;
		}
	}

	private List<String> errors(InvalidInputException ex, Locale locale) {
		return FormErrors.messages(ex, this.messages, locale);
	}

}
