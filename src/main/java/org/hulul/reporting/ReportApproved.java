package org.hulul.reporting;

/**
 * Published when a reviewer approves a report, for analytics and notifications.
 */
public record ReportApproved(long reportId, long organisationId, Period period, long frameworkVersionId) {
}
