package org.hulul.reporting;

/**
 * Published when a report moves from one status to another (submitted, returned,
 * approved, reopened), for analytics to take or drop its values at once.
 */
public record ReportStatusChanged(long reportId, ReportStatus from, ReportStatus to) {
}
