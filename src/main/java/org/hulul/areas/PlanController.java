package org.hulul.areas;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.hulul.platform.FormErrors;
import org.hulul.platform.HululPrincipal;
import org.hulul.platform.InvalidInputException;
import org.hulul.platform.Markdown;
import org.hulul.platform.OrganisationDirectory;
import org.hulul.platform.OrganisationRef;
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
 * A Plan of Action's page: the eight steps with their dates, the ten sections in English
 * and Arabic, the authorities' input; and the forms that start a plan, write a section,
 * move it to a step and record input.
 */
@Controller
class PlanController {

	private final Plans plans;

	private final OrganisationDirectory organisations;

	private final MessageSource messages;

	private final Markdown markdown;

	PlanController(Plans plans, OrganisationDirectory organisations, MessageSource messages, Markdown markdown) {
		this.plans = plans;
		this.markdown = markdown;
		this.organisations = organisations;
		this.messages = messages;
	}

	@PostMapping("/areas/{code}/plans")
	String create(@AuthenticationPrincipal HululPrincipal me, @PathVariable String code,
			@RequestParam(required = false) @Nullable String title,
			@RequestParam(required = false) @Nullable String titleAr, RedirectAttributes redirect) {
		try {
			Plan plan = this.plans.create(me, code, title, titleAr);
			redirect.addFlashAttribute("flashMessage", "plan.created");
			return "redirect:/plans/" + plan.id();
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", "plan.error.title");
			return "redirect:/areas/" + code;
		}
	}

	@GetMapping("/plans/{id}")
	String show(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			@RequestParam(required = false) @Nullable String edit, Locale locale, Model model) {
		Plan plan = this.plans.get(id);
		Area area = this.plans.area(plan);
		model.addAttribute("plan", plan);
		model.addAttribute("area", area);
		model.addAttribute("mayEdit", this.plans.mayEdit(me, plan));
		model.addAttribute("sections", PlanSection.values());
		java.util.Map<String, String> html = new java.util.HashMap<>();
		for (PlanSection section : PlanSection.values()) {
			for (String language : List.of("en", "ar")) {
				html.put(section.name() + "." + language, this.markdown.html(plan.section(section, language)));
			}
		}
		model.addAttribute("html", html);
		model.addAttribute("editing", (edit != null) ? PlanApiController.section(edit) : null);
		model.addAttribute("stepNumbers", java.util.stream.IntStream.rangeClosed(1, Plan.STEPS).boxed().toList());
		model.addAttribute("governments",
				this.organisations.all()
					.stream()
					.filter(OrganisationRef::active)
					.sorted(java.util.Comparator.comparing(OrganisationRef::code))
					.toList());
		return "areas/plan";
	}

	@PostMapping("/plans/{id}/sections/{section}")
	String section(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id, @PathVariable String section,
			@RequestParam int version, @RequestParam(required = false) @Nullable String en,
			@RequestParam(required = false) @Nullable String ar, Locale locale, Model model,
			RedirectAttributes redirect) {
		PlanSection chosen = PlanApiController.section(section);
		try {
			Plan plan = this.plans.writeSection(me, id, version, chosen, "en", en);
			// the English text changed: the plan is one version on; else still the one
			// read
			int next = (plan.version() == version + 1) ? version + 1 : version;
			this.plans.writeSection(me, id, next, chosen, "ar", ar);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("planErrors", errors(ex, locale));
			return show(me, id, section, locale, model);
		}
		catch (StaleEditException ex) {
			redirect.addFlashAttribute("flashError", "plan.stale");
			return "redirect:/plans/" + id + "?edit=" + section;
		}
		redirect.addFlashAttribute("flashMessage", "plan.saved");
		return "redirect:/plans/" + id + "#" + section;
	}

	@PostMapping("/plans/{id}/step")
	String step(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id, @RequestParam int version,
			@RequestParam int step, @RequestParam(required = false) @Nullable String on, Locale locale, Model model,
			RedirectAttributes redirect) {
		try {
			this.plans.moveTo(me, id, version, step, date(on));
		}
		catch (InvalidInputException ex) {
			model.addAttribute("planErrors", errors(ex, locale));
			return show(me, id, null, locale, model);
		}
		catch (StaleEditException ex) {
			redirect.addFlashAttribute("flashError", "plan.stale");
			return "redirect:/plans/" + id;
		}
		redirect.addFlashAttribute("flashMessage", "plan.saved");
		return "redirect:/plans/" + id;
	}

	@PostMapping("/plans/{id}/inputs")
	String input(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) @Nullable String organisation,
			@RequestParam(required = false) @Nullable String on,
			@RequestParam(required = false) @Nullable String summary, Locale locale, Model model,
			RedirectAttributes redirect) {
		try {
			this.plans.recordInput(me, id, version, organisation, date(on), summary);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("planErrors", errors(ex, locale));
			return show(me, id, null, locale, model);
		}
		catch (StaleEditException ex) {
			redirect.addFlashAttribute("flashError", "plan.stale");
			return "redirect:/plans/" + id;
		}
		redirect.addFlashAttribute("flashMessage", "plan.saved");
		return "redirect:/plans/" + id + "#inputs";
	}

	private static @Nullable LocalDate date(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw InvalidInputException.of("on", "plan.error.date", text.strip());
		}
	}

	private List<String> errors(InvalidInputException ex, Locale locale) {
		return FormErrors.messages(ex, this.messages, locale);
	}

}
