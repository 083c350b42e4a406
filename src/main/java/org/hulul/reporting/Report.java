package org.hulul.reporting;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One organisation's report for one quarter, made against one version of the results
 * framework, and the rules of its life: {@code DRAFT → SUBMITTED → APPROVED}, or
 * {@code SUBMITTED → RETURNED} (with the reviewer's comment) and submitted again; an
 * approved report is reopened only by a reviewer, with a reason. Submission after the
 * deadline is allowed and marked late; after the lock date the organisation can no longer
 * change or submit it unless a reviewer reopens it.
 */
public record Report(long id, long organisationId, Period period, long frameworkVersionId, ReportStatus status,
		boolean late, boolean reopenedAfterLock, @Nullable Instant submittedAt, int version) {

	/** Whether the organisation may change the values now. */
	public boolean editableOn(LocalDate today, LocalDate lockDate) {
		return this.status.isEditable() && (today.isBefore(lockDate) || this.reopenedAfterLock);
	}

	/**
	 * The organisation submits; refused when the report has errors or is not editable.
	 */
	public Report submit(Instant now, LocalDate today, LocalDate deadline, LocalDate lockDate, int errors) {
		if (!this.status.isEditable()) {
			throw new ReportTransitionException("report.error.notEditable", this.status.name());
		}
		if (!editableOn(today, lockDate)) {
			throw new ReportTransitionException("report.error.locked", lockDate.toString());
		}
		if (errors > 0) {
			throw new ReportTransitionException("report.error.hasErrors", String.valueOf(errors));
		}
		return new Report(this.id, this.organisationId, this.period, this.frameworkVersionId, ReportStatus.SUBMITTED,
				today.isAfter(deadline), this.reopenedAfterLock, now, this.version);
	}

	/** A reviewer sends it back with a comment. */
	public Report returnWith(String comment) {
		requireStatus(ReportStatus.SUBMITTED);
		requireText(comment, "report.error.commentRequired");
		return withStatus(ReportStatus.RETURNED, this.reopenedAfterLock);
	}

	/** A reviewer approves it. */
	public Report approve() {
		requireStatus(ReportStatus.SUBMITTED);
		return withStatus(ReportStatus.APPROVED, this.reopenedAfterLock);
	}

	/**
	 * A reviewer reopens it, with a reason: an approved report goes back to its
	 * organisation; after the lock date, reopening is what lets the organisation change
	 * it.
	 */
	public Report reopen(String reason, LocalDate today, LocalDate lockDate) {
		requireText(reason, "report.error.reasonRequired");
		boolean afterLock = !today.isBefore(lockDate);
		if (this.status == ReportStatus.APPROVED || (afterLock && this.status.isEditable())) {
			return withStatus(ReportStatus.RETURNED, afterLock);
		}
		throw new ReportTransitionException("report.error.cannotReopen", this.status.name());
	}

	private void requireStatus(ReportStatus expected) {
		if (this.status != expected) {
			throw new ReportTransitionException("report.error.wrongStatus", this.status.name(), expected.name());
		}
	}

	private static void requireText(@Nullable String text, String messageKey) {
		if (text == null || text.isBlank()) {
			throw new ReportTransitionException(messageKey);
		}
	}

	private Report withStatus(ReportStatus status, boolean reopened) {
		return new Report(this.id, this.organisationId, this.period, this.frameworkVersionId, status, this.late,
				reopened, this.submittedAt, this.version);
	}

}
