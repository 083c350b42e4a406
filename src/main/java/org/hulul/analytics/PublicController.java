package org.hulul.analytics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.hulul.framework.FrameworkDefinition;
import org.hulul.framework.FrameworkVersion;
import org.hulul.framework.Frameworks;
import org.hulul.geo.Locations;
import org.hulul.platform.AuditAction;
import org.hulul.platform.AuditLog;
import org.hulul.platform.HululPrincipal;
import org.hulul.platform.NotFoundException;
import org.hulul.platform.Role;
import org.hulul.platform.Settings;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public dashboard, open without signing in: the national overview of approved values
 * of all organisations together, and one indicator by governorate, each value below the
 * minimum withheld (a ratio whose denominator is below it), so that small groups of
 * people cannot be singled out. Nothing per organisation, nothing not yet approved. The
 * secretariat sets the minimum and may close the page.
 */
@Controller
class PublicController {

	static final String MINIMUM_SETTING = "public_dashboard.minimum";

	static final String OPEN_SETTING = "public_dashboard.open";

	private final Overviews overviews;

	private final Analytics analytics;

	private final Frameworks frameworks;

	private final Locations locations;

	private final Settings settings;

	private final AuditLog audit;

	private final MessageSource messages;

	private final tools.jackson.databind.json.JsonMapper json;

	private final int defaultMinimum;

	PublicController(Overviews overviews, Analytics analytics, Frameworks frameworks, Locations locations,
			Settings settings, AuditLog audit, MessageSource messages, tools.jackson.databind.json.JsonMapper json,
			@Value("${hulul.public.minimum:5}") int defaultMinimum) {
		this.overviews = overviews;
		this.analytics = analytics;
		this.frameworks = frameworks;
		this.locations = locations;
		this.settings = settings;
		this.audit = audit;
		this.messages = messages;
		this.json = json;
		this.defaultMinimum = defaultMinimum;
	}

	/** A governorate's figure: its value, or withheld. */
	public record Figure(String pcode, String name, @Nullable Double value, boolean withheld) {
	}

	int minimum() {
		return this.settings.find(MINIMUM_SETTING).map(Integer::parseInt).orElse(this.defaultMinimum);
	}

	boolean open() {
		return this.settings.find(OPEN_SETTING).map(Boolean::parseBoolean).orElse(true);
	}

	@GetMapping("/public")
	String page(@AuthenticationPrincipal @Nullable HululPrincipal me,
			@RequestParam(required = false) @Nullable String indicator, Locale locale, Model model) {
		boolean editor = me != null && (me.is(Role.SECRETARIAT) || me.is(Role.ADMIN));
		if (!open() && !editor) {
			throw new NotFoundException("page", "public");
		}
		int minimum = minimum();
		Overviews.Overview overview = this.overviews.ofPublic(minimum, locale);
		model.addAttribute("open", open());
		model.addAttribute("minimum", minimum);
		model.addAttribute("mayEdit", editor);
		model.addAttribute("quarters", overview.quarters());
		model.addAttribute("objectives", overview.objectives());
		FrameworkDefinition framework = this.frameworks.current().map(FrameworkVersion::definition).orElse(null);
		FrameworkDefinition.Indicator chosen = (framework != null && indicator != null)
				? framework.indicator(indicator).orElse(null) : null;
		if (chosen != null && !overview.quarters().isEmpty()) {
			// the latest of the overview's quarters in which the indicator has values
			AnalyticsQuery query = new AnalyticsQuery(List.of("period", "adm1"),
					Map.of("indicator", Set.of(chosen.code()), "period", Set.copyOf(overview.quarters())), false);
			List<AnalyticsResult.Row> rows = this.analytics.run(query, false).rows();
			String quarter = rows.stream()
				.map((r) -> r.keys().get("period"))
				.filter(java.util.Objects::nonNull)
				.max(String::compareTo)
				.orElse(overview.quarters().get(overview.quarters().size() - 1));
			List<Figure> figures = new ArrayList<>();
			Map<String, @Nullable Double> shown = new LinkedHashMap<>();
			for (AnalyticsResult.Row row : rows) {
				String pcode = row.keys().get("adm1");
				if (pcode == null || !quarter.equals(row.keys().get("period"))) {
					continue;
				}
				boolean withheld = Overviews.withheld(row, minimum);
				figures.add(new Figure(pcode, this.locations.find(pcode).map((l) -> l.name(locale)).orElse(pcode),
						withheld ? null : row.value(), withheld));
				shown.put(pcode, withheld ? null : row.value());
			}
			figures.sort(java.util.Comparator.comparing(Figure::name));
			model.addAttribute("indicator", chosen);
			model.addAttribute("indicatorName", chosen.name().in(locale));
			model.addAttribute("indicatorUnit", chosen.unit().in(locale));
			model.addAttribute("quarter", quarter);
			model.addAttribute("figures", figures);
			model.addAttribute("mapValues", this.json.writeValueAsString(shown));
		}
		return "analytics/public";
	}

	@PostMapping("/public/settings")
	@Transactional
	String change(@AuthenticationPrincipal @Nullable HululPrincipal me, @RequestParam String minimum,
			@RequestParam(defaultValue = "false") boolean open, RedirectAttributes redirect, Locale locale,
			Model model) {
		if (me == null || !(me.is(Role.SECRETARIAT) || me.is(Role.ADMIN))) {
			throw new AccessDeniedException("Only the secretariat and administrators change the public dashboard");
		}
		int value;
		try {
			value = Integer.parseInt(minimum.strip());
		}
		catch (NumberFormatException ex) {
			value = -1;
		}
		if (value < 0 || value > 1000) {
			model.addAttribute("publicErrors",
					List.of(this.messages.getMessage("public.error.minimum", new Object[] { minimum }, locale)));
			return page(me, null, locale, model);
		}
		Map<String, Object> before = Map.of("minimum", minimum(), "open", open());
		this.settings.put(MINIMUM_SETTING, Integer.toString(value));
		this.settings.put(OPEN_SETTING, Boolean.toString(open));
		this.audit.record(AuditAction.UPDATE, "setting", "public",
				AuditLog.summary("audit.summary.publicSettings", value, open), before,
				Map.of("minimum", value, "open", open));
		redirect.addFlashAttribute("flashMessage", "public.saved");
		return "redirect:/public";
	}

}
