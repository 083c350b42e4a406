package org.hulul.coordination;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hulul.organisations.Organisations;
import org.hulul.platform.FormErrors;
import org.hulul.platform.FormInput;
import org.hulul.platform.HululPrincipal;
import org.hulul.platform.InvalidInputException;
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
 * The selection pages: a call with its applications, the form to apply, the ballot, the
 * count and the DSTF's endorsement; calls are opened from a body's page.
 */
@Controller
class SelectionController {

	private final Selections selections;

	private final Bodies bodies;

	private final Meetings meetings;

	private final Organisations organisations;

	private final MessageSource messages;

	SelectionController(Selections selections, Bodies bodies, Meetings meetings, Organisations organisations,
			MessageSource messages) {
		this.selections = selections;
		this.bodies = bodies;
		this.meetings = meetings;
		this.organisations = organisations;
		this.messages = messages;
	}

	@GetMapping("/selections/{id}")
	String selection(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id, Locale locale, Model model) {
		Selection selection = this.selections.get(id);
		Body body = this.bodies.get(selection.body());
		boolean mayRun = this.selections.mayRun(me, selection);
		model.addAttribute("selection", selection);
		model.addAttribute("body", body);
		model.addAttribute("steps",
				List.of(SelectionStatus.CALL, SelectionStatus.VOTING, SelectionStatus.TALLIED,
						(selection.status() == SelectionStatus.DECLINED) ? SelectionStatus.DECLINED
								: SelectionStatus.ENDORSED));
		model.addAttribute("today", this.bodies.today());
		model.addAttribute("mayRun", mayRun);
		model.addAttribute("mayEndorse", Bodies.mayEdit(me));
		model.addAttribute("mayApply", Selections.mayApply(me) && selection.takesApplications(this.bodies.today()));
		model.addAttribute("onBehalf", Bodies.mayEdit(me));
		String mine = this.meetings.organisationOf(me).orElse(null);
		model.addAttribute("mine", mine);
		model.addAttribute("applied",
				mine != null && selection.applications().stream().anyMatch((a) -> a.organisation().equals(mine)));
		model.addAttribute("mayVote", this.selections.mayVote(me, selection));
		model.addAttribute("hasVoted", this.selections.hasVoted(me, selection));
		model.addAttribute("electorate", mayRun ? this.selections.electorate(me, id) : Map.of());
		model.addAttribute("dstfMeetings", this.meetings.ofBody(TermsOfReference.DSTF).reversed());
		model.addAttribute("organisationChoices", CoordinationController.choices(this.organisations, locale));
		// dates inside a sentence are isolated left to right, or Arabic reverses them
		model.addAttribute("deadline", "\u2066" + selection.deadline() + "\u2069");
		model.addAttribute("closes",
				(selection.votingCloses() != null) ? "\u2066" + selection.votingCloses() + "\u2069" : "");
		return "coordination/selection";
	}

	@PostMapping("/coordination/{code}/selections")
	String open(@AuthenticationPrincipal HululPrincipal me, @PathVariable String code,
			@RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable String category,
			@RequestParam(required = false) @Nullable Integer places,
			@RequestParam(required = false) @Nullable String purpose,
			@RequestParam(required = false) @Nullable String deadline,
			@RequestParam(required = false) @Nullable String termStart,
			@RequestParam(required = false) @Nullable String termEnd,
			@RequestParam(required = false) @Nullable String replaces, Locale locale, RedirectAttributes redirect) {
		try {
			Selection selection = this.selections.open(me, code,
					new Selections.CallEntered(kind, category, places, purpose, FormInput.date(deadline, "deadline"),
							FormInput.date(termStart, "termStart"), FormInput.date(termEnd, "termEnd"), replaces));
			redirect.addFlashAttribute("flashMessage", "selection.opened");
			return "redirect:/selections/" + selection.id();
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("pageErrors", FormErrors.messages(ex, this.messages, locale));
			return "redirect:/coordination/" + code + "#selections";
		}
	}

	@PostMapping("/selections/{id}/applications")
	String apply(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			@RequestParam(required = false) @Nullable String organisation,
			@RequestParam(required = false) @Nullable String representative,
			@RequestParam(required = false) @Nullable String alternate,
			@RequestParam(required = false) @Nullable String statement, Locale locale, RedirectAttributes redirect) {
		return act(id, "#applications", "selection.applied", locale, redirect, () -> this.selections.apply(me, id,
				new Selections.ApplicationEntered(organisation, representative, alternate, statement)));
	}

	@PostMapping("/selections/{id}/withdraw")
	String withdraw(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			@RequestParam(required = false) @Nullable String organisation, Locale locale, RedirectAttributes redirect) {
		return act(id, "#applications", "selection.withdrawn", locale, redirect,
				() -> this.selections.withdraw(me, id, organisation));
	}

	@PostMapping("/selections/{id}/vote")
	String openVote(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) @Nullable String closes, Locale locale, RedirectAttributes redirect) {
		return act(id, "#vote", "selection.votingOpened", locale, redirect,
				() -> this.selections.openVote(me, id, version, FormInput.date(closes, "closes")));
	}

	@PostMapping("/selections/{id}/ballot")
	String vote(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			@RequestParam(required = false) @Nullable List<String> choices, Locale locale,
			RedirectAttributes redirect) {
		return act(id, "#vote", "selection.voted", locale, redirect, () -> this.selections.vote(me, id, choices));
	}

	@PostMapping("/selections/{id}/tally")
	String tally(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id, @RequestParam int version,
			Locale locale, RedirectAttributes redirect) {
		return act(id, "#result", "selection.tallied", locale, redirect, () -> this.selections.tally(me, id, version));
	}

	@PostMapping("/selections/{id}/endorsement")
	String endorse(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) @Nullable String endorsed,
			@RequestParam(required = false) @Nullable String on,
			@RequestParam(required = false) @Nullable Integer meeting,
			@RequestParam(required = false) @Nullable List<String> chosen,
			@RequestParam(required = false) @Nullable String note, Locale locale, RedirectAttributes redirect) {
		return act(id, "#result", "selection.recorded", locale, redirect,
				() -> this.selections.endorse(me, id, version,
						new Selections.EndorsementEntered((endorsed != null) ? Boolean.valueOf(endorsed) : null,
								FormInput.date(on, "on"), meeting, chosen, note)));
	}

	private String act(long id, String anchor, String done, Locale locale, RedirectAttributes redirect,
			Runnable action) {
		return PageOutcome.act("/selections/" + id + anchor, done, "selection.stale", this.messages, locale, redirect,
				action);
	}

}
