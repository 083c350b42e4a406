package org.hulul.reporting;

import java.time.LocalDate;
import java.util.Locale;

import org.hulul.platform.InvalidInputException;
import org.hulul.platform.StaleEditException;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reporting calendar: quarters, deadlines and lock dates for everyone signed in; the
 * secretariat and administrators change a quarter's dates.
 */
@Controller
class CalendarController {

	private final ReportingCalendar calendar;

	private final MessageSource messages;

	CalendarController(ReportingCalendar calendar, MessageSource messages) {
		this.calendar = calendar;
		this.messages = messages;
	}

	@GetMapping("/reporting/calendar")
	String showCalendar(Model model) {
		LocalDate today = this.calendar.today();
		Period current = Period.of(today);
		Period from = current.previous().previous().previous().previous();
		model.addAttribute("today", today);
		model.addAttribute("current", current);
		model.addAttribute("periods", this.calendar.between(from, current.next().next()).reversed());
		return "reporting/calendar";
	}

	@PostMapping("/reporting/calendar/{period}")
	@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARIAT')")
	String processDates(@PathVariable String period, @RequestParam int version,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate lockDate,
			RedirectAttributes redirect, Locale locale) {
		try {
			this.calendar.change(Period.parse(period), version, deadline, lockDate);
			redirect.addFlashAttribute("flashMessage", "calendar.saved");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("calendarErrors",
					ex.problems()
						.stream()
						.map((p) -> this.messages.getMessage(p.messageKey(), p.args().toArray(), locale))
						.toList());
		}
		catch (StaleEditException ex) {
			redirect.addFlashAttribute("flashError", "error.staleEdit");
		}
		return "redirect:/reporting/calendar";
	}

}
