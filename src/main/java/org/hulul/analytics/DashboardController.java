package org.hulul.analytics;

import java.util.LinkedHashMap;
import java.util.Locale;

import org.hulul.organisations.Organisation;
import org.hulul.organisations.Organisations;
import org.hulul.platform.HululPrincipal;
import org.hulul.platform.NotFoundException;
import org.hulul.platform.Role;
import org.hulul.reporting.Compliance;
import org.hulul.reporting.Period;
import org.hulul.reporting.Reports;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The national overview (see {@link Overviews}) with the reporting compliance of its
 * latest quarter, and one organisation's overview.
 */
@Controller
class DashboardController {

	private final Overviews overviews;

	private final Compliance compliance;

	private final Organisations organisations;

	DashboardController(Overviews overviews, Compliance compliance, Organisations organisations) {
		this.overviews = overviews;
		this.compliance = compliance;
		this.organisations = organisations;
	}

	@GetMapping("/dashboard")
	String dashboard(@AuthenticationPrincipal HululPrincipal me,
			@RequestParam(required = false) @Nullable String organisation, Locale locale, Model model) {
		Organisation shown = (organisation != null && !organisation.isBlank())
				? this.organisations.getByCode(organisation.strip())
					.orElseThrow(() -> new NotFoundException("organisation", organisation))
				: null;
		Overviews.Overview overview = this.overviews.of(me, (shown != null) ? shown.code() : null, locale);
		model.addAttribute("organisation", shown);
		if (me.organisationId() != null) {
			this.organisations.get(me.organisationId()).ifPresent((o) -> model.addAttribute("mine", o));
		}
		model.addAttribute("quarters", overview.quarters());
		model.addAttribute("objectives", overview.objectives());
		model.addAttribute("mayOpenCompliance", Reports.isReviewer(me) || me.is(Role.SECRETARIAT));
		if (!overview.quarters().isEmpty() && shown == null) {
			Compliance.Result latest = this.compliance
				.of(Period.parse(overview.quarters().get(overview.quarters().size() - 1)));
			model.addAttribute("compliance", latest);
			model.addAttribute("complianceCounts", new LinkedHashMap<>(latest.counts()));
		}
		return "analytics/dashboard";
	}

}
