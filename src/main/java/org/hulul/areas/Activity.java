package org.hulul.areas;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.hulul.platform.LocalizedText;
import org.jspecify.annotations.Nullable;

/**
 * An activity of a plan's implementation plan: the specific objective it serves (SO1…),
 * the indicators it moves, where it happens (p-codes inside the area; none: the whole
 * area), a target per indicator and period, the lead organisation and the supporting ones
 * (codes), whether the government leads, its dates and status.
 */
public record Activity(long id, long plan, String objective, String titleEn, @Nullable String titleAr,
		List<String> indicators, List<String> locations, List<Target> targets, String lead, List<String> supporting,
		boolean governmentLeads, @Nullable LocalDate startsOn, @Nullable LocalDate endsOn, ActivityStatus status) {

	public Activity {
		indicators = List.copyOf(indicators);
		locations = List.copyOf(locations);
		targets = List.copyOf(targets);
		supporting = List.copyOf(supporting);
	}

	public String title(Locale locale) {
		return LocalizedText.pick(locale, this.titleEn, this.titleAr);
	}

	/**
	 * What an indicator should reach in a period: a quarter (2026Q3) or a year (2026).
	 */
	public record Target(String indicator, String period, double value) {
	}

}
