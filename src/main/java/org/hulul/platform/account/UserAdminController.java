package org.hulul.platform.account;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hulul.platform.FormErrors;
import org.hulul.platform.InvalidInputException;
import org.hulul.platform.NotFoundException;
import org.hulul.platform.OrganisationDirectory;
import org.hulul.platform.OrganisationRef;
import org.hulul.platform.Role;
import org.hulul.platform.StaleEditException;
import org.hulul.platform.UserAccounts;
import org.hulul.platform.UserAccounts.NewUser;
import org.hulul.platform.UserAccounts.UserChange;
import org.jspecify.annotations.Nullable;

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
 * Users and roles administration (administrators only, see SecurityConfig).
 */
@Controller
class UserAdminController {

	private static final String FORM = "admin/userForm";

	private final UserAccounts accounts;

	private final OrganisationDirectory organisations;

	private final Clock clock;

	UserAdminController(UserAccounts accounts, OrganisationDirectory organisations, Clock clock) {
		this.accounts = accounts;
		this.organisations = organisations;
		this.clock = clock;
	}

	@ModelAttribute("roles")
	Role[] roles() {
		return Role.values();
	}

	@ModelAttribute("languages")
	List<String> languages() {
		return UserAccounts.LANGUAGES;
	}

	/** The active organisations, and the user's own even if it was deactivated since. */
	@ModelAttribute("organisations")
	List<OrganisationRef> organisations(@PathVariable(required = false) @Nullable Long id) {
		Long current = (id != null) ? this.accounts.find(id).map(Account::organisationId).orElse(null) : null;
		return this.organisations.all()
			.stream()
			.filter((o) -> o.active() || Long.valueOf(o.id()).equals(current))
			.sorted(Comparator.comparing(OrganisationRef::code, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

	@GetMapping("/admin/users")
	String showUsers(Model model) {
		Map<Long, OrganisationRef> byId = this.organisations.all()
			.stream()
			.collect(Collectors.toMap(OrganisationRef::id, Function.identity()));
		model.addAttribute("users", this.accounts.all());
		model.addAttribute("organisationsById", byId);
		model.addAttribute("now", this.clock.instant());
		return "admin/users";
	}

	@GetMapping("/admin/users/new")
	String initCreationForm(Model model) {
		model.addAttribute("user", new UserForm());
		return FORM;
	}

	@PostMapping("/admin/users/new")
	String processCreationForm(@ModelAttribute("user") UserForm form, BindingResult result,
			RedirectAttributes redirect) {
		try {
			Account created = this.accounts
				.create(new NewUser(form.getUsername(), form.getDisplayName(), form.getPassword(), form.getRole(),
						form.getOrganisation(), false, true, form.getEmail(), form.getLanguage()));
			redirect.addFlashAttribute("flashMessage", "user.created");
			return "redirect:/admin/users/" + created.id();
		}
		catch (InvalidInputException ex) {
			FormErrors.apply(ex, result);
			return FORM;
		}
	}

	@GetMapping("/admin/users/{id}")
	String initUpdateForm(@PathVariable long id, Model model) {
		Account account = this.accounts.find(id).orElseThrow(() -> new NotFoundException("user", id));
		model.addAttribute("user", toForm(account));
		model.addAttribute("account", account);
		model.addAttribute("locked", account.isLocked(this.clock.instant()));
		return FORM;
	}

	@PostMapping("/admin/users/{id}")
	String processUpdateForm(@PathVariable long id, @ModelAttribute("user") UserForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Account account = this.accounts.find(id).orElseThrow(() -> new NotFoundException("user", id));
		try {
			this.accounts.update(id, form.getVersion(), new UserChange(form.getDisplayName(), form.getRole(),
					form.getOrganisation(), form.isActive(), form.getEmail(), form.getLanguage()));
			redirect.addFlashAttribute("flashMessage", "user.saved");
			return "redirect:/admin/users/" + id;
		}
		catch (InvalidInputException ex) {
			FormErrors.apply(ex, result);
		}
		catch (StaleEditException ex) {
			// keep what this editor chose, show what the other saved, and let a second
			// save
			// apply this change over it knowingly
			UserForm current = toForm(this.accounts.find(id).orElseThrow());
			result.reject("error.staleEdit");
			model.addAttribute("current", current);
			form.setVersion(current.getVersion());
		}
		form.setUsername(account.username());
		model.addAttribute("account", account);
		model.addAttribute("locked", account.isLocked(this.clock.instant()));
		return FORM;
	}

	@PostMapping("/admin/users/{id}/password")
	String processPasswordReset(@PathVariable long id, @RequestParam String password, RedirectAttributes redirect) {
		try {
			this.accounts.resetPassword(id, password);
			redirect.addFlashAttribute("flashMessage", "user.passwordReset");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("passwordError", ex.problems().get(0).messageKey());
		}
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/admin/users/{id}/unlock")
	String processUnlock(@PathVariable long id, RedirectAttributes redirect) {
		this.accounts.unlock(id);
		redirect.addFlashAttribute("flashMessage", "user.unlocked");
		return "redirect:/admin/users/" + id;
	}

	private UserForm toForm(Account account) {
		UserForm form = new UserForm();
		form.setUsername(account.username());
		form.setDisplayName(account.displayName());
		form.setRole(account.role());
		form.setOrganisation((account.organisationId() != null)
				? this.organisations.find(account.organisationId()).map(OrganisationRef::code).orElse(null) : null);
		form.setEmail(account.email());
		form.setLanguage(account.language());
		form.setActive(account.active());
		form.setVersion(account.version());
		return form;
	}

}
