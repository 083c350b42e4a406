package org.hulul.analytics;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An answer laid out as a table: a row per value of the row dimension, a column per value
 * of the column dimension (one "value" column without it), the row and column totals and
 * the grand total, each asked of the analytics on its own so every rule holds in the
 * totals too (a stock's total is not the sum of its quarters).
 */
public record Pivot(String rowDimension, @Nullable String columnDimension, List<Header> rows, List<Header> columns,
		Map<String, Map<String, Cell>> cells, Map<String, Cell> rowTotals, Map<String, Cell> columnTotals,
		@Nullable Cell total) {

	/**
	 * A row's or column's value: its code ("" when the data has none at that dimension)
	 * and label.
	 */
	public record Header(String code, String label) {
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

	public @Nullable Cell cell(String row, String column) {
		Map<String, Cell> line = this.cells.get(row);
		return (line != null) ? line.get(column) : null;
	}

	public boolean isEmpty() {
		return this.rows.isEmpty();
	}

}
