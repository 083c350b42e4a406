package org.hulul.framework;

import java.util.List;
import java.util.Locale;

import org.hulul.platform.InvalidInputException;
import org.hulul.platform.NotFoundException;
import org.hulul.platform.StaleEditException;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Editing a draft: one indicator at a time, and marking its translations as reviewed.
 * Only the secretariat and administrators; published versions cannot be edited.
 */
@Controller
@PreAuthorize(FrameworkVersionController.EDITORS)
class FrameworkDraftController {

	private static final String FORM = "framework/indicatorForm";

	private final Frameworks frameworks;

	private final MessageSource messages;

	FrameworkDraftController(Frameworks frameworks, MessageSource messages) {
		this.frameworks = frameworks;
		this.messages = messages;
	}

	@GetMapping("/framework/versions/{id}/indicators/{code}/edit")
	String initIndicatorForm(@PathVariable long id, @PathVariable String code, Model model) {
		FrameworkVersion draft = draft(id);
		FrameworkDefinition.Indicator indicator = indicator(draft, code);
		model.addAttribute("form", IndicatorForm.of(indicator, draft.version()));
		addContext(model, draft, indicator);
		return FORM;
	}

	@PostMapping("/framework/versions/{id}/indicators/{code}/edit")
	String processIndicatorForm(@PathVariable long id, @PathVariable String code,
			@ModelAttribute("form") IndicatorForm form, Model model, Locale locale, RedirectAttributes redirect) {
		FrameworkVersion draft = draft(id);
		FrameworkDefinition.Indicator before = indicator(draft, code);
		try {
			this.frameworks.updateIndicator(id, form.getVersion(), form.toIndicator(before));
			redirect.addFlashAttribute("flashMessage", "framework.indicatorSaved");
			return "redirect:/framework?version=" + id + "#" + before.objectiveCode();
		}
		catch (InvalidFrameworkException ex) {
			model.addAttribute("problems",
					ShownProblem.of(ex, this.messages, locale, FrameworkDraftController::fieldOf));
		}
		catch (StaleEditException ex) {
			// keep what this editor typed, show what is saved now, and let a second save
			// apply
			// this change over it knowingly
			FrameworkVersion saved = draft(id);
			model.addAttribute("problems",
					List.of(new ShownProblem("version", this.messages.getMessage("error.staleEdit", null, locale))));
			model.addAttribute("stored", indicator(saved, code));
			form.setVersion(saved.version());
		}
		catch (InvalidInputException ex) {
			model.addAttribute("problems", ShownProblem.of(ex, this.messages, locale));
		}
		addContext(model, draft, before);
		return FORM;
	}

	@PostMapping("/framework/versions/{id}/translations")
	String processTranslations(@PathVariable long id, @RequestParam int version, @RequestParam boolean confirmed,
			RedirectAttributes redirect) {
		try {
			this.frameworks.confirmTranslations(id, version, confirmed);
			redirect.addFlashAttribute("flashMessage",
					confirmed ? "framework.translationsConfirmed" : "framework.translationsDraftAgain");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", "framework.error.publishedReadOnly");
			return "redirect:/framework/versions";
		}
		catch (StaleEditException ex) {
			redirect.addFlashAttribute("flashError", "error.staleEdit");
		}
		return "redirect:/framework?version=" + id;
	}

	/** {@code objectives[1].subCriteria[0].indicators[2].unit.en} → {@code unit.en}. */
	static String fieldOf(String path) {
		int at = path.indexOf("].", path.lastIndexOf("indicators["));
		return (path.contains("indicators[") && at > 0) ? path.substring(at + 2) : path;
	}

	private void addContext(Model model, FrameworkVersion draft, FrameworkDefinition.Indicator indicator) {
		model.addAttribute("version", draft);
		model.addAttribute("framework", draft.definition());
		model.addAttribute("indicator", indicator);
		model.addAttribute("valueTypes", ValueType.values());
		model.addAttribute("aggregations", Aggregation.values());
	}

	private FrameworkVersion draft(long id) {
		return this.frameworks.version(id)
			.filter((v) -> !v.isPublished())
			.orElseThrow(() -> new NotFoundException("framework draft", id));
	}

	private static FrameworkDefinition.Indicator indicator(FrameworkVersion draft, String code) {
		return draft.definition().indicator(code).orElseThrow(() -> new NotFoundException("indicator", code));
	}

}
