package org.hulul.reporting;

/**
 * Where a quarterly report is in its life.
 */
public enum ReportStatus {

	/** Being entered by its organisation. */
	DRAFT,
	/** Sent for review; read-only for the organisation. */
	SUBMITTED,
	/**
	 * Sent back by a reviewer with comments; the organisation fixes it and submits again.
	 */
	RETURNED,
	/** Accepted; read-only until a reviewer reopens it. */
	APPROVED;

	/** Whether the organisation may change the report's values. */
	public boolean isEditable() {
		return this == DRAFT || this == RETURNED;
	}

}
