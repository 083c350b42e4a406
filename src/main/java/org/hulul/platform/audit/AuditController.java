package org.hulul.platform.audit;

import java.util.List;
import java.util.Locale;

import org.hulul.platform.AuditAction;
import org.hulul.platform.web.Formats;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log for administrators: filter by record, actor, change and dates (days in
 * the zone the pages show times in).
 */
@Controller
class AuditController {

	static final int PAGE_SIZE = 50;

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private final AuditRepository audit;

	private final MessageSource messages;

	private final JsonMapper json;

	private final Formats formats;

	AuditController(AuditRepository audit, MessageSource messages, JsonMapper json, Formats formats) {
		this.audit = audit;
		this.messages = messages;
		this.json = json;
		this.formats = formats;
	}

	@GetMapping("/admin/audit")
	String showAudit(@ModelAttribute("filter") AuditFilter filter, @RequestParam(defaultValue = "0") int page,
			Locale locale, Model model) {
		int safePage = Math.max(page, 0);
		List<AuditEntry> found = this.audit.find(filter, this.formats.zone(), safePage * PAGE_SIZE, PAGE_SIZE + 1);
		model.addAttribute("entries",
				found.stream().limit(PAGE_SIZE).map((entry) -> new AuditRow(entry, summary(entry, locale))).toList());
		model.addAttribute("hasNext", found.size() > PAGE_SIZE);
		model.addAttribute("page", safePage);
		model.addAttribute("entityTypes", this.audit.entityTypes());
		model.addAttribute("actions", AuditAction.values());
		return "admin/audit";
	}

	private String summary(AuditEntry entry, Locale locale) {
		Object[] args = this.json.readValue(entry.summaryArgs(), STRINGS).toArray();
		return this.messages.getMessage(entry.summaryKey(), args, entry.summaryKey(), locale);
	}

	/** An entry with its summary in the reader's language. */
	record AuditRow(AuditEntry entry, String summary) {
	}

}
