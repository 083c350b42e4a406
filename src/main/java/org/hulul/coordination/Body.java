package org.hulul.coordination;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.hulul.platform.LocalizedText;
import org.jspecify.annotations.Nullable;

/**
 * A coordination body: its code and names, kind, the body it reports to (a code), the
 * area it coordinates (an area group's), what it is for, when it ends (a time-bound
 * group), how many seats its membership has (none: open), and its leads.
 */
public record Body(long id, String code, String nameEn, @Nullable String nameAr, BodyKind kind,
		@Nullable String reportsTo, @Nullable String area, @Nullable String purpose, @Nullable LocalDate endsOn,
		@Nullable Integer seats, List<Lead> leads, int version) {

	public Body {
		leads = List.copyOf(leads);
	}

	public String name(Locale locale) {
		return LocalizedText.pick(locale, this.nameEn, this.nameAr);
	}

	/** Whether a time-bound body has ended by the day. */
	public boolean endedBy(LocalDate day) {
		return this.endsOn != null && this.endsOn.isBefore(day);
	}

	/** An organisation (its code) at the head of the body, and how. */
	public record Lead(LeadRole role, String organisation) {
	}

}
