package org.hulul.exchange;

import org.jspecify.annotations.Nullable;

/**
 * A problem of an imported file, where it is: the sheet (null for a CSV), the row (from
 * 1, as a spreadsheet numbers it; 0 for the file as a whole), the column (its header, as
 * in the file), the value found and the reason, in the reader's language.
 */
public record ImportProblem(@Nullable String sheet, int row, @Nullable String column, @Nullable String value,
		String reason) {
}
