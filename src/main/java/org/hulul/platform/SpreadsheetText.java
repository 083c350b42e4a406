package org.hulul.platform;

/**
 * Text for a spreadsheet cell or a CSV field, safe from formula injection: text that
 * begins like a formula (=, +, -, @, tab, carriage return) gets a leading apostrophe, so
 * Excel and LibreOffice show it as text instead of running it.
 */
public final class SpreadsheetText {

	private SpreadsheetText() {
	}

	public static String neutralised(String text) {
		return startsLikeFormula(text, 0) ? "'" + text : text;
	}

	/** The text as it was before {@link #neutralised}: what a re-import reads. */
	public static String restored(String text) {
		return (text.startsWith("'") && startsLikeFormula(text, 1)) ? text.substring(1) : text;
	}

	private static boolean startsLikeFormula(String text, int at) {
		if (text.length() > at) {
			char first = text.charAt(at);
			return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
		}
		return false;
	}

}
