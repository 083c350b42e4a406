package org.hulul.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.hulul.organisations.Organisation;
import org.hulul.organisations.Organisations;

import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminds the reporters of each active partner organisation (those compliance counts)
 * whose report for a quarter is neither submitted nor approved: once when the deadline is
 * {@value #DAYS_BEFORE} days away or less, once when it has passed (until the lock date).
 * Runs every day ({@code hulul.reminders.cron}) and once shortly after start; running it
 * again the same day sends nothing new.
 */
@Component
public class ReportingReminders {

	/** How many days before the deadline the reminder goes out. */
	public static final int DAYS_BEFORE = 7;

	/** Quarters looked at: the current one and the three before it. */
	private static final int QUARTERS_BACK = 3;

	private static final Log logger = LogFactory.getLog(ReportingReminders.class);

	private final Organisations organisations;

	private final ReportingRepository repository;

	private final ReportingCalendar calendar;

	private final ReportNotices notices;

	ReportingReminders(Organisations organisations, ReportingRepository repository, ReportingCalendar calendar,
			ReportNotices notices) {
		this.organisations = organisations;
		this.repository = repository;
		this.calendar = calendar;
		this.notices = notices;
	}

	@Scheduled(cron = "${hulul.reminders.cron}", zone = "${hulul.time-zone:Asia/Baghdad}")
	void daily() {
		run();
	}

	@Scheduled(initialDelayString = "${hulul.reminders.start-delay}")
	void afterStart() {
		run();
	}

	private void run() {
		try {
			int sent = remind(this.calendar.today());
			if (sent > 0) {
				logger.info("Deadline reminders: " + sent + " notifications");
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Deadline reminders failed; trying again at the next run", ex);
		}
	}

	/**
	 * Sends the reminders due on {@code today}; returns how many users were notified.
	 * Each organisation's reminder commits on its own.
	 */
	public int remind(LocalDate today) {
		List<Organisation> partners = this.organisations.list()
			.stream()
			.filter((o) -> o.active() && Compliance.PARTNERS.contains(o.type()))
			.toList();
		Period current = Period.of(today);
		Period first = current;
		for (int i = 0; i < QUARTERS_BACK; i++) {
			first = first.previous();
		}
		int sent = 0;
		for (PeriodDates dates : this.calendar.between(first, current)) {
			boolean due = !today.isBefore(dates.deadline().minusDays(DAYS_BEFORE)) && !today.isAfter(dates.deadline());
			boolean overdue = today.isAfter(dates.deadline()) && today.isBefore(dates.lockDate());
			if (!due && !overdue) {
				continue;
			}
			for (Organisation partner : partners) {
				Optional<Report> report = this.repository.findReport(partner.id(), dates.period());
				if (ReportNotices.done(report.map(Report::status).orElse(null))) {
					continue;
				}
				Long reportId = report.map(Report::id).orElse(null);
				try {
					sent += due
							? this.notices.due(partner.id(), partner.code(), dates,
									ReportNotices.daysBetween(today, dates.deadline()), reportId)
							: this.notices.overdue(partner.id(), partner.code(), dates, reportId);
				}
				catch (DataAccessException ex) {
					// another instance reminded the same users at the same moment
					logger.warn("Deadline reminder of " + partner.code() + " for " + dates.period() + " skipped: "
							+ ex.getMessage());
				}
			}
		}
		return sent;
	}

}
