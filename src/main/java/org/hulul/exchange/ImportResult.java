package org.hulul.exchange;

import java.util.List;

/**
 * What an import did, or in a dry run would do: the data rows read, the values added,
 * changed, left as they were ({@code ignored}: already as in the file) and deleted (of
 * the indicators the file covers, not in it); the errors (any error: nothing saved) and
 * warnings.
 */
public record ImportResult(int rows, int imported, int updated, int ignored, int deleted, boolean dryRun, boolean saved,
		List<ImportProblem> errors, List<ImportProblem> warnings) {

	public ImportResult {
		errors = List.copyOf(errors);
		warnings = List.copyOf(warnings);
	}

	/** A file refused as a whole: nothing read, nothing saved. */
	public static ImportResult refused(boolean dryRun, List<ImportProblem> errors) {
		return new ImportResult(0, 0, 0, 0, 0, dryRun, false, errors, List.of());
	}

}
