package org.hulul.framework;

import java.util.List;
import java.util.Locale;

import org.hulul.platform.InvalidInputException;
import org.hulul.platform.NotFoundException;
import org.hulul.platform.StaleEditException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Suggested indicators from the inter-agency durable-solutions library, with their
 * source; the secretariat adopts one into a draft under the objective it chooses.
 */
@Controller
class FrameworkSuggestionController {

	private final LibraryIndicators library;

	private final Frameworks frameworks;

	private final MessageSource messages;

	FrameworkSuggestionController(LibraryIndicators library, Frameworks frameworks, MessageSource messages) {
		this.library = library;
		this.frameworks = frameworks;
		this.messages = messages;
	}

	@GetMapping("/framework/suggestions")
	String showSuggestions(@RequestParam(required = false) @Nullable Integer iasc, Model model) {
		model.addAttribute("suggestions",
				this.library.all().stream().filter((s) -> iasc == null || s.iascCriterion() == iasc).toList());
		model.addAttribute("iasc", iasc);
		model.addAttribute("source", LibraryIndicators.SOURCE);
		List<FrameworkVersion> drafts = FrameworkAccess.mayEdit()
				? this.frameworks.versions().stream().filter((v) -> !v.isPublished()).toList() : List.of();
		model.addAttribute("drafts", drafts);
		model.addAttribute("objectives",
				this.frameworks.current().map((v) -> v.definition().objectives()).orElse(List.of()));
		return "framework/suggestions";
	}

	@PostMapping("/framework/suggestions/{id}/adopt")
	@PreAuthorize(FrameworkVersionController.EDITORS)
	String processAdoption(@PathVariable String id, @RequestParam long draft,
			@RequestParam(required = false) @Nullable Integer version, @RequestParam String objective,
			RedirectAttributes redirect, Locale locale) {
		LibraryIndicators.Suggestion suggestion = this.library.find(id)
			.orElseThrow(() -> new NotFoundException("suggestion", id));
		try {
			// adopting only adds to the draft and the whole draft is checked again, so
			// the
			// version read is optional
			int expected = (version != null) ? version
					: this.frameworks.version(draft).map(FrameworkVersion::version).orElse(-1);
			this.frameworks.adopt(draft, expected, objective, suggestion);
			redirect.addFlashAttribute("flashMessage", "framework.adopted");
			return "redirect:/framework?version=" + draft + "#" + objective;
		}
		catch (InvalidFrameworkException ex) {
			redirect.addFlashAttribute("problems", ShownProblem.of(ex, this.messages, locale, (path) -> path));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problems", ShownProblem.of(ex, this.messages, locale));
		}
		catch (StaleEditException ex) {
			redirect.addFlashAttribute("flashError", "error.staleEdit");
		}
		return "redirect:/framework/suggestions";
	}

}
