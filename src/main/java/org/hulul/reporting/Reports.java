package org.hulul.reporting;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Predicate;

import org.hulul.framework.FrameworkDefinition;
import org.hulul.framework.FrameworkVersion;
import org.hulul.framework.Frameworks;
import org.hulul.geo.Locations;
import org.hulul.platform.HululPrincipal;
import org.hulul.platform.InvalidInputException;
import org.hulul.platform.NotFoundException;
import org.hulul.platform.OrganisationDirectory;
import org.hulul.platform.OrganisationRef;
import org.hulul.platform.Role;
import org.hulul.platform.StaleEditException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * The reporting module's API: opening an organisation's report for a quarter, saving its
 * lines (validated; nothing saved when a line has an error), and moving it through its
 * life, with the history of every change. Who may do what: a reporter only their own
 * organisation's reports; reviewers (and administrators) review all; the secretariat
 * reads all; others see approved reports only.
 */
@Service
public class Reports {

	private final ReportingRepository repository;

	private final ReportingCalendar calendar;

	private final Frameworks frameworks;

	private final Locations locations;

	private final OrganisationDirectory organisations;

	private final ApplicationEventPublisher events;

	private final ReportNotices notices;

	private final Clock clock;

	Reports(ReportingRepository repository, ReportingCalendar calendar, Frameworks frameworks, Locations locations,
			OrganisationDirectory organisations, ApplicationEventPublisher events, ReportNotices notices, Clock clock) {
		this.repository = repository;
		this.calendar = calendar;
		this.frameworks = frameworks;
		this.locations = locations;
		this.organisations = organisations;
		this.events = events;
		this.notices = notices;
		this.clock = clock;
	}

	/**
	 * The organisation's report for the quarter, created against the current framework if
	 * new.
	 */
	@Transactional
	public Report open(HululPrincipal me, @Nullable String organisationCode, @Nullable String period) {
		OrganisationRef organisation = (organisationCode != null) ? this.organisations.findByCode(organisationCode)
			.orElseThrow(() -> InvalidInputException.of("organisation", "report.error.unknownOrganisation",
					organisationCode))
				: null;
		if (organisation == null) {
			throw InvalidInputException.of("organisation", "report.error.unknownOrganisation", "");
		}
		Period quarter;
		try {
			quarter = Period.parse(String.valueOf(period));
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInputException.of("period", "report.error.period", String.valueOf(period));
		}
		if (!mayEnter(me, organisation.id())) {
			throw new AccessDeniedException("Not a reporter of " + organisation.code());
		}
		return this.repository.findReport(organisation.id(), quarter).orElseGet(() -> {
			FrameworkVersion framework = this.frameworks.current().orElseThrow();
			long id = this.repository.insertReport(organisation.id(), quarter, framework.id(), this.clock.instant());
			return this.repository.findReport(id).orElseThrow();
		});
	}

	public Report get(HululPrincipal me, long id) {
		Report report = this.repository.findReport(id).orElseThrow(() -> new NotFoundException("report", id));
		if (!maySee(me, report)) {
			throw new NotFoundException("report", id);
		}
		return report;
	}

	/** The reports the asker may see: their organisation's, all, or the approved ones. */
	public List<Report> visible(HululPrincipal me) {
		return switch (me.role()) {
			case ADMIN, SECRETARIAT, REVIEWER -> this.repository.reports(null, null);
			case REPORTER ->
				(me.organisationId() != null) ? this.repository.reports(me.organisationId(), null) : List.of();
			case AREA_COORDINATOR, VIEWER -> this.repository.reports(null, ReportStatus.APPROVED);
		};
	}

	/**
	 * Submitted reports waiting for review, oldest first (reviewers and administrators).
	 */
	public List<Report> queue(HululPrincipal me) {
		requireReviewer(me);
		return this.repository.queue();
	}

	/** Whether the asker may enter this report's values now. */
	public boolean editable(HululPrincipal me, Report report) {
		return mayEnter(me, report.organisationId())
				&& report.editableOn(this.calendar.today(), this.calendar.dates(report.period()).lockDate());
	}

	public static boolean isReviewer(HululPrincipal me) {
		return me.is(Role.REVIEWER) || me.is(Role.ADMIN);
	}

	public List<ReportLine> lines(HululPrincipal me, long id) {
		return this.repository.lines(get(me, id).id());
	}

	public List<ReportHistoryEntry> history(HululPrincipal me, long id) {
		return this.repository.history(get(me, id).id());
	}

	/** Every problem of lines as they would be saved in the report. */
	public List<LineProblem> validate(HululPrincipal me, long id, List<ReportLine> lines) {
		Report report = get(me, id);
		return validator(report).validate(lines, this.pastValues(report));
	}

	/**
	 * Replaces the report's lines: refused as a whole when any line has an error, and
	 * when {@code expectedVersion} is given but no longer the saved one. Saving the same
	 * lines again changes nothing. Returns the warnings the lines raise.
	 */
	@Transactional
	public List<LineProblem> saveLines(HululPrincipal me, long id, @Nullable Integer expectedVersion,
			List<ReportLine> lines) {
		Report report = lockForEntry(me, id);
		if (expectedVersion != null && expectedVersion != report.version()) {
			throw new StaleEditException("report", String.valueOf(id));
		}
		return store(me, report, this.repository.lines(id), lines);
	}

	/**
	 * Replaces one part of the report (the lines whose key {@code part} accepts, e.g. one
	 * indicator at one location for one group) with {@code replacement}, leaving the rest
	 * as saved, so two people entering different parts never get in each other's way.
	 * {@code seen} holds the part's lines as the person saw them (key → value as
	 * {@link EntryGrid.Entered#shown()} writes it); when the part has changed since,
	 * nothing is saved and {@link PartChangedException} carries its lines as saved now.
	 * Refused as a whole when a line has an error. Returns the warnings.
	 */
	@Transactional
	public List<LineProblem> savePart(HululPrincipal me, long id, Predicate<ReportLine.Key> part,
			Map<ReportLine.Key, String> seen, List<ReportLine> replacement) {
		Report report = lockForEntry(me, id);
		List<ReportLine> before = this.repository.lines(id);
		List<ReportLine> savedPart = before.stream().filter((l) -> part.test(l.key())).toList();
		Map<ReportLine.Key, String> savedNow = new HashMap<>();
		savedPart.forEach((l) -> savedNow.put(l.key(), EntryGrid.Entered.of(l).shown()));
		if (!savedNow.equals(seen)) {
			throw new PartChangedException(id, savedPart);
		}
		List<ReportLine> after = new ArrayList<>(before.size() + replacement.size());
		before.stream().filter((l) -> !part.test(l.key())).forEach(after::add);
		after.addAll(replacement);
		return store(me, report, before, after);
	}

	/**
	 * Imports lines into the report: the report's lines of the {@code indicators} the
	 * import covers are replaced by {@code lines}; the others stay as saved. All or
	 * nothing: when a line has an error nothing is saved, and the problems name the lines
	 * by their place in {@code lines}. With {@code dryRun} nothing is saved either, and
	 * the counts say what an import would do. Importing the same lines again changes
	 * nothing.
	 */
	@Transactional
	public ImportOutcome importLines(HululPrincipal me, long id, java.util.Set<String> indicators,
			List<ReportLine> lines, boolean dryRun) {
		return importLines(me, id, LineSource.of(indicators, lines), dryRun);
	}

	/**
	 * Imports lines as they are read (see {@link LineSource}): each part is written as it
	 * comes, in one transaction, which is rolled back when the reading is refused or a
	 * line has an error, so it is all or nothing as for lines read first.
	 */
	@Transactional
	public ImportOutcome importLines(HululPrincipal me, long id, LineSource source, boolean dryRun) {
		Report report = lockForEntry(me, id);
		List<ReportLine> before = this.repository.lines(id);
		LineChanges changes = new LineChanges(before);
		List<ReportLine> lines = new ArrayList<>();
		Writing writing = new Writing(me, report, this.clock.instant(), !dryRun);
		for (List<ReportLine> part = source.next(); part != null; part = source.next()) {
			lines.addAll(part);
			LineChanges.Part changed = changes.add(part);
			if (!source.refused()) {
				writing.write(changed);
			}
		}
		if (source.refused()) {
			writing.rollBack();
			return new ImportOutcome(0, 0, 0, 0, List.of(), false);
		}
		java.util.Set<String> covered = new java.util.HashSet<>();
		source.indicators().forEach((code) -> covered.add(code.strip().toUpperCase(java.util.Locale.ROOT)));
		List<ReportLine> after = new ArrayList<>(lines.size() + before.size());
		after.addAll(lines);
		before.stream().filter((l) -> !covered.contains(l.indicator())).forEach(after::add);
		LineValidator validator = validator(report);
		Map<ReportLine.Key, List<Double>> past = pastValues(report);
		// checked on the other core while the last of it is written: an error rolls it
		// all back
		java.util.concurrent.CompletableFuture<List<LineProblem>> checking = java.util.concurrent.CompletableFuture
			.supplyAsync(() -> validator.validate(after, past));
		writing.write(changes.finish((l) -> covered.contains(l.indicator())));
		if (!changes.isEmpty()) {
			writing.history(changes);
		}
		List<LineProblem> problems = checked(checking).stream().filter((p) -> p.line() < lines.size()).toList();
		boolean errors = problems.stream().anyMatch((p) -> p.severity() == LineProblem.Severity.ERROR);
		if (errors) {
			writing.rollBack();
		}
		else if (writing.refused != null) {
			throw writing.refused;
		}
		int imported = changes.added();
		int updated = changes.changed();
		return new ImportOutcome(imported, updated, lines.size() - imported - updated, changes.removed(), problems,
				!errors && !dryRun);
	}

	/**
	 * The writing of an import's parts, under one moment, until the database refuses one.
	 */
	private final class Writing {

		private final HululPrincipal me;

		private final Report report;

		private final Instant now;

		private boolean on;

		private boolean started;

		@Nullable RuntimeException refused;

		Writing(HululPrincipal me, Report report, Instant now, boolean on) {
			this.me = me;
			this.report = report;
			this.now = now;
			this.on = on;
		}

		void write(LineChanges.Part part) {
			if (!this.on || part.isEmpty()) {
				return;
			}
			try {
				if (!this.started) {
					this.started = true;
					if (!Reports.this.repository.updateReport(this.report, this.now)) {
						throw new StaleEditException("report", String.valueOf(this.report.id()));
					}
				}
				Reports.this.repository.saveChanges(this.report.id(), part);
			}
			catch (org.springframework.dao.DataAccessException | org.jooq.exception.DataAccessException ex) {
				// a value the database would not take: the checks say which, or it is
				// thrown
				this.refused = ex;
				this.on = false;
			}
		}

		void history(LineChanges changes) {
			if (this.on) {
				Reports.this.repository.insertValueEvents(this.report.id(), this.now, this.me.getUsername(), changes);
			}
		}

		void rollBack() {
			if (this.started) {
				TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
			}
		}

	}

	private static List<LineProblem> checked(java.util.concurrent.CompletableFuture<List<LineProblem>> checking) {
		try {
			return checking.join();
		}
		catch (java.util.concurrent.CompletionException ex) {
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
		}
	}

	/**
	 * What an import did (or, in a dry run or refused, would do): lines added, changed,
	 * already as in the file, and deleted (of the covered indicators, not in the file);
	 * the problems of the file's lines; whether it was saved.
	 */
	public record ImportOutcome(int imported, int updated, int unchanged, int deleted, List<LineProblem> problems,
			boolean saved) {
	}

	/**
	 * The report, locked until the transaction ends so saves of it follow one another,
	 * when the asker may change its values now.
	 */
	private Report lockForEntry(HululPrincipal me, long id) {
		get(me, id);
		this.repository.lock(id);
		Report report = get(me, id);
		requireEntry(me, report);
		PeriodDates dates = this.calendar.dates(report.period());
		if (!report.editableOn(this.calendar.today(), dates.lockDate())) {
			throw new ReportTransitionException(
					report.status().isEditable() ? "report.error.locked" : "report.error.notEditable",
					report.status().isEditable() ? dates.lockDate().toString() : report.status().name());
		}
		return report;
	}

	private List<LineProblem> store(HululPrincipal me, Report report, List<ReportLine> before, List<ReportLine> lines) {
		List<LineProblem> problems = validator(report).validate(lines, pastValues(report));
		if (problems.stream().anyMatch((p) -> p.severity() == LineProblem.Severity.ERROR)) {
			throw new LinesRejectedException(problems);
		}
		write(me, report, LineChanges.between(before, lines));
		return problems;
	}

	/** Writes validated lines: the rows that changed and the history of each change. */
	private void write(HululPrincipal me, Report report, LineChanges.Whole whole) {
		LineChanges changes = whole.changes();
		if (!changes.isEmpty()) {
			// one moment for the whole save, so its history reads as one change
			Instant now = this.clock.instant();
			if (!this.repository.updateReport(report, now)) {
				throw new StaleEditException("report", String.valueOf(report.id()));
			}
			this.repository.saveChanges(report.id(), whole.part());
			this.repository.insertValueEvents(report.id(), now, me.getUsername(), changes);
		}
	}

	/** The organisation submits; warnings must be acknowledged, errors block it. */
	@Transactional
	public Report submit(HululPrincipal me, long id, boolean warningsAcknowledged) {
		Report report = get(me, id);
		requireEntry(me, report);
		List<LineProblem> problems = validator(report).validate(this.repository.lines(id), pastValues(report));
		long errors = problems.stream().filter((p) -> p.severity() == LineProblem.Severity.ERROR).count();
		if (errors == 0 && !warningsAcknowledged && !problems.isEmpty()) {
			throw new LinesRejectedException(problems);
		}
		PeriodDates dates = this.calendar.dates(report.period());
		Report submitted = change(me, report, report.submit(this.clock.instant(), this.calendar.today(),
				dates.deadline(), dates.lockDate(), (int) errors), null);
		this.notices.submitted(submitted);
		return submitted;
	}

	/**
	 * A reviewer returns the report with a comment, and may comment on single lines
	 * ({@code lineComments}, by line key; blank ones are ignored).
	 */
	@Transactional
	public Report returnReport(HululPrincipal me, long id, @Nullable String comment,
			Map<ReportLine.Key, String> lineComments) {
		Report report = get(me, id);
		requireReviewer(me);
		requireShort(comment);
		lineComments.values().forEach(Reports::requireShort);
		Map<ReportLine.Key, String> given = new LinkedHashMap<>();
		lineComments.forEach((key, text) -> {
			if (text != null && !text.isBlank()) {
				given.put(key, text.strip());
			}
		});
		if (!given.isEmpty()) {
			java.util.Set<ReportLine.Key> keys = new java.util.HashSet<>();
			this.repository.lines(id).forEach((l) -> keys.add(l.key()));
			for (ReportLine.Key key : given.keySet()) {
				if (!keys.contains(key)) {
					throw InvalidInputException.of("lines", "report.error.unknownLine", describe(key));
				}
			}
		}
		String reportComment = String.valueOf(comment == null ? "" : comment);
		Report returned = change(me, report, report.returnWith(reportComment), comment);
		Instant now = this.clock.instant();
		given.forEach((key, text) -> this.repository.insertEvent(id, now, me.getUsername(), "COMMENT", null, null,
				describe(key), null, null, limit(text, 2000)));
		this.notices.returned(returned, comment);
		return returned;
	}

	/**
	 * The reviewer's comments on lines that came with the report's latest return, by line
	 * key as the history writes it.
	 */
	public Map<String, String> lineComments(HululPrincipal me, long id) {
		Map<String, String> comments = new LinkedHashMap<>();
		for (ReportHistoryEntry entry : this.repository.latestLineComments(get(me, id).id())) {
			if (entry.lineKey() != null && entry.comment() != null) {
				comments.put(entry.lineKey(), entry.comment());
			}
		}
		return comments;
	}

	/**
	 * The latest {@code moments} moments of the report's history (a save or a status
	 * change each), and how many there are in all.
	 */
	public RecentHistory recentHistory(HululPrincipal me, long id, int moments) {
		long reportId = get(me, id).id();
		return new RecentHistory(this.repository.recentHistory(reportId, moments),
				this.repository.historyMoments(reportId));
	}

	/** The latest return of the report, with the reviewer's comment. */
	public java.util.Optional<ReportHistoryEntry> latestReturn(HululPrincipal me, long id) {
		return this.repository.latestReturn(get(me, id).id());
	}

	/** The latest part of a report's history and the number of moments in all of it. */
	public record RecentHistory(List<ReportHistoryEntry> entries, int moments) {
	}

	/** Comments and reasons are kept whole: one too long is refused, not cut. */
	private static void requireShort(@Nullable String text) {
		if (text != null && text.strip().length() > 2000) {
			throw InvalidInputException.of("comment", "report.error.commentTooLong");
		}
	}

	private static String limit(String text, int length) {
		return (text.length() <= length) ? text : text.substring(0, length);
	}

	@Transactional
	public Report approve(HululPrincipal me, long id) {
		Report report = get(me, id);
		requireReviewer(me);
		Report approved = change(me, report, report.approve(), null);
		this.events.publishEvent(new ReportApproved(approved.id(), approved.organisationId(), approved.period(),
				approved.frameworkVersionId()));
		this.notices.approved(approved);
		return approved;
	}

	@Transactional
	public Report reopen(HululPrincipal me, long id, @Nullable String reason) {
		Report report = get(me, id);
		requireReviewer(me);
		requireShort(reason);
		PeriodDates dates = this.calendar.dates(report.period());
		return change(me, report,
				report.reopen(String.valueOf(reason == null ? "" : reason), this.calendar.today(), dates.lockDate()),
				reason);
	}

	private Report change(HululPrincipal me, Report before, Report after, @Nullable String comment) {
		if (!this.repository.updateReport(after, this.clock.instant())) {
			throw new StaleEditException("report", String.valueOf(before.id()));
		}
		this.repository.insertEvent(before.id(), this.clock.instant(), me.getUsername(), "STATUS",
				before.status().name(), after.status().name(), null, null, null, comment);
		this.events.publishEvent(new ReportStatusChanged(before.id(), before.status(), after.status()));
		return this.repository.findReport(before.id()).orElseThrow();
	}

	private LineValidator validator(Report report) {
		FrameworkDefinition framework = this.frameworks.version(report.frameworkVersionId()).orElseThrow().definition();
		return new LineValidator(framework,
				(pcode) -> this.locations.find(pcode).map((l) -> OptionalInt.of(l.level())).orElse(OptionalInt.empty()),
				OutlierRule.DEFAULT);
	}

	/**
	 * The organisation's approved values of earlier quarters, per line key, oldest first.
	 */
	private Map<ReportLine.Key, List<Double>> pastValues(Report report) {
		Map<ReportLine.Key, List<Double>> history = new HashMap<>();
		Period period = report.period();
		for (int i = 0; i < 8; i++) {
			period = period.previous();
			this.repository.findReport(report.organisationId(), period)
				.filter((r) -> r.status() == ReportStatus.APPROVED)
				.ifPresent((past) -> this.repository.lines(past.id()).forEach((line) -> {
					BigDecimal value = line.value();
					if (value != null) {
						history.computeIfAbsent(line.key(), (k) -> new ArrayList<>()).add(0, value.doubleValue());
					}
				}));
		}
		return history;
	}

	/** For each added, changed or removed line: its key, old value and new value. */
	static String describe(ReportLine.Key key) {
		String breakdown = ReportingRepository.breakdown(key.disaggregation());
		return key.indicator() + " " + key.location() + " " + key.populationGroup()
				+ (breakdown.isEmpty() ? "" : " " + breakdown);
	}

	private static boolean mayEnter(HululPrincipal me, long organisationId) {
		return me.is(Role.REPORTER) && Objects.equals(me.organisationId(), organisationId);
	}

	private static boolean maySee(HululPrincipal me, Report report) {
		return switch (me.role()) {
			case ADMIN, SECRETARIAT, REVIEWER -> true;
			case REPORTER -> Objects.equals(me.organisationId(), report.organisationId());
			case AREA_COORDINATOR, VIEWER -> report.status() == ReportStatus.APPROVED;
		};
	}

	private static void requireEntry(HululPrincipal me, Report report) {
		if (!mayEnter(me, report.organisationId())) {
			throw new AccessDeniedException("Only the organisation's reporters change its report");
		}
	}

	private static void requireReviewer(HululPrincipal me) {
		if (!me.is(Role.REVIEWER) && !me.is(Role.ADMIN)) {
			throw new AccessDeniedException("Only reviewers review reports");
		}
	}

}
