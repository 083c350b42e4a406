package org.hulul.exchange;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hulul.reporting.Period;

/**
 * Periods as DHIS2 and ADX write them, and Hulul's quarters: DHIS2's quarterly
 * {@code 2025Q2} and ADX's ISO 8601 interval {@code 2025-04-01/P3M} are the quarter
 * {@code 2025Q2}. Other period types (months {@code 201201} or {@code 2015-01-01/P1M},
 * years, weeks …) are periods, but not quarters: Hulul reports only quarters.
 */
final class Dhis2Period {

	private static final Pattern DHIS2_QUARTER = Pattern.compile("(\\d{4})Q([1-4])");

	private static final Pattern ISO_INTERVAL = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(T[^/]*)?/(P\\w+)");

	/** DHIS2's other period types: days, weeks, months, bimonths, six-months, years. */
	private static final Pattern DHIS2_OTHER = Pattern.compile(
			"\\d{4}|\\d{6}|\\d{8}|\\d{4}-\\d{2}(-\\d{2})?|\\d{4}(Bi)?W\\d{1,2}|\\d{4}\\d{2}B|\\d{4}(April|July|Oct|Nov)?(S[12])?|\\d{4}(April|July|Oct|Nov)");

	private Dhis2Period() {
	}

	/**
	 * The quarter the text names.
	 * @throws NotAQuarterException when it is a period of another type
	 * @throws IllegalArgumentException when it is no period at all
	 */
	static Period parse(String text) {
		String period = text.strip();
		Matcher quarter = DHIS2_QUARTER.matcher(period);
		if (quarter.matches()) {
			return Period.parse(period);
		}
		Matcher iso = ISO_INTERVAL.matcher(period);
		if (iso.matches()) {
			LocalDate start;
			try {
				start = LocalDate.parse(iso.group(1));
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException("Not a period: " + text);
			}
			Period candidate = Period.of(start);
			if (iso.group(2) == null && iso.group(3).equals("P3M") && candidate.start().equals(start)) {
				return candidate;
			}
			throw new NotAQuarterException(text);
		}
		if (DHIS2_OTHER.matcher(period).matches()) {
			throw new NotAQuarterException(text);
		}
		throw new IllegalArgumentException("Not a period: " + text);
	}

	/** The quarter as DHIS2 writes it. */
	static String dhis2(Period period) {
		return period.toString();
	}

	/** The quarter as ADX writes it. */
	static String adx(Period period) {
		return period.isoInterval();
	}

	/** A period, but not a quarter. */
	static final class NotAQuarterException extends IllegalArgumentException {

		NotAQuarterException(String period) {
			super("Not a quarter: " + period);
		}

	}

}
