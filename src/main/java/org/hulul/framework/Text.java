package org.hulul.framework;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A text of the framework in English, Arabic and Kurdish Sorani; English is always there.
 */
public record Text(String en, @Nullable String ar, @Nullable String ckb) {

	/** The text in the reader's language, falling back to English. */
	public String in(Locale locale) {
		String text = switch (locale.getLanguage()) {
			case "ar" -> this.ar;
			case "ckb" -> this.ckb;
			default -> this.en;
		};
		return (text != null && !text.isBlank()) ? text : this.en;
	}

	/** Whether the text contains {@code query} in any language, ignoring case. */
	boolean contains(String query) {
		String q = query.toLowerCase(Locale.ROOT);
		return this.en.toLowerCase(Locale.ROOT).contains(q) || (this.ar != null && this.ar.contains(query))
				|| (this.ckb != null && this.ckb.contains(query));
	}

}
