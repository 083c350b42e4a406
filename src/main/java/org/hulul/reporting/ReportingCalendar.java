package org.hulul.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hulul.platform.AuditAction;
import org.hulul.platform.AuditLog;
import org.hulul.platform.InvalidInputException;
import org.hulul.platform.StaleEditException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reporting calendar: every quarter's submission deadline and lock date (defaults
 * unless the secretariat set others), and today's date in Iraq to judge them by.
 */
@Service
public class ReportingCalendar {

	private final ReportingRepository repository;

	private final AuditLog audit;

	private final Clock clock;

	private final ZoneId zone;

	ReportingCalendar(ReportingRepository repository, AuditLog audit, Clock clock,
			@Value("${hulul.time-zone:Asia/Baghdad}") String zone) {
		this.repository = repository;
		this.audit = audit;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
	}

	public LocalDate today() {
		return LocalDate.now(this.clock.withZone(this.zone));
	}

	public PeriodDates dates(Period period) {
		return this.repository.customPeriods().getOrDefault(period, PeriodDates.defaults(period));
	}

	/** The quarters from {@code from} to {@code to}, with their dates. */
	public List<PeriodDates> between(Period from, Period to) {
		Map<Period, PeriodDates> custom = this.repository.customPeriods();
		List<PeriodDates> all = new ArrayList<>();
		for (Period p = from; p.compareTo(to) <= 0; p = p.next()) {
			all.add(custom.getOrDefault(p, PeriodDates.defaults(p)));
		}
		return all;
	}

	/**
	 * Sets a quarter's deadline and lock date; the lock date cannot come before the
	 * deadline.
	 */
	@Transactional
	public PeriodDates change(Period period, int version, LocalDate deadline, LocalDate lockDate) {
		List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
		if (!deadline.isAfter(period.end())) {
			problems.add(new InvalidInputException.FieldProblem("deadline", "calendar.error.deadline",
					List.of(period.end().toString())));
		}
		if (lockDate.isBefore(deadline)) {
			problems.add(new InvalidInputException.FieldProblem("lockDate", "calendar.error.lockDate", List.of()));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		PeriodDates before = dates(period);
		PeriodDates after = new PeriodDates(period, deadline, lockDate, true, version + 1);
		boolean saved;
		try {
			saved = this.repository.save(after, version, this.clock.instant());
		}
		catch (DataIntegrityViolationException ex) {
			saved = false;
		}
		if (!saved) {
			throw new StaleEditException("period", period.toString());
		}
		this.audit.record(AuditAction.UPDATE, "period", period,
				AuditLog.summary("audit.summary.periodChanged", period, deadline, lockDate),
				Map.of("deadline", before.deadline().toString(), "lockDate", before.lockDate().toString()),
				Map.of("deadline", deadline.toString(), "lockDate", lockDate.toString()));
		return dates(period);
	}

}
