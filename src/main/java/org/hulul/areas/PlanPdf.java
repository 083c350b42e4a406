package org.hulul.areas;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hulul.platform.HululPrincipal;
import org.hulul.platform.Markdown;
import org.hulul.platform.PdfDocuments;

import org.springframework.stereotype.Component;

/**
 * A Plan of Action as a PDF, in English or in Arabic: the same content as its page
 * (steps, the authorities' input, the activities and their progress, the ten sections in
 * that language), from the template {@code areas/plan-pdf}.
 */
@Component
class PlanPdf {

	/** The languages a plan is written and exported in. */
	static final List<String> LANGUAGES = List.of("en", "ar");

	private final PdfDocuments documents;

	private final Plans plans;

	private final Activities activities;

	private final Markdown markdown;

	PlanPdf(PdfDocuments documents, Plans plans, Activities activities, Markdown markdown) {
		this.documents = documents;
		this.plans = plans;
		this.activities = activities;
		this.markdown = markdown;
	}

	/**
	 * The plan as a PDF in the language ("en" or "ar"), its progress as {@code me} sees
	 * it.
	 */
	byte[] render(HululPrincipal me, long id, String language, Map<String, String> indicatorNames,
			Map<Long, String> activityPlaces) {
		Plan plan = this.plans.get(id);
		Map<String, String> html = new LinkedHashMap<>();
		for (PlanSection section : PlanSection.values()) {
			html.put(section.name(), this.markdown.html(plan.section(section, language)));
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put("plan", plan);
		variables.put("area", this.plans.area(plan));
		variables.put("today", this.plans.today().toString());
		variables.put("sections", PlanSection.values());
		variables.put("html", html);
		variables.put("progress", this.activities.progress(me, id));
		variables.put("indicatorNames", indicatorNames);
		variables.put("activityPlaces", activityPlaces);
		return this.documents.render("areas/plan-pdf", variables, Locale.forLanguageTag(language));
	}

}
