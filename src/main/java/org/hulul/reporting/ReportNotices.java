package org.hulul.reporting;

import java.time.LocalDate;

import org.hulul.platform.Notifications;
import org.hulul.platform.Notifications.Notice;
import org.hulul.platform.OrganisationDirectory;
import org.hulul.platform.OrganisationRef;
import org.hulul.platform.Role;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Who hears of a report's life, and what: reviewers of a submission, the organisation's
 * reporters of a return (with the reviewer's comment), an approval, a deadline close or
 * passed. Called inside the transaction of the change, so the notification commits with
 * it.
 */
@Component
class ReportNotices {

	private final Notifications notifications;

	private final OrganisationDirectory organisations;

	ReportNotices(Notifications notifications, OrganisationDirectory organisations) {
		this.notifications = notifications;
		this.organisations = organisations;
	}

	void submitted(Report report) {
		this.notifications.toRole(Role.REVIEWER,
				Notice.of("REPORT_SUBMITTED",
						report.late() ? "notification.reportSubmittedLate" : "notification.reportSubmitted",
						link(report.id()), code(report.organisationId()), report.period()));
	}

	void returned(Report report, @Nullable String comment) {
		this.notifications.toOrganisation(report.organisationId(), Role.REPORTER,
				Notice.of("REPORT_RETURNED", "notification.reportReturned", link(report.id()),
						code(report.organisationId()), report.period(), (comment != null) ? comment.strip() : ""));
	}

	void approved(Report report) {
		this.notifications.toOrganisation(report.organisationId(), Role.REPORTER, Notice.of("REPORT_APPROVED",
				"notification.reportApproved", link(report.id()), code(report.organisationId()), report.period()));
	}

	/**
	 * The deadline is {@code days} days away: once per quarter to each reporter. Returns
	 * how many were notified.
	 */
	int due(long organisationId, String code, PeriodDates dates, long days, @Nullable Long reportId) {
		return this.notifications.toOrganisation(organisationId, Role.REPORTER,
				Notice
					.of("REPORT_DUE", "notification.reportDue", link(reportId), code, dates.period(), days,
							dates.deadline())
					.once("deadline:" + dates.period()));
	}

	/** The deadline has passed: once per quarter to each reporter. */
	int overdue(long organisationId, String code, PeriodDates dates, @Nullable Long reportId) {
		return this.notifications.toOrganisation(organisationId, Role.REPORTER,
				Notice
					.of("REPORT_OVERDUE", "notification.reportOverdue", link(reportId), code, dates.period(),
							dates.deadline(), dates.lockDate())
					.once("overdue:" + dates.period()));
	}

	/** The report's page, or the reports page (to open it) when it has not been begun. */
	private static String link(@Nullable Long reportId) {
		return (reportId != null) ? "/reports/" + reportId : "/reports";
	}

	private String code(long organisationId) {
		return this.organisations.find(organisationId)
			.map(OrganisationRef::code)
			.orElse(String.valueOf(organisationId));
	}

	static boolean done(@Nullable ReportStatus status) {
		return status == ReportStatus.SUBMITTED || status == ReportStatus.APPROVED;
	}

	static long daysBetween(LocalDate from, LocalDate to) {
		return java.time.temporal.ChronoUnit.DAYS.between(from, to);
	}

}
