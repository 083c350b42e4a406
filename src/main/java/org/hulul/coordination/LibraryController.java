package org.hulul.coordination;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
 * The library pages: the documents, filtered by strategic objective, body and kind; a
 * document with its classification and review rounds, where members comment section by
 * section and the runners resolve the comments and submit the document onwards.
 */
@Controller
class LibraryController {

	private final Library library;

	private final Bodies bodies;

	private final Organisations organisations;

	private final MessageSource messages;

	LibraryController(Library library, Bodies bodies, Organisations organisations, MessageSource messages) {
		this.library = library;
		this.bodies = bodies;
		this.organisations = organisations;
		this.messages = messages;
	}

	@GetMapping("/documents")
	String list(@AuthenticationPrincipal HululPrincipal me, @RequestParam(required = false) @Nullable String objective,
			@RequestParam(required = false) @Nullable String body,
			@RequestParam(required = false) @Nullable String kind, Model model) {
		String so = blank(objective);
		String owner = blank(body);
		String type = blank(kind);
		model.addAttribute("documents", this.library.find(so, owner, type));
		model.addAttribute("objective", so);
		model.addAttribute("body", owner);
		model.addAttribute("kind", type);
		model.addAttribute("objectives", this.library.objectives());
		model.addAttribute("bodies", this.bodies.all());
		model.addAttribute("ownBodies", this.bodies.all().stream().filter((b) -> this.bodies.mayRun(me, b)).toList());
		model.addAttribute("kinds", DocumentKind.values());
		model.addAttribute("classes", GuidelineClass.values());
		model.addAttribute("today", this.bodies.today());
		return "coordination/library";
	}

	@PostMapping("/documents")
	String add(@AuthenticationPrincipal HululPrincipal me, @RequestParam(required = false) @Nullable String title,
			@RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable String body,
			@RequestParam(required = false) @Nullable List<String> objectives,
			@RequestParam(required = false) @Nullable String link,
			@RequestParam(required = false) @Nullable String classification,
			@RequestParam(required = false) @Nullable String summary, Locale locale, RedirectAttributes redirect) {
		try {
			LibraryDocument document = this.library.add(me,
					new Library.DocumentEntered(title, kind, body, objectives, link, classification, summary));
			redirect.addFlashAttribute("flashMessage", "document.added");
			return "redirect:/documents/" + document.id();
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("pageErrors", FormErrors.messages(ex, this.messages, locale));
			return "redirect:/documents#add-document";
		}
	}

	@GetMapping("/documents/{id}")
	String document(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id, Locale locale, Model model) {
		LibraryDocument document = this.library.get(id);
		Body body = this.bodies.get(document.body());
		model.addAttribute("document", document);
		model.addAttribute("owner", body);
		model.addAttribute("next", (body.reportsTo() != null) ? body.reportsTo() : null);
		model.addAttribute("mayEdit", this.library.mayEdit(me, document));
		model.addAttribute("mayComment", Library.mayComment(me));
		model.addAttribute("today", this.bodies.today());
		model.addAttribute("objectives", this.library.objectives());
		model.addAttribute("ownBodies", this.bodies.all().stream().filter((b) -> this.bodies.mayRun(me, b)).toList());
		model.addAttribute("bodies", this.bodies.all());
		model.addAttribute("kinds", DocumentKind.values());
		model.addAttribute("classes", GuidelineClass.values());
		model.addAttribute("resolutions", Resolution.values());
		model.addAttribute("organisationChoices", CoordinationController.choices(this.organisations, locale));
		return "coordination/document";
	}

	@PostMapping("/documents/{id}")
	String change(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) @Nullable String title,
			@RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable String body,
			@RequestParam(required = false) @Nullable List<String> objectives,
			@RequestParam(required = false) @Nullable String link,
			@RequestParam(required = false) @Nullable String classification,
			@RequestParam(required = false) @Nullable String summary, Locale locale, RedirectAttributes redirect) {
		return act("/documents/" + id, "document.saved", locale, redirect, () -> this.library.change(me, id, version,
				new Library.DocumentEntered(title, kind, body, objectives, link, classification, summary)));
	}

	/**
	 * Opens a round; its sections come one a line, a reviewing organisation's code after
	 * a vertical bar ("Housing / HLP | NRC").
	 */
	@PostMapping("/documents/{id}/rounds")
	String openRound(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			@RequestParam(required = false) @Nullable String deadline,
			@RequestParam(required = false) @Nullable String sections, Locale locale, RedirectAttributes redirect) {
		List<Library.SectionEntered> parts = new ArrayList<>();
		for (String line : ((sections != null) ? sections : "").split("\\R")) {
			if (!line.isBlank()) {
				int bar = line.lastIndexOf('|');
				parts.add((bar < 0) ? new Library.SectionEntered(line, null)
						: new Library.SectionEntered(line.substring(0, bar), line.substring(bar + 1)));
			}
		}
		return act("/documents/" + id + "#rounds", "document.roundOpened", locale, redirect,
				() -> this.library.openRound(me, id, FormInput.date(deadline, "deadline"), parts));
	}

	@PostMapping("/document-sections/{section}/comments")
	String comment(@AuthenticationPrincipal HululPrincipal me, @PathVariable long section, @RequestParam long document,
			@RequestParam(required = false) @Nullable String text, Locale locale, RedirectAttributes redirect) {
		return act("/documents/" + document + "#section-" + section, "document.commented", locale, redirect,
				() -> this.library.comment(me, section, text));
	}

	@PostMapping("/document-comments/{comment}/resolution")
	String resolve(@AuthenticationPrincipal HululPrincipal me, @PathVariable long comment, @RequestParam long document,
			@RequestParam(required = false) @Nullable String resolution,
			@RequestParam(required = false) @Nullable String response, Locale locale, RedirectAttributes redirect) {
		return act("/documents/" + document + "#comment-" + comment, "document.resolved", locale, redirect,
				() -> this.library.resolve(me, comment, resolution, response));
	}

	@PostMapping("/document-rounds/{round}/submission")
	String submit(@AuthenticationPrincipal HululPrincipal me, @PathVariable long round, @RequestParam long document,
			@RequestParam int version, @RequestParam(required = false) @Nullable String to, Locale locale,
			RedirectAttributes redirect) {
		return act("/documents/" + document + "#rounds", "document.submitted", locale, redirect,
				() -> this.library.submit(me, round, version, to));
	}

	private String act(String to, String done, Locale locale, RedirectAttributes redirect, Runnable action) {
		return PageOutcome.act(to, done, "document.stale", this.messages, locale, redirect, action);
	}

	private static @Nullable String blank(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
