package org.hulul.exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.hulul.platform.FormErrors;
import org.hulul.platform.HululPrincipal;
import org.hulul.platform.InvalidInputException;
import org.hulul.platform.NotFoundException;
import org.hulul.platform.StaleEditException;
import org.hulul.reporting.Period;
import org.hulul.reporting.Report;
import org.hulul.reporting.Reports;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The "DHIS2 and ADX" pages: upload a data value set or an ADX document (a dry run first,
 * showing the summary and its conflicts, then the import), download a report or a
 * quarter's approved reports, and the mapping table (the secretariat and administrators
 * change it). The rules are those of {@link Dhis2Exchange} and {@link CodeMappings}.
 */
@Controller
class Dhis2Controller {

	private final Dhis2Exchange exchange;

	private final CodeMappings mappings;

	private final MessageSource messages;

	private final org.hulul.reporting.ReportingCalendar calendar;

	private final ImportUploads uploads;

	Dhis2Controller(Dhis2Exchange exchange, CodeMappings mappings, MessageSource messages,
			org.hulul.reporting.ReportingCalendar calendar, ImportUploads uploads) {
		this.exchange = exchange;
		this.mappings = mappings;
		this.messages = messages;
		this.calendar = calendar;
		this.uploads = uploads;
	}

	@GetMapping("/exchange/dhis2")
	String showExchange(@AuthenticationPrincipal HululPrincipal me,
			@RequestParam(required = false) @Nullable Long report, Model model) {
		prepare(me, report, model);
		return "exchange/dhis2";
	}

	/**
	 * A dry run of the file uploaded (kept for the import, so it is not sent again), or
	 * the import of the file a dry run kept ({@code token}).
	 */
	@PostMapping("/exchange/dhis2")
	String processUpload(@AuthenticationPrincipal HululPrincipal me,
			@RequestParam(required = false) @Nullable MultipartFile file,
			@RequestParam(required = false) @Nullable String token,
			@RequestParam(defaultValue = "false") boolean strict, @RequestParam(defaultValue = "dryRun") String action,
			Model model, Locale locale) throws IOException {
		prepare(me, null, model);
		boolean dryRun = !"import".equals(action);
		java.nio.file.Path kept = null;
		byte[] bytes;
		if (file != null && !file.isEmpty()) {
			bytes = file.getBytes();
		}
		else if (token != null) {
			kept = this.uploads.find(me.getUsername(), token).orElse(null);
			bytes = (kept != null) ? java.nio.file.Files.readAllBytes(kept) : new byte[0];
		}
		else {
			bytes = new byte[0];
		}
		model.addAttribute("strict", strict);
		Dhis2Format format = Dhis2Format.sniff(bytes);
		try {
			if (format == null) {
				throw new Dhis2FileException(
						(token != null && kept == null) ? "dhis2.error.uploadGone" : "dhis2.error.empty");
			}
			Dhis2ImportSummary summary = this.exchange.importFile(me, format, bytes, dryRun, strict, locale);
			model.addAttribute("summary", summary);
			model.addAttribute("dryRun", dryRun);
			model.addAttribute("format", format);
			if (dryRun && summary.status() != Dhis2ImportSummary.Status.ERROR) {
				model.addAttribute("token",
						this.uploads.keep(me.getUsername(), "upload.dhis2", new java.io.ByteArrayInputStream(bytes)));
			}
			else if (kept != null && !dryRun) {
				this.uploads.forget(kept);
			}
		}
		catch (Dhis2FileException ex) {
			model.addAttribute("fileError", this.messages.getMessage(ex.messageKey(), ex.args().toArray(), locale));
		}
		return "exchange/dhis2";
	}

	@GetMapping("/exchange/dhis2/reports/{id}/dataValueSet.json")
	ResponseEntity<String> downloadJson(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id) {
		return download(Dhis2Format.JSON, "report-" + id + ".json",
				this.exchange.exportReport(me, id, Dhis2Format.JSON));
	}

	@GetMapping("/exchange/dhis2/reports/{id}/dataValueSet.csv")
	ResponseEntity<String> downloadCsv(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id) {
		return download(Dhis2Format.CSV, "report-" + id + ".csv", this.exchange.exportReport(me, id, Dhis2Format.CSV));
	}

	@GetMapping("/exchange/dhis2/reports/{id}/adx.xml")
	ResponseEntity<String> downloadAdx(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id) {
		return download(Dhis2Format.ADX, "report-" + id + ".adx.xml",
				this.exchange.exportReport(me, id, Dhis2Format.ADX));
	}

	@GetMapping("/exchange/dhis2/approved")
	ResponseEntity<String> downloadApproved(@AuthenticationPrincipal HululPrincipal me, @RequestParam String period,
			@RequestParam String format) {
		Dhis2Format chosen;
		Period quarter;
		try {
			chosen = Dhis2Format.of(format);
			quarter = Period.parse(period);
		}
		catch (IllegalArgumentException ex) {
			throw new NotFoundException("export", period);
		}
		return download(chosen, "approved-" + quarter + "." + chosen.extension(),
				this.exchange.exportApproved(me, quarter, chosen));
	}

	@GetMapping("/exchange/dhis2/mappings")
	String showMappings(@AuthenticationPrincipal HululPrincipal me, Model model) {
		model.addAttribute("mappings", this.mappings.all());
		model.addAttribute("kinds", CodeMappingKind.values());
		model.addAttribute("mayEdit", CodeMappings.mayEdit(me));
		return "exchange/mappings";
	}

	@PostMapping("/exchange/dhis2/mappings")
	String processAdd(@AuthenticationPrincipal HululPrincipal me, @RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable String externalCode,
			@RequestParam(required = false) @Nullable String hululValue,
			@RequestParam(required = false) @Nullable String populationGroup, Model model, Locale locale,
			RedirectAttributes redirect) {
		CodeMappingKind chosen = kind(kind);
		try {
			this.mappings.create(me, new CodeMappings.Entered(chosen, externalCode, hululValue, populationGroup));
		}
		catch (InvalidInputException ex) {
			return refused(me, model, ex, locale);
		}
		redirect.addFlashAttribute("flashMessage", "dhis2.mappings.saved");
		return "redirect:/exchange/dhis2/mappings";
	}

	@PostMapping("/exchange/dhis2/mappings/{id}")
	String processEdit(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) @Nullable String externalCode,
			@RequestParam(required = false) @Nullable String hululValue,
			@RequestParam(required = false) @Nullable String populationGroup, Model model, Locale locale,
			RedirectAttributes redirect) {
		try {
			this.mappings.update(me, id, version,
					new CodeMappings.Entered(null, externalCode, hululValue, populationGroup));
		}
		catch (InvalidInputException ex) {
			return refused(me, model, ex, locale);
		}
		catch (StaleEditException ex) {
			redirect.addFlashAttribute("flashError", "dhis2.mappings.stale");
			return "redirect:/exchange/dhis2/mappings";
		}
		redirect.addFlashAttribute("flashMessage", "dhis2.mappings.saved");
		return "redirect:/exchange/dhis2/mappings";
	}

	@PostMapping("/exchange/dhis2/mappings/{id}/delete")
	String processDelete(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id, @RequestParam int version,
			RedirectAttributes redirect) {
		try {
			this.mappings.delete(me, id, version);
		}
		catch (StaleEditException ex) {
			redirect.addFlashAttribute("flashError", "dhis2.mappings.stale");
			return "redirect:/exchange/dhis2/mappings";
		}
		redirect.addFlashAttribute("flashMessage", "dhis2.mappings.deleted");
		return "redirect:/exchange/dhis2/mappings";
	}

	private String refused(HululPrincipal me, Model model, InvalidInputException ex, Locale locale) {
		model.addAttribute("mappingErrors", FormErrors.messages(ex, this.messages, locale));
		return showMappings(me, model);
	}

	private static @Nullable CodeMappingKind kind(@Nullable String kind) {
		try {
			return (kind != null) ? CodeMappingKind.valueOf(kind) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private void prepare(HululPrincipal me, @Nullable Long reportId, Model model) {
		Report report = null;
		if (reportId != null) {
			report = this.exchange.report(me, reportId);
		}
		model.addAttribute("report", report);
		model.addAttribute("mayExportQuarter", Reports.isReviewer(me) || me.is(org.hulul.platform.Role.SECRETARIAT));
		Period current = Period.of(this.calendar.today());
		model.addAttribute("quarters", List.of(current, current.previous(), current.previous().previous(),
				current.previous().previous().previous()));
		model.addAttribute("formats", Dhis2Format.values());
	}

	private static ResponseEntity<String> download(Dhis2Format format, String name, String content) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
			.contentType(org.springframework.http.MediaType.parseMediaType(format.mediaType() + ";charset=UTF-8"))
			.body(content);
	}

}
