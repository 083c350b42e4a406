package org.hulul.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hulul.platform.HululPrincipal;
import org.hulul.reporting.Reports;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Files of report lines over the API: the template, exports and imports, with the same
 * permissions as the pages.
 */
@RestController
@Tag(name = "Exchange")
class ExchangeApiController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final LinesFiles files;

	private final ReportImport imports;

	private final Reports reports;

	ExchangeApiController(LinesFiles files, ReportImport imports, Reports reports) {
		this.files = files;
		this.imports = imports;
		this.reports = reports;
	}

	@GetMapping("/api/v1/reports/{id}/template.xlsx")
	@Operation(summary = "The XLSX template of a report, with its lines so far")
	ResponseEntity<StreamingResponseBody> template(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			Locale locale) {
		return download(this.files.fileName(me, id, "-template.xlsx"), XLSX,
				(out) -> this.files.template(me, id, locale, out));
	}

	@GetMapping("/api/v1/reports/{id}/lines.xlsx")
	@Operation(summary = "A report's lines as XLSX")
	ResponseEntity<StreamingResponseBody> xlsx(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			Locale locale) {
		return download(this.files.fileName(me, id, "-lines.xlsx"), XLSX,
				(out) -> this.files.xlsx(me, id, locale, out));
	}

	@GetMapping("/api/v1/reports/{id}/lines.csv")
	@Operation(summary = "A report's lines as CSV (UTF-8)")
	ResponseEntity<StreamingResponseBody> csv(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			Locale locale) {
		return download(this.files.fileName(me, id, "-lines.csv"), MediaType.parseMediaType("text/csv;charset=UTF-8"),
				(out) -> this.files.csv(me, id, locale, out));
	}

	@GetMapping("/api/v1/reports/{id}/lines.hxl.csv")
	@Operation(summary = "A report's lines as HXL-tagged CSV (the 5W, UTF-8)")
	ResponseEntity<StreamingResponseBody> hxl(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id) {
		return download(this.files.fileName(me, id, "-lines.hxl.csv"),
				MediaType.parseMediaType("text/csv;charset=UTF-8"), (out) -> this.files.hxl(me, id, out));
	}

	@PostMapping(path = "/api/v1/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import an XLSX, CSV or HXL-tagged CSV file of lines into a report",
			description = "The report by id (report), or by organisation and period (it is opened if new). "
					+ "All or nothing: 422 with every error (sheet, row, column, value, reason) and nothing saved; "
					+ "dryRun=true says what would change and saves nothing. A CSV named .hxl.csv, or with an HXL "
					+ "hashtag row in its first 25 rows, is read as HXL.")
	ResponseEntity<ImportResult> importFile(@AuthenticationPrincipal HululPrincipal me,
			@RequestParam("file") MultipartFile file, @RequestParam(required = false) @Nullable Long report,
			@RequestParam(required = false) @Nullable String organisation,
			@RequestParam(required = false) @Nullable String period,
			@RequestParam(defaultValue = "false") boolean dryRun, Locale locale) throws IOException {
		long reportId = (report != null) ? report : this.reports.open(me, organisation, period).id();
		String name = String.valueOf(file.getOriginalFilename());
		Path temp = Files.createTempFile("hulul-import-",
				name.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? ".xlsx" : ".csv");
		try {
			try (InputStream in = file.getInputStream()) {
				Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
			}
			ImportResult result = this.imports.importFile(me, reportId, temp, name, dryRun, locale);
			return ResponseEntity.status(result.errors().isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT)
				.header("Location", "/api/v1/reports/" + reportId)
				.body(result);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	static ResponseEntity<StreamingResponseBody> download(String filename, MediaType type, StreamingResponseBody body) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString())
			.contentType(type)
			.body(body);
	}

}
