package org.hulul.geo;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An OCHA COD-AB p-code of Iraq: {@code IQG01} (governorate), {@code IQG01Q01} (district)
 * or {@code IQG01Q01N01} (sub-district). Its shape tells its level and its parents.
 */
public record PCode(String value) {

	private static final Pattern SHAPE = Pattern.compile("IQG\\d{2}(Q\\d{2}(N\\d{2})?)?");

	public PCode {
		value = value.strip().toUpperCase(Locale.ROOT);
		if (!SHAPE.matcher(value).matches()) {
			throw new IllegalArgumentException(
					"Not an Iraq p-code: '" + value + "' (expected IQG01, IQG01Q01 or IQG01Q01N01)");
		}
	}

	public static boolean isValid(String candidate) {
		return SHAPE.matcher(candidate.strip().toUpperCase(Locale.ROOT)).matches();
	}

	/** 1 governorate, 2 district, 3 sub-district. */
	public int level() {
		return switch (this.value.length()) {
			case 5 -> 1;
			case 8 -> 2;
			default -> 3;
		};
	}

	/** The governorate this p-code lies in (itself for a governorate). */
	public PCode governorate() {
		return new PCode(this.value.substring(0, 5));
	}

	@Override
	public String toString() {
		return this.value;
	}

}
