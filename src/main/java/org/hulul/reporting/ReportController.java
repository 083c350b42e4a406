package org.hulul.reporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.hulul.framework.FrameworkDefinition;
import org.hulul.framework.Frameworks;
import org.hulul.geo.Locations;
import org.hulul.platform.HululPrincipal;
import org.hulul.platform.InvalidInputException;
import org.hulul.platform.OrganisationDirectory;
import org.hulul.platform.OrganisationRef;
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
 * Report pages: the list (and the reviewers' queue), one report with its lines, the form
 * that adds a line, the actions of its life and its history. The rules are those of
 * {@link Reports}; this only shows them.
 */
@Controller
class ReportController {

	private final Reports reports;

	private final Frameworks frameworks;

	private final Locations locations;

	private final OrganisationDirectory organisations;

	private final ReportingCalendar calendar;

	private final MessageSource messages;

	private final Compliance compliance;

	ReportController(Reports reports, Frameworks frameworks, Locations locations, OrganisationDirectory organisations,
			ReportingCalendar calendar, MessageSource messages, Compliance compliance) {
		this.compliance = compliance;
		this.reports = reports;
		this.frameworks = frameworks;
		this.locations = locations;
		this.organisations = organisations;
		this.calendar = calendar;
		this.messages = messages;
	}

	@GetMapping("/reports")
	String showReports(@AuthenticationPrincipal HululPrincipal me, Model model) {
		model.addAttribute("reports", this.reports.visible(me));
		model.addAttribute("queue", Reports.isReviewer(me) ? this.reports.queue(me) : List.of());
		Period current = Period.of(this.calendar.today());
		model.addAttribute("quarters", List.of(current, current.previous(), current.previous().previous()));
		model.addAttribute("organisationNames", organisationCodes());
		return "reporting/list";
	}

	@PostMapping("/reports/open")
	String processOpen(@AuthenticationPrincipal HululPrincipal me, @RequestParam String period) {
		String code = (me.organisationId() != null)
				? this.organisations.find(me.organisationId()).map(OrganisationRef::code).orElse(null) : null;
		Report report = this.reports.open(me, code, period);
		return "redirect:/reports/" + report.id();
	}

	@GetMapping("/reports/compliance")
	String showCompliance(@AuthenticationPrincipal HululPrincipal me,
			@RequestParam(required = false) @Nullable String period, Model model) {
		requireOverview(me);
		Period quarter = quarter(period);
		model.addAttribute("compliance", this.compliance.of(quarter));
		Period current = Period.of(this.calendar.today());
		model.addAttribute("quarters", List.of(current, current.previous(), current.previous().previous(),
				current.previous().previous().previous()));
		return "reporting/compliance";
	}

	@GetMapping(path = "/reports/compliance.csv", produces = "text/csv")
	org.springframework.http.ResponseEntity<String> complianceCsv(@AuthenticationPrincipal HululPrincipal me,
			@RequestParam(required = false) @Nullable String period) throws java.io.IOException {
		requireOverview(me);
		Compliance.Result result = this.compliance.of(quarter(period));
		StringBuilder csv = new StringBuilder("\uFEFF");
		try (org.apache.commons.csv.CSVPrinter printer = new org.apache.commons.csv.CSVPrinter(csv,
				org.apache.commons.csv.CSVFormat.DEFAULT)) {
			printer.printRecord("period", "organisation", "name", "status", "late", "deadline");
			for (Compliance.Row row : result.rows()) {
				printer.printRecord(result.period(), row.code(), row.name(), row.state(), row.late(),
						result.dates().deadline());
			}
		}
		return org.springframework.http.ResponseEntity.ok()
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"compliance-" + result.period() + ".csv\"")
			.contentType(org.springframework.http.MediaType.parseMediaType("text/csv;charset=UTF-8"))
			.body(csv.toString());
	}

	private Period quarter(@Nullable String period) {
		try {
			return (period != null) ? Period.parse(period) : Period.of(this.calendar.today()).previous();
		}
		catch (IllegalArgumentException ex) {
			return Period.of(this.calendar.today()).previous();
		}
	}

	private static void requireOverview(HululPrincipal me) {
		if (!Reports.isReviewer(me) && !me.is(org.hulul.platform.Role.SECRETARIAT)) {
			throw new org.springframework.security.access.AccessDeniedException("Reviewers and the secretariat only");
		}
	}

	@GetMapping("/reports/{id}")
	String showReport(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			@RequestParam(required = false) @Nullable String indicator, Locale locale, Model model) {
		Report report = this.reports.get(me, id);
		FrameworkDefinition framework = this.frameworks.version(report.frameworkVersionId()).orElseThrow().definition();
		FrameworkDefinition.Indicator chosen = (indicator != null) ? framework.indicator(indicator).orElse(null) : null;
		model.addAttribute("report", report);
		model.addAttribute("organisation", this.organisations.find(report.organisationId()).orElseThrow());
		model.addAttribute("dates", this.calendar.dates(report.period()));
		model.addAttribute("framework", framework);
		List<ReportLine> lines = this.reports.lines(me, id);
		model.addAttribute("lines", lines);
		// names in the reader's language of what the lines refer to, by code
		Map<String, String> names = new java.util.HashMap<>();
		framework.populationGroups().forEach((g) -> names.put(g.code(), g.name().in(locale)));
		for (ReportLine line : lines) {
			framework.indicator(line.indicator()).ifPresent((i) -> names.put(i.code(), i.name().in(locale)));
			this.locations.find(line.location()).ifPresent((l) -> names.put(l.pcode(), l.name(locale)));
			line.disaggregation()
				.forEach((category, option) -> framework.category(category)
					.ifPresent((c) -> c.options()
						.stream()
						.filter((o) -> o.code().equals(option))
						.findFirst()
						.ifPresent((o) -> names.put(category + "=" + option,
								c.name().in(locale) + ": " + o.name().in(locale)))));
		}
		model.addAttribute("names", names);
		model.addAttribute("editable", this.reports.editable(me, report));
		model.addAttribute("reviewer", Reports.isReviewer(me));
		model.addAttribute("chosen", chosen);
		model.addAttribute("categories",
				(chosen != null)
						? chosen.disaggregations().stream().map((c) -> framework.category(c).orElseThrow()).toList()
						: List.of());
		model.addAttribute("locations", this.locations);
		model.addAttribute("history", this.reports.history(me, id));
		return "reporting/report";
	}

	@PostMapping("/reports/{id}/lines")
	String processLine(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id, @RequestParam int version,
			@RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect, Locale locale) {
		Map<String, String> breakdown = new TreeMap<>();
		form.forEach((name, values) -> {
			if (name.startsWith("d.") && !values.isEmpty() && !values.get(0).isBlank()) {
				breakdown.put(name.substring(2), values.get(0));
			}
		});
		for (String field : List.of("value", "numerator", "denominator")) {
			String text = form.getFirst(field);
			if (text != null && !text.isBlank() && number(text) == null) {
				redirect.addFlashAttribute("flashError", "report.notANumber");
				return "redirect:/reports/" + id + "?indicator=" + form.getFirst("indicator");
			}
		}
		ReportLine line = new ReportLine(String.valueOf(form.getFirst("indicator")),
				String.valueOf(form.getFirst("location")), String.valueOf(form.getFirst("populationGroup")),
				new TreeMap<>(breakdown), number(form.getFirst("value")), number(form.getFirst("numerator")),
				number(form.getFirst("denominator")), blank(form.getFirst("comment")));
		List<ReportLine> lines = new ArrayList<>(this.reports.lines(me, id));
		lines.add(line);
		// kept for the form, so a refused or conflicting save loses nothing that was
		// typed
		java.util.HashMap<String, String> typed = new java.util.HashMap<>();
		form.forEach((name, values) -> {
			if (!values.isEmpty() && !"_csrf".equals(name) && !"version".equals(name)) {
				typed.put(name, values.get(0));
			}
		});
		redirect.addFlashAttribute("typed", typed);
		return save(me, id, version, lines, redirect, locale, "?indicator=" + line.indicator());
	}

	@PostMapping("/reports/{id}/lines/{index}/delete")
	String processDelete(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id, @PathVariable int index,
			@RequestParam int version, RedirectAttributes redirect, Locale locale) {
		List<ReportLine> lines = new ArrayList<>(this.reports.lines(me, id));
		if (index >= 0 && index < lines.size()) {
			lines.remove(index);
		}
		return save(me, id, version, lines, redirect, locale, "");
	}

	@PostMapping("/reports/{id}/submit")
	String processSubmit(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			@RequestParam(defaultValue = "false") boolean acknowledge, RedirectAttributes redirect, Locale locale) {
		return act(id, redirect, locale, "report.submitted", () -> this.reports.submit(me, id, acknowledge));
	}

	@PostMapping("/reports/{id}/return")
	String processReturn(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			@RequestParam(required = false) @Nullable String comment, RedirectAttributes redirect, Locale locale) {
		return act(id, redirect, locale, "report.returned", () -> this.reports.returnReport(me, id, comment));
	}

	@PostMapping("/reports/{id}/approve")
	String processApprove(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			RedirectAttributes redirect, Locale locale) {
		return act(id, redirect, locale, "report.approved", () -> this.reports.approve(me, id));
	}

	@PostMapping("/reports/{id}/reopen")
	String processReopen(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			@RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect, Locale locale) {
		return act(id, redirect, locale, "report.reopened", () -> this.reports.reopen(me, id, reason));
	}

	private String save(HululPrincipal me, long id, int version, List<ReportLine> lines, RedirectAttributes redirect,
			Locale locale, String suffix) {
		try {
			List<LineProblem> warnings = this.reports.saveLines(me, id, version, lines);
			redirect.addFlashAttribute("flashMessage", "report.saved");
			redirect.addFlashAttribute("lineProblems", shown(warnings, locale));
			redirect.addFlashAttribute("typed", null);
		}
		catch (LinesRejectedException ex) {
			redirect.addFlashAttribute("lineProblems", shown(ex.problems(), locale));
			redirect.addFlashAttribute("flashError", "report.notSaved");
		}
		catch (StaleEditException ex) {
			redirect.addFlashAttribute("flashError", "report.staleEdit");
		}
		catch (ReportTransitionException ex) {
			redirect.addFlashAttribute("actionError",
					this.messages.getMessage(ex.messageKey(), ex.args().toArray(), locale));
		}
		return "redirect:/reports/" + id + suffix;
	}

	private String act(long id, RedirectAttributes redirect, Locale locale, String done, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("flashMessage", done);
		}
		catch (ReportTransitionException ex) {
			redirect.addFlashAttribute("actionError",
					this.messages.getMessage(ex.messageKey(), ex.args().toArray(), locale));
		}
		catch (LinesRejectedException ex) {
			redirect.addFlashAttribute("lineProblems", shown(ex.problems(), locale));
			redirect.addFlashAttribute("acknowledgeNeeded",
					ex.problems().stream().noneMatch((p) -> p.severity() == LineProblem.Severity.ERROR));
		}
		catch (StaleEditException ex) {
			redirect.addFlashAttribute("flashError", "report.staleEdit");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", ex.problems().get(0).messageKey());
		}
		return "redirect:/reports/" + id;
	}

	/** Problems as the page shows them: line number (from 1), severity and message. */
	private List<String> shown(List<LineProblem> problems, Locale locale) {
		return problems.stream()
			.map((p) -> this.messages.getMessage("report.problem",
					new Object[] { p.line() + 1,
							this.messages.getMessage("report.severity." + p.severity(), null, locale),
							this.messages.getMessage(p.messageKey(), p.args().toArray(), locale) },
					locale))
			.toList();
	}

	private Map<Long, String> organisationCodes() {
		Map<Long, String> codes = new java.util.HashMap<>();
		this.organisations.all().forEach((o) -> codes.put(o.id(), o.code()));
		return codes;
	}

	private static @Nullable BigDecimal number(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(text.strip().replace(',', '.'));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static @Nullable String blank(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
