package org.hulul.platform.audit;

import java.util.List;

import org.hulul.platform.AuditAction;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log for administrators: filter by entity, actor, action and dates.
 */
@Controller
class AuditController {

	static final int PAGE_SIZE = 50;

	private final AuditRepository audit;

	AuditController(AuditRepository audit) {
		this.audit = audit;
	}

	@GetMapping("/admin/audit")
	String showAudit(@ModelAttribute("filter") AuditFilter filter, @RequestParam(defaultValue = "0") int page,
			Model model) {
		int safePage = Math.max(page, 0);
		List<AuditEntry> rows = this.audit.find(filter, safePage * PAGE_SIZE, PAGE_SIZE + 1);
		model.addAttribute("entries", rows.subList(0, Math.min(rows.size(), PAGE_SIZE)));
		model.addAttribute("hasNext", rows.size() > PAGE_SIZE);
		model.addAttribute("page", safePage);
		model.addAttribute("entityTypes", this.audit.entityTypes());
		model.addAttribute("actions", AuditAction.values());
		return "admin/audit";
	}

}
