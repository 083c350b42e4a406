package org.hulul.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Report pages: the list (and the reviewers' queue), one report with its lines, the form
 * that adds a line, the actions of its life and its history. The rules are those of
 * {@link Reports}; this only shows them.
 */
@Controller
class ReportController {

	/** How many of the latest changes the report page shows; the rest on request. */
	private static final int HISTORY_SHOWN = 15;

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
			@RequestParam MultiValueMap<String, String> query, Locale locale, Model model) {
		return draw(me, id, query, locale, model);
	}

	/**
	 * The report with the grid of the indicator, location and group chosen, filled with
	 * what is saved there, and over it what was typed (when a choice changes with values
	 * typed, they are kept).
	 */
	private String draw(HululPrincipal me, long id, MultiValueMap<String, String> fields, Locale locale, Model model) {
		Report report = this.reports.get(me, id);
		FrameworkDefinition framework = framework(report);
		List<ReportLine> lines = this.reports.lines(me, id);
		EntryForm entry = null;
		EntryGrid grid = grid(framework, fields.getFirst("indicator"));
		if (grid != null) {
			String location = code(fields.getFirst("location"));
			String group = groupOrFirst(framework, fields.getFirst("populationGroup"));
			entry = EntryForm.saved(grid, location, group, lines);
			if (fields.keySet().stream().anyMatch((k) -> k.startsWith("v.") || k.startsWith("n."))) {
				entry.keepTyped(EntryForm.typed(grid, location, group, fields));
			}
		}
		return page(me, report, framework, lines, entry, fields.getFirst("history"), locale, model);
	}

	/**
	 * Saves the grid of one indicator at one location for one group; the other lines of
	 * the report stay as saved. With htmx the page part is redrawn in place; a refused
	 * save keeps everything typed, with each cell's problem beside it.
	 */
	@PostMapping("/reports/{id}/entries")
	String processEntry(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			@RequestParam MultiValueMap<String, String> fields,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, RedirectAttributes redirect,
			Locale locale, Model model) {
		if (fields.containsKey("show") && htmx != null) {
			// another indicator, location or group chosen: redrawn, keeping what was
			// typed
			return draw(me, id, fields, locale, model);
		}
		Report report = this.reports.get(me, id);
		FrameworkDefinition framework = framework(report);
		EntryGrid grid = grid(framework, fields.getFirst("indicator"));
		String location = code(fields.getFirst("location"));
		if (grid == null || fields.containsKey("show")) {
			// without JavaScript: the grid of the indicator, location and group chosen
			return "redirect:" + UriComponentsBuilder.fromPath("/reports/{id}")
				.queryParam("indicator", (grid != null) ? grid.indicator().code() : "")
				.queryParam("location", location)
				.queryParam("populationGroup", fields.getFirst("populationGroup"))
				.buildAndExpand(id)
				.encode()
				.toUriString() + "#entry";
		}
		EntryForm typed = EntryForm.typed(grid, location, groupOrFirst(framework, fields.getFirst("populationGroup")),
				fields);
		EntryForm entry = typed;
		List<ReportLine> replacement = typed.lines(this.reports.lines(me, id));
		String message;
		boolean saved = false;
		if (location.isEmpty()) {
			message = "report.chooseLocation";
		}
		else if (typed.comment != null && typed.comment.length() > 1000) {
			message = "report.commentTooLong";
		}
		else if (!typed.unreadable.isEmpty()) {
			typed.unreadable.forEach((field, text) -> typed.cell(field.substring(2)).errors
				.add(this.messages.getMessage("report.notANumberCell", new Object[] { text }, locale)));
			message = "report.entryNotSaved";
		}
		else {
			try {
				List<LineProblem> warnings = this.reports.savePart(me, id,
						(key) -> grid.owns(key, typed.location, typed.populationGroup), typed.seen(), replacement);
				EntryForm savedEntry = EntryForm.saved(grid, entry.location, entry.populationGroup,
						this.reports.lines(me, id));
				attach(savedEntry, warnings, framework, locale);
				entry = savedEntry;
				message = "report.saved";
				saved = true;
			}
			catch (LinesRejectedException ex) {
				attach(entry, ex.problems(), framework, locale);
				message = "report.entryNotSaved";
			}
			catch (PartChangedException ex) {
				typed.showOtherChange(ex.savedNow());
				message = "report.partChanged";
			}
			catch (ReportTransitionException ex) {
				model.addAttribute("actionError",
						this.messages.getMessage(ex.messageKey(), ex.args().toArray(), locale));
				message = "report.notSaved";
			}
		}
		if (saved && htmx == null) {
			redirect.addFlashAttribute("flashMessage", message);
			return "redirect:" + UriComponentsBuilder.fromPath("/reports/{id}")
				.queryParam("indicator", grid.indicator().code())
				.queryParam("location", location)
				.queryParam("populationGroup", entry.populationGroup)
				.buildAndExpand(id)
				.encode()
				.toUriString() + "#entry";
		}
		model.addAttribute("entryMessage", message);
		model.addAttribute("entrySaved", saved);
		report = this.reports.get(me, id);
		return page(me, report, framework, this.reports.lines(me, id), entry, null, locale, model);
	}

	/**
	 * Deletes one line ({@code indicator|location|group|breakdown|value seen}), if it is
	 * still as the person saw it.
	 */
	@PostMapping("/reports/{id}/lines/delete")
	String processDelete(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id, @RequestParam String line,
			RedirectAttributes redirect, Locale locale) {
		String[] parts = line.split("\\|", -1);
		if (parts.length != 5) {
			return "redirect:/reports/" + id;
		}
		String seen = parts[4];
		ReportLine.Key key = new ReportLine.Key(parts[0], parts[1], parts[2],
				ReportingRepository.parseBreakdown(parts[3]));
		try {
			this.reports.savePart(me, id, key::equals, Map.of(key, seen), List.of());
			redirect.addFlashAttribute("flashMessage", "report.deleted");
		}
		catch (PartChangedException ex) {
			redirect.addFlashAttribute("flashError", "report.staleEdit");
		}
		catch (LinesRejectedException ex) {
			redirect.addFlashAttribute("lineProblems", shown(ex.problems(), locale));
			redirect.addFlashAttribute("flashError", "report.notSaved");
		}
		catch (ReportTransitionException ex) {
			redirect.addFlashAttribute("actionError",
					this.messages.getMessage(ex.messageKey(), ex.args().toArray(), locale));
		}
		return "redirect:/reports/" + id;
	}

	private String page(HululPrincipal me, Report report, FrameworkDefinition framework, List<ReportLine> lines,
			@Nullable EntryForm entry, @Nullable String historyShown, Locale locale, Model model) {
		long id = report.id();
		model.addAttribute("report", report);
		model.addAttribute("organisation", this.organisations.find(report.organisationId()).orElseThrow());
		model.addAttribute("dates", this.calendar.dates(report.period()));
		model.addAttribute("framework", framework);
		model.addAttribute("lines", lines);
		model.addAttribute("entries", ReportEntry.group(lines));
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
		if (entry != null && !entry.location.isEmpty()) {
			this.locations.find(entry.location).ifPresent((l) -> names.put(l.pcode(), l.name(locale)));
		}
		model.addAttribute("names", names);
		model.addAttribute("editable", this.reports.editable(me, report));
		boolean reviewer = Reports.isReviewer(me);
		model.addAttribute("reviewer", reviewer);
		model.addAttribute("commenting", reviewer && report.status() == ReportStatus.SUBMITTED);
		model.addAttribute("entry", entry);
		model.addAttribute("locations", this.locations);
		boolean all = "all".equals(historyShown);
		Reports.RecentHistory recent = this.reports.recentHistory(me, id, all ? Integer.MAX_VALUE : HISTORY_SHOWN);
		List<ReportHistoryEntry> history = recent.entries();
		model.addAttribute("history", history);
		model.addAttribute("historyGroups", groupSaves(history));
		model.addAttribute("historyCut",
				recent.moments() > history.stream().map(ReportHistoryEntry::occurredAt).distinct().count());
		model.addAttribute("historyGroupCount", recent.moments());
		model.addAttribute("lineComments",
				(report.status() != ReportStatus.APPROVED) ? this.reports.lineComments(me, id) : Map.of());
		model.addAttribute("returnComment",
				(report.status() == ReportStatus.RETURNED) ? this.reports.latestReturn(me, id).orElse(null) : null);
		return "reporting/report";
	}

	/**
	 * The history with the value changes of one save (same person, same moment) together,
	 * so a grid of 60 cells is one entry to open, not 60 rows; a save of more than
	 * {@value #CHANGES_SHOWN} values (an import) shows its first ones and its count.
	 */
	private static List<HistoryGroup> groupSaves(List<ReportHistoryEntry> history) {
		List<HistoryGroup> groups = new ArrayList<>();
		for (ReportHistoryEntry entry : history) {
			HistoryGroup last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
			if (last != null && "VALUE".equals(entry.kind()) && "VALUE".equals(last.first().kind())
					&& last.first().actor().equals(entry.actor())
					&& last.first().occurredAt().equals(entry.occurredAt())) {
				if (last.entries().size() < CHANGES_SHOWN) {
					last.entries().add(entry);
				}
				groups.set(groups.size() - 1, new HistoryGroup(last.entries(), last.count() + 1));
			}
			else {
				groups.add(new HistoryGroup(new ArrayList<>(List.of(entry)), 1));
			}
		}
		return groups;
	}

	private static final int CHANGES_SHOWN = 200;

	/**
	 * One line of the history: an entry, or the value changes of one save and how many
	 * there are.
	 */
	public record HistoryGroup(List<ReportHistoryEntry> entries, int count) {

		public ReportHistoryEntry first() {
			return this.entries.get(0);
		}

		public int hidden() {
			return this.count - this.entries.size();
		}

	}

	/** Problems of the grid's lines, beside their cells. */
	private void attach(EntryForm entry, List<LineProblem> problems, FrameworkDefinition framework, Locale locale) {
		for (LineProblem problem : problems) {
			if (problem.key() == null || !entry.grid.owns(problem.key(), entry.location, entry.populationGroup)) {
				continue;
			}
			String text = message(problem, framework, locale);
			EntryForm.Cell cell = entry.cell(ReportingRepository.breakdown(problem.key().disaggregation()));
			(problem.severity() == LineProblem.Severity.ERROR ? cell.errors : cell.warnings).add(text);
		}
	}

	private FrameworkDefinition framework(Report report) {
		return this.frameworks.version(report.frameworkVersionId()).orElseThrow().definition();
	}

	private static @Nullable EntryGrid grid(FrameworkDefinition framework, @Nullable String indicator) {
		return (indicator == null || indicator.isBlank()) ? null
				: framework.indicator(indicator.strip()).map((i) -> EntryGrid.of(framework, i)).orElse(null);
	}

	private static String groupOrFirst(FrameworkDefinition framework, @Nullable String group) {
		if (group != null && framework.populationGroups().stream().anyMatch((g) -> g.code().equals(group))) {
			return group;
		}
		return framework.populationGroups().get(0).code();
	}

	/**
	 * The p-code typed or picked: the datalist gives "IQG15Q07N03"; what is typed may
	 * have spaces or lower case.
	 */
	private static String code(@Nullable String location) {
		return (location == null) ? "" : location.strip().toUpperCase(Locale.ROOT);
	}

	@PostMapping("/reports/{id}/submit")
	String processSubmit(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			@RequestParam(defaultValue = "false") boolean acknowledge, RedirectAttributes redirect, Locale locale) {
		return act(id, redirect, locale, "report.submitted", () -> this.reports.submit(me, id, acknowledge));
	}

	@PostMapping("/reports/{id}/return")
	String processReturn(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			@RequestParam(required = false) @Nullable String comment, @RequestParam MultiValueMap<String, String> form,
			RedirectAttributes redirect, Locale locale) {
		// a comment per line: lc.<indicator>|<location>|<group>|<breakdown>
		Map<ReportLine.Key, String> lineComments = new java.util.LinkedHashMap<>();
		form.forEach((name, values) -> {
			String[] parts = name.split("\\|", -1);
			if (name.startsWith("lc.") && parts.length == 4 && !values.isEmpty()) {
				lineComments.put(new ReportLine.Key(parts[0].substring(3), parts[1], parts[2],
						ReportingRepository.parseBreakdown(parts[3])), values.get(0));
			}
		});
		return act(id, redirect, locale, "report.returned",
				() -> this.reports.returnReport(me, id, comment, lineComments));
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

	/**
	 * A problem's message in the reader's language; a breakdown's categories by their
	 * names.
	 */
	private String message(LineProblem problem, FrameworkDefinition framework, Locale locale) {
		Object[] args = problem.args().toArray();
		if ("report.line.totalMismatch".equals(problem.messageKey()) && args.length > 0) {
			args[0] = java.util.Arrays.stream(String.valueOf(args[0]).split(" × "))
				.map((c) -> framework.category(c).map((found) -> found.name().in(locale)).orElse(c))
				.collect(java.util.stream.Collectors.joining(" × "));
		}
		return this.messages.getMessage(problem.messageKey(), args, locale);
	}

	/** Problems as the page shows them: line number (from 1), severity and message. */
	private List<String> shown(List<LineProblem> problems, Locale locale) {
		return problems.stream()
			.map((p) -> this.messages.getMessage("report.problem",
					new Object[] {
							(p.key() != null) ? (p.line() + 1) + " · " + Reports.describe(p.key()) : p.line() + 1,
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

}
