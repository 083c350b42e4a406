package org.hulul.areas;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hulul.platform.LocalizedText;
import org.jspecify.annotations.Nullable;

/**
 * A Plan of Action of an area: its title, the step of the eight-step process it is at (1
 * focal points identify issues … 8 finalisation, implementation and follow-up), each
 * step's dates, its sections (section → language → Markdown) and the authorities' input.
 */
public record Plan(long id, String area, String titleEn, @Nullable String titleAr, int step, List<Step> steps,
		Map<PlanSection, Map<String, String>> sections, List<Input> inputs, int version) {

	/** The steps of the process. */
	public static final int STEPS = 8;

	public Plan {
		steps = List.copyOf(steps);
		sections = Map.copyOf(sections);
		inputs = List.copyOf(inputs);
	}

	public String title(Locale locale) {
		return LocalizedText.pick(locale, this.titleEn, this.titleAr);
	}

	/** A section's text in a language ("" when not written). */
	public String section(PlanSection section, String language) {
		Map<String, String> texts = this.sections.get(section);
		return (texts != null) ? texts.getOrDefault(language, "") : "";
	}

	/** Whether the authorities gave input to the plan. */
	public boolean inputByAuthorities() {
		return !this.inputs.isEmpty();
	}

	/** A step with when it started and was completed (null: not yet). */
	public record Step(int step, LocalDate startedOn, @Nullable LocalDate completedOn) {
	}

	/**
	 * Input from the authorities: the body (an organisation's code), when, at which step,
	 * what.
	 */
	public record Input(long id, String organisation, LocalDate receivedOn, int step, String summary) {
	}

}
