package org.hulul.analytics;

/**
 * One report's values in columns: for each row its indicator, location, population group
 * and breakdown (numbers from the store's dictionaries), what kind of row it is, and its
 * value ({@code a}; for a ratio the numerator, with the denominator in {@code b}).
 */
record Segment(long reportId, int version, boolean approved, int organisation, int organisationType, int period,
		int year, int[] indicator, int[] location, int[] group, int[] breakdown, byte[] kind, double[] a, double[] b) {

	/** A line's total with its breakdown cells also held. */
	static final byte TOTAL = 0;

	/** A line's total without cells: it stands for the whole line in every query. */
	static final byte TOTAL_ONLY = 1;

	/** A cell of a line's breakdown. */
	static final byte CELL = 2;

	int size() {
		return this.indicator.length;
	}

}
