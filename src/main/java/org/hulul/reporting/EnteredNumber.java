package org.hulul.reporting;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A number as a person types it in Iraq: Western (0–9), Arabic-Indic (٠–٩) or Persian
 * (۰–۹, on Kurdish keyboards) digits; a decimal point, a decimal comma or the Arabic
 * decimal separator (٫); thousands grouped with commas, spaces, the Arabic thousands
 * separator (٬) or apostrophes. Commas are thousands grouping when every one of them is
 * followed by exactly three digits ("1,234", "12,500.5"); a single other comma is a
 * decimal comma ("12,5", "0,125").
 */
public final class EnteredNumber {

	private static final Pattern GROUPED = Pattern.compile("-?[1-9]\\d{0,2}(,\\d{3})+(\\.\\d+)?");

	private static final Pattern PLAIN = Pattern.compile("-?(\\d+(\\.\\d+)?|\\.\\d+)");

	private EnteredNumber() {
	}

	/**
	 * The number typed, null when the text is blank.
	 * @throws NumberFormatException when the text is not a number
	 */
	public static @Nullable BigDecimal parse(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		if (text.length() <= 18 && text.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			return BigDecimal.valueOf(Long.parseLong(text)); // the common case, as a
																// spreadsheet writes it
		}
		StringBuilder plain = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= '\u0660' && c <= '\u0669') {
				plain.append((char) ('0' + (c - '\u0660')));
			}
			else if (c >= '\u06F0' && c <= '\u06F9') {
				plain.append((char) ('0' + (c - '\u06F0')));
			}
			else if (c == '\u066B') {
				plain.append('.');
			}
			else if (c == '\u2212') {
				plain.append('-');
			}
			else if (c != '\u066C' && c != '\'' && c != ' ' && c != '\u00A0' && c != '\u202F') {
				plain.append(c);
			}
		}
		String number = plain.toString();
		if (GROUPED.matcher(number).matches()) {
			number = number.replace(",", "");
		}
		else if (number.indexOf(',') == number.lastIndexOf(',') && number.indexOf('.') < 0) {
			number = number.replace(',', '.');
		}
		if (!PLAIN.matcher(number).matches()) {
			throw new NumberFormatException(text);
		}
		return new BigDecimal(number);
	}

}
