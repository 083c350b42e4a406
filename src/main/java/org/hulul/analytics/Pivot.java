package org.hulul.analytics;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An answer laid out as a table: a line per value of the row dimension (or, with a second
 * row dimension, per pair of values, each first value's lines followed by its subtotal
 * line), a column per value of the column dimension (one "value" column without it), the
 * line totals, the column totals and the grand total. Each total is asked of the
 * analytics on its own so every rule holds in the totals too (a stock's total is not the
 * sum of its quarters, people reached are not added across partners).
 */
public record Pivot(String rowDimension, @Nullable String rowDimension2, @Nullable String columnDimension,
		List<Line> rows, List<Header> columns, Map<String, Map<String, Cell>> cells, Map<String, Cell> rowTotals,
		Map<String, Cell> columnTotals, @Nullable Cell total) {

	/** Separates a line's two codes in its key. */
	static final char SEPARATOR = '\u001F';

	/**
	 * A row's or column's value: its code ("" when the data has none at that dimension)
	 * and label.
	 */
	public record Header(String code, String label) {
	}

	/**
	 * A line of the table: its key in {@link #cells} and {@link #rowTotals}, the first
	 * row dimension's value and, with a second one, the second's (null on a subtotal
	 * line).
	 */
	public record Line(String key, Header first, @Nullable Header second, boolean subtotal) {

		/** The first value's code: what maps and links know the line by. */
		public String code() {
			return this.first.code();
		}

		/** The line's label: both values, or the first one's. */
		public String label() {
			return (this.second != null) ? this.first.label() + " · " + this.second.label() : this.first.label();
		}

	}

	/**
	 * A cell: its value (null where units do not add up), and whether submitted values
	 * count in it.
	 */
	public record Cell(@Nullable Double value, boolean mixed, boolean submitted) {

		static Cell of(AnalyticsResult.Row row) {
			return new Cell(row.value(), row.mixed(), row.submitted());
		}

	}

	public @Nullable Cell cell(String line, String column) {
		Map<String, Cell> cellsOfLine = this.cells.get(line);
		return (cellsOfLine != null) ? cellsOfLine.get(column) : null;
	}

	/**
	 * The lines a chart or a map shows: all of them with one row dimension, the subtotals
	 * (one per first value) with two.
	 */
	public List<Line> topLines() {
		return (this.rowDimension2 == null) ? this.rows : this.rows.stream().filter(Line::subtotal).toList();
	}

	public boolean isEmpty() {
		return this.rows.isEmpty();
	}

}
