package org.hulul.exchange;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hulul.platform.HululPrincipal;
import org.hulul.platform.InvalidInputException;
import org.hulul.reporting.Period;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * DHIS2 data value sets and ADX over the API, as DHIS2's own endpoints take them
 * ({@code POST /api/v1/dataValueSets} with {@code dryRun}, {@code POST /api/v1/adx}),
 * exports of a report and of a quarter's approved reports, and the mapping table.
 */
@RestController
@Tag(name = "DHIS2 and ADX")
class Dhis2ApiController {

	static final String CSV_TYPES = "text/csv";

	private final Dhis2Exchange exchange;

	private final CodeMappings mappings;

	private final MessageSource messages;

	Dhis2ApiController(Dhis2Exchange exchange, CodeMappings mappings, MessageSource messages) {
		this.exchange = exchange;
		this.mappings = mappings;
		this.messages = messages;
	}

	@PostMapping("/api/v1/dataValueSets")
	@Operation(summary = "Import a DHIS2 data value set, in JSON or in CSV (DHIS2's column order, with a header row)",
			description = "Values go into their organisation's report for their quarter, replacing the values of "
					+ "the indicators they cover. All or nothing: when a conflict is an error, nothing is saved "
					+ "(status ERROR, 409). dryRun=true saves nothing and says what an import would do.")
	ResponseEntity<Dhis2ImportSummary> importDataValueSet(@AuthenticationPrincipal HululPrincipal me,
			@RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String contentType,
			@RequestBody(required = false) byte @Nullable [] body, @RequestParam(defaultValue = "false") boolean dryRun,
			Locale locale) {
		// the content type is checked here, not by the mapping, so every refusal says
		// what
		// is accepted
		MediaType type = mediaType(contentType);
		Dhis2Format format;
		if (type != null && MediaType.APPLICATION_JSON.isCompatibleWith(type)) {
			format = Dhis2Format.JSON;
		}
		else if (type != null && (type.isCompatibleWith(MediaType.parseMediaType(CSV_TYPES))
				|| type.isCompatibleWith(MediaType.parseMediaType("application/csv")))) {
			format = Dhis2Format.CSV;
		}
		else {
			throw Dhis2FileException.unsupportedType(String.valueOf(contentType),
					"application/json, text/csv, application/csv");
		}
		return summary(this.exchange.importFile(me, format, bytes(body), dryRun, false, locale));
	}

	@PostMapping("/api/v1/adx")
	@Operation(summary = "Import an ADX document",
			description = "Validated against the loose ADX schema; without strict=true a document without "
					+ "'exported' is accepted, as DHIS2 accepts it.")
	ResponseEntity<Dhis2ImportSummary> importAdx(@AuthenticationPrincipal HululPrincipal me,
			@RequestBody(required = false) byte @Nullable [] body, @RequestParam(defaultValue = "false") boolean dryRun,
			@RequestParam(defaultValue = "false") boolean strict,
			@RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String contentType,
			Locale locale) {
		MediaType type = mediaType(contentType);
		if (type == null || !(type.isCompatibleWith(MediaType.APPLICATION_XML)
				|| type.isCompatibleWith(MediaType.parseMediaType("application/adx+xml")))) {
			throw Dhis2FileException.unsupportedType(String.valueOf(contentType),
					"application/adx+xml, application/xml");
		}
		return summary(this.exchange.importFile(me, Dhis2Format.ADX, bytes(body), dryRun, strict, locale));
	}

	@GetMapping(path = "/api/v1/reports/{id}/dataValueSet.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "A report as a DHIS2 data value set in JSON")
	ResponseEntity<String> reportJson(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id) {
		return file(Dhis2Format.JSON, this.exchange.exportReport(me, id, Dhis2Format.JSON));
	}

	@GetMapping(path = "/api/v1/reports/{id}/dataValueSet.csv", produces = CSV_TYPES)
	@Operation(summary = "A report as a DHIS2 data value set in CSV")
	ResponseEntity<String> reportCsv(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id) {
		return file(Dhis2Format.CSV, this.exchange.exportReport(me, id, Dhis2Format.CSV));
	}

	@GetMapping(path = "/api/v1/reports/{id}/adx.xml", produces = "application/adx+xml")
	@Operation(summary = "A report as an ADX document")
	ResponseEntity<String> reportAdx(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id) {
		return file(Dhis2Format.ADX, this.exchange.exportReport(me, id, Dhis2Format.ADX));
	}

	@GetMapping(path = "/api/v1/dataValueSets.{format}")
	@Operation(summary = "Every approved report of a quarter (reviewers): format json, csv or xml (ADX)")
	ResponseEntity<String> approved(@AuthenticationPrincipal HululPrincipal me, @PathVariable String format,
			@RequestParam String period) {
		Dhis2Format chosen = switch (format) {
			case "json" -> Dhis2Format.JSON;
			case "csv" -> Dhis2Format.CSV;
			case "xml", "adx" -> Dhis2Format.ADX;
			default -> throw InvalidInputException.of("format", "dhis2.error.format", format);
		};
		Period quarter;
		try {
			quarter = Period.parse(period);
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInputException.of("period", "dhis2.error.quarter", period);
		}
		return file(chosen, this.exchange.exportApproved(me, quarter, chosen));
	}

	@GetMapping("/api/v1/mappings")
	@Operation(summary = "The mapping table of DHIS2 and ADX codes")
	List<CodeMapping> mappings() {
		return this.mappings.all();
	}

	@PutMapping("/api/v1/mappings")
	@Operation(summary = "Add or change rows of the mapping table (secretariat, administrators)",
			description = "Each row names its kind and external code; a row that exists is changed only with the "
					+ "version it was read at (409 otherwise). Rows not sent stay as they are. All or nothing.")
	List<CodeMapping> putMappings(@AuthenticationPrincipal HululPrincipal me, @RequestBody List<MappingBody> rows) {
		return this.mappings
			.putAll(me,
					rows.stream()
						.map((r) -> new CodeMappings.Put(new CodeMappings.Entered(r.kind(), r.externalCode(),
								r.hululValue(), r.populationGroup()), r.version()))
						.toList());
	}

	@DeleteMapping("/api/v1/mappings/{id}")
	@Operation(summary = "Delete a row of the mapping table (secretariat, administrators)")
	ResponseEntity<Void> deleteMapping(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			@RequestParam int version) {
		this.mappings.delete(me, id, version);
		return ResponseEntity.noContent().build();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unreadable(Dhis2FileException ex, Locale locale) {
		HttpStatus status = ex.unsupportedType() ? HttpStatus.UNSUPPORTED_MEDIA_TYPE : HttpStatus.BAD_REQUEST;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				this.messages.getMessage(ex.messageKey(), ex.args().toArray(), locale));
		problem.setTitle(this.messages
			.getMessage(ex.unsupportedType() ? "dhis2.error.contentType.title" : "dhis2.error.title", null, locale));
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static @Nullable MediaType mediaType(@Nullable String contentType) {
		try {
			return (contentType != null) ? MediaType.parseMediaType(contentType) : null;
		}
		catch (org.springframework.http.InvalidMediaTypeException ex) {
			return null;
		}
	}

	private static byte[] bytes(byte @Nullable [] body) {
		return (body != null) ? body : new byte[0];
	}

	private static ResponseEntity<Dhis2ImportSummary> summary(Dhis2ImportSummary summary) {
		return ResponseEntity
			.status((summary.status() == Dhis2ImportSummary.Status.ERROR) ? HttpStatus.CONFLICT : HttpStatus.OK)
			.body(summary);
	}

	static ResponseEntity<String> file(Dhis2Format format, String content) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(format.mediaType() + ";charset=UTF-8"))
			.body(content);
	}

	/** A row of the mapping table as the API takes it. */
	record MappingBody(@Nullable CodeMappingKind kind, @Nullable String externalCode, @Nullable String hululValue,
			@Nullable String populationGroup, @Nullable Integer version) {
	}

}
