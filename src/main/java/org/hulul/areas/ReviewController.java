package org.hulul.areas;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hulul.platform.FormErrors;
import org.hulul.platform.FormInput;
import org.hulul.platform.HululPrincipal;
import org.hulul.platform.InvalidInputException;
import org.hulul.platform.StaleEditException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forms of a plan's review (open a round, comment, resolve, endorse, close), keeping
 * a version, and the page that compares two versions. Problems go back to the plan's page
 * with what was wrong.
 */
@Controller
class ReviewController {

	/** The name of the form field that gives reviewers of every section. */
	static final String ALL_SECTIONS = "ALL";

	private final Reviews reviews;

	private final Plans plans;

	private final MessageSource messages;

	ReviewController(Reviews reviews, Plans plans, MessageSource messages) {
		this.reviews = reviews;
		this.plans = plans;
		this.messages = messages;
	}

	@PostMapping("/plans/{id}/reviews")
	String open(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			@RequestParam MultiValueMap<String, String> form, Locale locale, RedirectAttributes redirect) {
		Map<String, List<String>> reviewers = new LinkedHashMap<>();
		List<String> everywhere = form.getOrDefault("reviewers_" + ALL_SECTIONS, List.of());
		for (PlanSection section : PlanSection.values()) {
			List<String> chosen = new java.util.ArrayList<>(everywhere);
			FormInput.codes(form.get("reviewers_" + section.name()))
				.stream()
				.filter((c) -> !chosen.contains(c))
				.forEach(chosen::add);
			if (!chosen.isEmpty()) {
				reviewers.put(section.name(), chosen);
			}
		}
		return act(id, "#review", "review.openedSaved", locale, redirect,
				() -> this.reviews.open(me, id, FormInput.date(form.getFirst("deadline"), "deadline"), reviewers));
	}

	@PostMapping("/reviews/{review}/comments")
	String comment(@AuthenticationPrincipal HululPrincipal me, @PathVariable long review,
			@RequestParam(required = false) @Nullable String section,
			@RequestParam(required = false) @Nullable String body, Locale locale, RedirectAttributes redirect) {
		long plan = this.reviews.get(review).plan();
		return act(plan, "#" + section, "review.commented", locale, redirect,
				() -> this.reviews.comment(me, review, section, body));
	}

	@PostMapping("/comments/{comment}/resolution")
	String resolve(@AuthenticationPrincipal HululPrincipal me, @PathVariable long comment, @RequestParam long plan,
			@RequestParam(required = false) @Nullable String resolution,
			@RequestParam(required = false) @Nullable String response, Locale locale, RedirectAttributes redirect) {
		return act(plan, "#comment-" + comment, "review.resolved", locale, redirect,
				() -> this.reviews.resolve(me, comment, resolution, response));
	}

	@PostMapping("/reviews/{review}/endorsement")
	String endorse(@AuthenticationPrincipal HululPrincipal me, @PathVariable long review,
			@RequestParam(required = false) @Nullable String organisation,
			@RequestParam(required = false) @Nullable String on, @RequestParam(required = false) @Nullable String note,
			Locale locale, RedirectAttributes redirect) {
		long plan = this.reviews.get(review).plan();
		return act(plan, "#review", "review.endorsedSaved", locale, redirect,
				() -> this.reviews.endorse(me, review, organisation, FormInput.date(on, "on"), note));
	}

	@PostMapping("/reviews/{review}/close")
	String close(@AuthenticationPrincipal HululPrincipal me, @PathVariable long review, Locale locale,
			RedirectAttributes redirect) {
		long plan = this.reviews.get(review).plan();
		return act(plan, "#review", "review.closedSaved", locale, redirect, () -> this.reviews.close(me, review));
	}

	@PostMapping("/plans/{id}/versions")
	String keep(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			@RequestParam(required = false) @Nullable String note, Locale locale, RedirectAttributes redirect) {
		return act(id, "#versions", "version.kept", locale, redirect, () -> this.reviews.keep(me, id, note));
	}

	@GetMapping("/plans/{id}/compare")
	String compare(@PathVariable long id, @RequestParam int from, @RequestParam int to, Model model) {
		Plan plan = this.plans.get(id);
		model.addAttribute("plan", plan);
		model.addAttribute("area", this.plans.area(plan));
		model.addAttribute("comparison", this.reviews.compare(id, from, to));
		model.addAttribute("versions", this.reviews.versions(id));
		return "areas/compare";
	}

	private String act(long plan, String anchor, String done, Locale locale, RedirectAttributes redirect,
			Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("flashMessage", done);
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("planErrors", FormErrors.messages(ex, this.messages, locale));
		}
		catch (StaleEditException ex) {
			redirect.addFlashAttribute("flashError", "plan.stale");
		}
		return "redirect:/plans/" + plan + anchor;
	}

}
