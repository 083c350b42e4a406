package org.hulul.framework;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.hulul.platform.InvalidInputException;
import org.hulul.platform.StaleEditException;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Framework versions: everyone signed in sees the published ones, exports and compares
 * them; the secretariat (and administrators) also see drafts, create a draft from a
 * version or from a file, publish or discard it.
 */
@Controller
class FrameworkVersionController {

	static final String EDITORS = "hasAnyRole('ADMIN', 'SECRETARIAT')";

	private final Frameworks frameworks;

	private final MessageSource messages;

	FrameworkVersionController(Frameworks frameworks, MessageSource messages) {
		this.frameworks = frameworks;
		this.messages = messages;
	}

	@GetMapping("/framework/versions")
	String showVersions(Model model) {
		boolean editor = FrameworkAccess.mayEdit();
		model.addAttribute("versions",
				this.frameworks.versions().stream().filter((v) -> v.isPublished() || editor).toList());
		model.addAttribute("currentId", this.frameworks.current().map(FrameworkVersion::id).orElse(null));
		return "framework/versions";
	}

	@PostMapping("/framework/versions/draft")
	@PreAuthorize(EDITORS)
	String processDraft(@RequestParam long from, @RequestParam String label, RedirectAttributes redirect,
			Locale locale) {
		try {
			this.frameworks.createDraft(from, label);
			redirect.addFlashAttribute("flashMessage", "framework.draftCreated");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problems", ShownProblem.of(ex, this.messages, locale));
		}
		return "redirect:/framework/versions";
	}

	@PostMapping("/framework/versions/import")
	@PreAuthorize(EDITORS)
	String processImport(@RequestParam("file") MultipartFile file, RedirectAttributes redirect, Locale locale)
			throws IOException {
		try {
			this.frameworks.importDraft(new String(file.getBytes(), StandardCharsets.UTF_8));
			redirect.addFlashAttribute("flashMessage", "framework.imported");
		}
		catch (InvalidFrameworkException ex) {
			redirect.addFlashAttribute("problems", ShownProblem.of(ex, this.messages, locale, (path) -> path));
			redirect.addFlashAttribute("problemFile", file.getOriginalFilename());
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problems", ShownProblem.of(ex, this.messages, locale));
			redirect.addFlashAttribute("problemFile", file.getOriginalFilename());
		}
		return "redirect:/framework/versions";
	}

	@PostMapping("/framework/versions/{id}/publish")
	@PreAuthorize(EDITORS)
	String processPublish(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect,
			Locale locale) {
		try {
			this.frameworks.publish(id, version);
			redirect.addFlashAttribute("flashMessage", "framework.published");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problems", ShownProblem.of(ex, this.messages, locale));
		}
		catch (StaleEditException ex) {
			redirect.addFlashAttribute("flashError", "error.staleEdit");
		}
		return "redirect:/framework/versions";
	}

	@PostMapping("/framework/versions/{id}/delete")
	@PreAuthorize(EDITORS)
	String processDelete(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
		try {
			this.frameworks.deleteDraft(id, version);
			redirect.addFlashAttribute("flashMessage", "framework.discarded");
		}
		catch (StaleEditException ex) {
			redirect.addFlashAttribute("flashError", "error.staleEdit");
		}
		return "redirect:/framework/versions";
	}

	@GetMapping("/framework/versions/{id}/export")
	ResponseEntity<String> export(@PathVariable long id, @RequestParam(defaultValue = "yaml") String format) {
		FrameworkVersion version = visible(id);
		boolean yaml = !"json".equalsIgnoreCase(format);
		String name = version.frameworkCode() + "-" + version.label() + (yaml ? ".yaml" : ".json");
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.contentType(yaml ? MediaType.parseMediaType("application/yaml;charset=UTF-8") : MediaType.APPLICATION_JSON)
			.body(this.frameworks.export(id, yaml));
	}

	@GetMapping("/framework/compare")
	String showComparison(@RequestParam long from, @RequestParam long to, Model model) {
		model.addAttribute("from", visible(from));
		model.addAttribute("to", visible(to));
		model.addAttribute("comparison", this.frameworks.compare(from, to));
		return "framework/compare";
	}

	/**
	 * A version the asker may see: drafts only for the secretariat and administrators.
	 */
	private FrameworkVersion visible(long id) {
		FrameworkVersion version = this.frameworks.version(id)
			.orElseThrow(() -> new org.hulul.platform.NotFoundException("framework", id));
		if (!version.isPublished() && !FrameworkAccess.mayEdit()) {
			throw new org.hulul.platform.NotFoundException("framework", id);
		}
		return version;
	}

}
