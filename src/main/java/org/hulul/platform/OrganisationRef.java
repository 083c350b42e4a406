package org.hulul.platform;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * An organisation as other modules see it: enough to show and pick it.
 */
public record OrganisationRef(long id, String code, String nameEn, @Nullable String nameAr, boolean active) {

	/** The name in the reader's language, falling back to English. */
	public String name(Locale locale) {
		return LocalizedText.pick(locale, this.nameEn, this.nameAr);
	}

	public String label(Locale locale) {
		return this.code + " \u2013 " + name(locale);
	}

}
