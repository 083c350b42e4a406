package org.hulul.platform;

import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The languages Hulul speaks and how to pick a stored name for one of them.
 */
public final class LocalizedText {

	/** Languages written right to left: Arabic and Kurdish Sorani. */
	private static final Set<String> RTL = Set.of("ar", "ckb");

	private LocalizedText() {
	}

	public static boolean isRightToLeft(Locale locale) {
		return RTL.contains(locale.getLanguage());
	}

	/**
	 * The Arabic form for Arabic readers, and for Kurdish readers too since the reference
	 * data has no Kurdish names yet and Sorani readers read Arabic script; English
	 * otherwise or when there is no Arabic form.
	 */
	public static String pick(Locale locale, String english, @Nullable String arabic) {
		if (arabic != null && !arabic.isBlank() && isRightToLeft(locale)) {
			return arabic;
		}
		return english;
	}

}
