package org.hulul.exchange;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One row of a file as read: where it is (sheet, or null for a CSV; row number from 1)
 * and its cells, left to right (null for an empty cell).
 */
record SourceRow(@Nullable String sheet, int row, List<@Nullable Cell> cells) {

	boolean blank() {
		return this.cells.stream().allMatch((c) -> c == null || c.text().isBlank());
	}

	@Nullable Cell cell(int column) {
		return (column < this.cells.size()) ? this.cells.get(column) : null;
	}

	/**
	 * A cell: its text as written (for a number in a spreadsheet, the number), whether it
	 * holds a formula, and whether the spreadsheet stored it as a number.
	 */
	record Cell(String text, boolean formula, boolean number) {

		static Cell text(String text) {
			return new Cell(text, false, false);
		}

	}

}
