package org.hulul.platform.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hulul.platform.FormErrors;
import org.hulul.platform.HululPrincipal;
import org.hulul.platform.InvalidInputException;
import org.hulul.platform.UserAccounts;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in user changes their password (and must, after a one-time password).
 */
@Controller
class PasswordController {

	private static final String FORM = "account/password";

	private final UserAccounts accounts;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	PasswordController(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/account/password")
	String initPasswordForm(Model model) {
		model.addAttribute("form", new PasswordForm());
		return FORM;
	}

	@PostMapping("/account/password")
	String processPasswordForm(@AuthenticationPrincipal HululPrincipal me, @ModelAttribute("form") PasswordForm form,
			BindingResult result, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			this.accounts.changeOwnPassword(me.id(), form.getCurrentPassword(), form.getNewPassword(),
					form.getConfirmation(), request.getSession().getId());
		}
		catch (InvalidInputException ex) {
			FormErrors.apply(ex, result);
			return FORM;
		}
		// the session's principal no longer has to change its password
		HululPrincipal refreshed = this.accounts.find(me.id()).orElseThrow().toPrincipal();
		refreshed.eraseCredentials();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(refreshed, null, refreshed.getAuthorities()));
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		redirect.addFlashAttribute("flashMessage", "password.changed");
		return "redirect:/";
	}

	/** Form bean. */
	public static class PasswordForm {

		private String currentPassword = "";

		private String newPassword = "";

		private String confirmation = "";

		public String getCurrentPassword() {
			return this.currentPassword;
		}

		public void setCurrentPassword(String currentPassword) {
			this.currentPassword = currentPassword;
		}

		public String getNewPassword() {
			return this.newPassword;
		}

		public void setNewPassword(String newPassword) {
			this.newPassword = newPassword;
		}

		public String getConfirmation() {
			return this.confirmation;
		}

		public void setConfirmation(String confirmation) {
			this.confirmation = confirmation;
		}

	}

}
