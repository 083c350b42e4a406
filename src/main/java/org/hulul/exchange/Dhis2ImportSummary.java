package org.hulul.exchange;

import java.util.List;

/**
 * What an import of a DHIS2 data value set or an ADX document did, in the shape of
 * DHIS2's import summary: {@code ERROR} when a conflict is an error (then nothing at all
 * is saved and every value counts as ignored), {@code WARNING} when there are only
 * warnings (saved), {@code SUCCESS} otherwise. The counts are of Hulul values (a ratio's
 * numerator and denominator make one); {@code ignored} holds those already as in the
 * file. With {@code dryRun}, nothing is saved and the counts say what an import would do.
 */
public record Dhis2ImportSummary(Status status, ImportCount importCount, List<Conflict> conflicts) {

	public Dhis2ImportSummary {
		conflicts = List.copyOf(conflicts);
	}

	/** The summary's status, as DHIS2 names it. */
	public enum Status {

		SUCCESS, WARNING, ERROR

	}

	/** Values added, changed, left as they were, and deleted. */
	public record ImportCount(int imported, int updated, int ignored, int deleted) {
	}

	/**
	 * A value or a group of values not imported, or a warning: the code or place it is
	 * about ({@code object}, as DHIS2 names it) and the reason ({@code value}, as DHIS2
	 * names it), in the reader's language; whether it is an error is not part of DHIS2's
	 * shape and is not sent.
	 */
	public record Conflict(String object, String value, @com.fasterxml.jackson.annotation.JsonIgnore boolean error) {
	}

}
