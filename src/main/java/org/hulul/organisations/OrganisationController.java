package org.hulul.organisations;

import java.util.List;

import org.hulul.platform.FormErrors;
import org.hulul.platform.InvalidInputException;
import org.hulul.platform.NotFoundException;
import org.hulul.platform.StaleEditException;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Organisation pages: everyone signed in reads; administrators and the secretariat edit.
 */
@Controller
class OrganisationController {

	private static final String FORM = "organisations/form";

	private static final String EDITORS = "hasAnyRole('ADMIN', 'SECRETARIAT')";

	private final Organisations organisations;

	OrganisationController(Organisations organisations) {
		this.organisations = organisations;
	}

	@ModelAttribute("types")
	OrganisationType[] types() {
		return OrganisationType.values();
	}

	@ModelAttribute("programmes")
	Programming[] programmes() {
		return Programming.values();
	}

	@GetMapping("/organisations")
	String showOrganisations(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable OrganisationType type,
			@RequestParam(defaultValue = "false") boolean inactive, Model model) {
		List<Organisation> shown = this.organisations.search(q, type, inactive);
		model.addAttribute("organisations", shown);
		model.addAttribute("q", (q != null) ? q : "");
		model.addAttribute("type", type);
		model.addAttribute("inactive", inactive);
		return "organisations/list";
	}

	@GetMapping("/organisations/new")
	@PreAuthorize(EDITORS)
	String initCreationForm(Model model) {
		model.addAttribute("organisation", new OrganisationForm());
		return FORM;
	}

	@PostMapping("/organisations/new")
	@PreAuthorize(EDITORS)
	String processCreationForm(@ModelAttribute("organisation") OrganisationForm form, BindingResult result,
			RedirectAttributes redirect) {
		try {
			Organisation created = this.organisations.create(form.toDetails(), false);
			redirect.addFlashAttribute("flashMessage", "organisation.created");
			return "redirect:/organisations/" + created.id();
		}
		catch (InvalidInputException ex) {
			FormErrors.apply(ex, result);
			return FORM;
		}
	}

	@GetMapping("/organisations/{id}")
	String showOrganisation(@PathVariable long id, Model model) {
		model.addAttribute("organisation", load(id));
		return "organisations/detail";
	}

	@GetMapping("/organisations/{id}/edit")
	@PreAuthorize(EDITORS)
	String initUpdateForm(@PathVariable long id, Model model) {
		Organisation organisation = load(id);
		model.addAttribute("organisation", OrganisationForm.of(organisation));
		model.addAttribute("existing", organisation);
		return FORM;
	}

	@PostMapping("/organisations/{id}/edit")
	@PreAuthorize(EDITORS)
	String processUpdateForm(@PathVariable long id, @ModelAttribute("organisation") OrganisationForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Organisation existing = load(id);
		try {
			this.organisations.update(id, form.getVersion(), form.toDetails(), null);
			redirect.addFlashAttribute("flashMessage", "organisation.saved");
			return "redirect:/organisations/" + id;
		}
		catch (InvalidInputException ex) {
			FormErrors.apply(ex, result);
		}
		catch (StaleEditException ex) {
			// keep what this editor typed, show what the other saved, and let a second
			// save
			// apply this change over it knowingly
			result.reject("error.staleEdit");
			model.addAttribute("current", existing);
			form.setVersion(existing.version());
		}
		model.addAttribute("existing", existing);
		return FORM;
	}

	@PostMapping("/organisations/{id}/active")
	@PreAuthorize(EDITORS)
	String processActivation(@PathVariable long id, @RequestParam int version, @RequestParam boolean active,
			RedirectAttributes redirect) {
		try {
			this.organisations.setActive(id, version, active);
			redirect.addFlashAttribute("flashMessage",
					active ? "organisation.reactivated" : "organisation.deactivated");
		}
		catch (StaleEditException ex) {
			redirect.addFlashAttribute("flashError", "error.staleEdit");
		}
		return "redirect:/organisations/" + id;
	}

	private Organisation load(long id) {
		return this.organisations.get(id).orElseThrow(() -> new NotFoundException("organisation", id));
	}

}
