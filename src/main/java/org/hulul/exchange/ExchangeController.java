package org.hulul.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.hulul.platform.HululPrincipal;
import org.hulul.platform.OrganisationDirectory;
import org.hulul.reporting.Report;
import org.hulul.reporting.Reports;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import page of a report: download the template or the report's lines, upload a
 * file, see what it would change and every problem it has (a dry run), then import it
 * without sending it again.
 */
@Controller
class ExchangeController {

	private final Reports reports;

	private final ReportImport imports;

	private final LinesFiles files;

	private final ImportUploads uploads;

	private final OrganisationDirectory organisations;

	ExchangeController(Reports reports, ReportImport imports, LinesFiles files, ImportUploads uploads,
			OrganisationDirectory organisations) {
		this.reports = reports;
		this.imports = imports;
		this.files = files;
		this.uploads = uploads;
		this.organisations = organisations;
	}

	@GetMapping("/reports/{id}/import")
	String showImport(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id, Model model) {
		return page(me, id, model);
	}

	/** The dry run: what the file would change, and its problems; nothing is saved. */
	@PostMapping("/reports/{id}/import")
	String processPreview(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			@RequestParam("file") MultipartFile file, Locale locale, Model model) throws IOException {
		Report report = this.reports.get(me, id);
		if (!this.reports.editable(me, report)) {
			throw new org.springframework.security.access.AccessDeniedException("Not editable by " + me.getUsername());
		}
		String name = String.valueOf(file.getOriginalFilename());
		String token;
		try (InputStream in = file.getInputStream()) {
			token = this.uploads.keep(me.getUsername(), name, in);
		}
		Path kept = this.uploads.find(me.getUsername(), token).orElseThrow();
		ImportResult result = this.imports.importFile(me, id, kept, kept.getFileName().toString(), true, locale);
		model.addAttribute("result", result);
		model.addAttribute("fileName", name);
		model.addAttribute("token", result.errors().isEmpty() ? token : null);
		if (!result.errors().isEmpty()) {
			this.uploads.forget(kept);
		}
		return page(me, id, model);
	}

	/** The import itself, of the file previewed. */
	@PostMapping("/reports/{id}/import/commit")
	String processImport(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id, @RequestParam String token,
			Locale locale, Model model, RedirectAttributes redirect) throws IOException {
		Optional<Path> kept = this.uploads.find(me.getUsername(), token);
		if (kept.isEmpty()) {
			redirect.addFlashAttribute("flashError", "import.uploadGone");
			return "redirect:/reports/" + id + "/import";
		}
		ImportResult result = this.imports.importFile(me, id, kept.get(), kept.get().getFileName().toString(), false,
				locale);
		if (!result.saved()) {
			model.addAttribute("result", result);
			return page(me, id, model);
		}
		this.uploads.forget(kept.get());
		redirect.addFlashAttribute("flashMessage", "import.done");
		return "redirect:/reports/" + id;
	}

	@GetMapping("/reports/{id}/template.xlsx")
	ResponseEntity<StreamingResponseBody> template(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			Locale locale) {
		return ExchangeApiController.download(this.files.fileName(me, id, "-template.xlsx"), ExchangeApiController.XLSX,
				(out) -> this.files.template(me, id, locale, out));
	}

	@GetMapping("/reports/{id}/lines.xlsx")
	ResponseEntity<StreamingResponseBody> xlsx(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			Locale locale) {
		return ExchangeApiController.download(this.files.fileName(me, id, "-lines.xlsx"), ExchangeApiController.XLSX,
				(out) -> this.files.xlsx(me, id, locale, out));
	}

	@GetMapping("/reports/{id}/lines.csv")
	ResponseEntity<StreamingResponseBody> csv(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			Locale locale) {
		return ExchangeApiController.download(this.files.fileName(me, id, "-lines.csv"),
				MediaType.parseMediaType("text/csv;charset=UTF-8"), (out) -> this.files.csv(me, id, locale, out));
	}

	@GetMapping("/reports/{id}/lines.hxl.csv")
	ResponseEntity<StreamingResponseBody> hxl(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id) {
		return ExchangeApiController.download(this.files.fileName(me, id, "-lines.hxl.csv"),
				MediaType.parseMediaType("text/csv;charset=UTF-8"), (out) -> this.files.hxl(me, id, out));
	}

	private String page(HululPrincipal me, long id, Model model) {
		Report report = this.reports.get(me, id);
		model.addAttribute("report", report);
		model.addAttribute("organisation", this.organisations.find(report.organisationId()).orElseThrow());
		model.addAttribute("editable", this.reports.editable(me, report));
		return "exchange/import";
	}

}
