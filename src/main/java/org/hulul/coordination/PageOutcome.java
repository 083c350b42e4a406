package org.hulul.coordination;

import java.util.Locale;

import org.hulul.platform.FormErrors;
import org.hulul.platform.InvalidInputException;
import org.hulul.platform.StaleEditException;

import org.springframework.context.MessageSource;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What a coordination form's post leads to: back to the page with the step's message, or
 * with what was wrong, or with word that someone changed the record meanwhile.
 */
final class PageOutcome {

	private PageOutcome() {
	}

	static String act(String to, String done, String stale, MessageSource messages, Locale locale,
			RedirectAttributes redirect, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("flashMessage", done);
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("pageErrors", FormErrors.messages(ex, messages, locale));
		}
		catch (StaleEditException ex) {
			redirect.addFlashAttribute("flashError", stale);
		}
		return "redirect:" + to;
	}

}
