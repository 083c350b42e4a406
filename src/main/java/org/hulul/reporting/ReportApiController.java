package org.hulul.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hulul.platform.HululPrincipal;
import org.hulul.platform.OrganisationDirectory;
import org.hulul.platform.OrganisationRef;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Quarterly reports over the API, with the same permission rules as the pages.
 */
@RestController
@Tag(name = "Reports")
class ReportApiController {

	private final Reports reports;

	private final OrganisationDirectory organisations;

	private final MessageSource messages;

	ReportApiController(Reports reports, OrganisationDirectory organisations, MessageSource messages) {
		this.reports = reports;
		this.organisations = organisations;
		this.messages = messages;
	}

	@PostMapping("/api/v1/reports")
	@Operation(summary = "Open (or create) an organisation's report for a quarter")
	ReportBody open(@AuthenticationPrincipal HululPrincipal me, @RequestBody OpenReport request) {
		return body(this.reports.open(me, request.organisation(), request.period()));
	}

	@GetMapping("/api/v1/reports/{id}")
	@Operation(summary = "One report")
	ReportBody get(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id) {
		return body(this.reports.get(me, id));
	}

	@GetMapping("/api/v1/reports/{id}/values")
	@Operation(summary = "The report's lines; the ETag is the report's version, to send back as If-Match")
	ResponseEntity<List<LineBody>> values(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id) {
		Report report = this.reports.get(me, id);
		return ResponseEntity.ok()
			.eTag(String.valueOf(report.version()))
			.body(this.reports.lines(me, id).stream().map(LineBody::of).toList());
	}

	@PutMapping("/api/v1/reports/{id}/values")
	@Operation(summary = "Replace the report's lines",
			description = "Idempotent. Refused as a whole (400, every problem listed) when a line has an error; "
					+ "with If-Match, refused (409) when the report changed since it was read.")
	SaveResult replace(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@RequestBody List<LineBody> lines, Locale locale) {
		Integer expected = (ifMatch != null) ? version(ifMatch) : null;
		List<LineProblem> warnings = this.reports.saveLines(me, id, expected,
				lines.stream().map(LineBody::toLine).toList());
		return new SaveResult(this.reports.get(me, id).version(), problems(warnings, locale));
	}

	@PostMapping("/api/v1/reports/{id}/submit")
	@Operation(summary = "Submit the report; warnings must be acknowledged")
	ReportBody submit(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			@RequestBody(required = false) @Nullable Action action) {
		return body(this.reports.submit(me, id, action != null && Boolean.TRUE.equals(action.acknowledgeWarnings())));
	}

	@PostMapping("/api/v1/reports/{id}/return")
	@Operation(summary = "Return the report to its organisation with a comment (reviewers)",
			description = "Comments on single lines go in \"lines\": each names its line by indicator, location, "
					+ "populationGroup and disaggregation, as the values do.")
	ReportBody returnReport(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			@RequestBody(required = false) @Nullable Action action) {
		Map<ReportLine.Key, String> lineComments = new java.util.LinkedHashMap<>();
		if (action != null && action.lines() != null) {
			for (LineComment line : action.lines()) {
				lineComments.put(
						new ReportLine(String.valueOf(line.indicator()), String.valueOf(line.location()),
								String.valueOf(line.populationGroup()),
								(line.disaggregation() != null) ? new TreeMap<>(line.disaggregation())
										: new TreeMap<>(),
								null, null, null, null)
							.key(),
						String.valueOf(line.comment()));
			}
		}
		return body(this.reports.returnReport(me, id, (action != null) ? action.comment() : null, lineComments));
	}

	@PostMapping("/api/v1/reports/{id}/approve")
	@Operation(summary = "Approve the report (reviewers)")
	ReportBody approve(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id) {
		return body(this.reports.approve(me, id));
	}

	@PostMapping("/api/v1/reports/{id}/reopen")
	@Operation(summary = "Reopen the report, with a reason (reviewers)")
	ReportBody reopen(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			@RequestBody(required = false) @Nullable Action action) {
		return body(this.reports.reopen(me, id, (action != null) ? action.reason() : null));
	}

	@GetMapping("/api/v1/reports/{id}/history")
	@Operation(summary = "Every status and value change of the report")
	List<ReportHistoryEntry> history(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id) {
		return this.reports.history(me, id);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> rejected(LinesRejectedException ex, Locale locale) {
		boolean errors = ex.problems().stream().anyMatch((p) -> p.severity() == LineProblem.Severity.ERROR);
		HttpStatus status = errors ? HttpStatus.BAD_REQUEST : HttpStatus.CONFLICT;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, this.messages
			.getMessage(errors ? "report.api.linesRejected" : "report.api.warningsToAcknowledge", null, locale));
		problem.setProperty("errors", problems(ex.problems(), locale));
		return ResponseEntity.status(status).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> transition(ReportTransitionException ex, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				this.messages.getMessage(ex.messageKey(), ex.args().toArray(), locale));
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	/**
	 * The version an If-Match header names ("3", W/"3"); -1, which never matches,
	 * otherwise.
	 */
	private static int version(String ifMatch) {
		try {
			return Integer.parseInt(ifMatch.replace("W/", "").replace("\"", "").strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private List<ProblemBody> problems(List<LineProblem> problems, Locale locale) {
		return problems.stream()
			.map((p) -> new ProblemBody(p.line(), p.field(), p.severity(),
					this.messages.getMessage(p.messageKey(), p.args().toArray(), locale)))
			.toList();
	}

	private ReportBody body(Report report) {
		String organisation = this.organisations.find(report.organisationId())
			.map(OrganisationRef::code)
			.orElse(String.valueOf(report.organisationId()));
		return new ReportBody(report.id(), organisation, report.period().toString(), report.status(), report.late(),
				report.submittedAt(), report.frameworkVersionId(), report.version());
	}

	record OpenReport(@Nullable String organisation, @Nullable String period) {
	}

	record Action(@Nullable String comment, @Nullable String reason, @Nullable Boolean acknowledgeWarnings,
			@Nullable List<LineComment> lines) {
	}

	/** A reviewer's comment on one line of the report. */
	record LineComment(@Nullable String indicator, @Nullable String location, @Nullable String populationGroup,
			@Nullable Map<String, String> disaggregation, @Nullable String comment) {
	}

	record ReportBody(long id, String organisation, String period, ReportStatus status, boolean late,
			@Nullable Instant submittedAt, long frameworkVersion, int version) {
	}

	record SaveResult(int version, List<ProblemBody> warnings) {
	}

	record ProblemBody(int line, String field, LineProblem.Severity severity, String message) {
	}

	record LineBody(String indicator, String location, String populationGroup,
			@Nullable Map<String, String> disaggregation, @Nullable BigDecimal value, @Nullable BigDecimal numerator,
			@Nullable BigDecimal denominator, @Nullable String comment) {

		static LineBody of(ReportLine line) {
			return new LineBody(line.indicator(), line.location(), line.populationGroup(), line.disaggregation(),
					line.value(), line.numerator(), line.denominator(), line.comment());
		}

		ReportLine toLine() {
			return new ReportLine(String.valueOf(this.indicator), String.valueOf(this.location),
					String.valueOf(this.populationGroup),
					(this.disaggregation != null) ? new TreeMap<>(this.disaggregation) : new TreeMap<>(), this.value,
					this.numerator, this.denominator, this.comment);
		}

	}

}
