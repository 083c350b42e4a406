package org.hulul.reporting;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar quarter, written {@code 2025Q2}: reports are made per quarter (Q1
 * January–March … Q4 October–December).
 */
public record Period(int year, int quarter) implements Comparable<Period> {

	private static final Pattern QUARTER = Pattern.compile("(\\d{4})Q([1-4])");

	/**
	 * Days after the end of a quarter by which its reports are due, unless set otherwise.
	 */
	public static final int DEFAULT_DEADLINE_DAYS = 15;

	public Period {
		if (year < 2000 || year > 2100 || quarter < 1 || quarter > 4) {
			throw new IllegalArgumentException("Not a quarter: " + year + "Q" + quarter);
		}
	}

	public static Period parse(String text) {
		Matcher matcher = QUARTER.matcher(text.strip().toUpperCase(java.util.Locale.ROOT));
		if (!matcher.matches()) {
			throw new IllegalArgumentException("Not a quarter: '" + text + "' (expected e.g. 2025Q2)");
		}
		return new Period(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
	}

	/** The quarter a day falls in. */
	public static Period of(LocalDate day) {
		return new Period(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
	}

	public LocalDate start() {
		return LocalDate.of(this.year, (this.quarter - 1) * 3 + 1, 1);
	}

	/** The last day of the quarter. */
	public LocalDate end() {
		return start().plusMonths(3).minusDays(1);
	}

	/** The default submission deadline: 15 days after the quarter ends. */
	public LocalDate defaultDeadline() {
		return end().plusDays(DEFAULT_DEADLINE_DAYS);
	}

	public Period next() {
		return (this.quarter == 4) ? new Period(this.year + 1, 1) : new Period(this.year, this.quarter + 1);
	}

	public Period previous() {
		return (this.quarter == 1) ? new Period(this.year - 1, 4) : new Period(this.year, this.quarter - 1);
	}

	/** The period as ADX and ISO 8601 write it: {@code 2025-04-01/P3M}. */
	public String isoInterval() {
		return start() + "/P3M";
	}

	@Override
	public int compareTo(Period other) {
		return (this.year != other.year) ? Integer.compare(this.year, other.year)
				: Integer.compare(this.quarter, other.quarter);
	}

	@Override
	public String toString() {
		return this.year + "Q" + this.quarter;
	}

}
