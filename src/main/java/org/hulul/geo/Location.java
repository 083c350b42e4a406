package org.hulul.geo;

import java.util.Locale;

import org.hulul.platform.LocalizedText;
import org.jspecify.annotations.Nullable;

/**
 * A place in the administrative tree, with its English and Arabic names.
 */
public record Location(String pcode, int level, String nameEn, String nameAr, @Nullable String parentPcode) {

	public String name(Locale locale) {
		return LocalizedText.pick(locale, this.nameEn, this.nameAr);
	}

	/** Message-bundle key of the level's name (governorate, district, sub-district). */
	public String levelKey() {
		return "location.level." + this.level;
	}

}
