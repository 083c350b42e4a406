package org.hulul.reporting;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;

import org.jooq.DSLContext;

import org.springframework.stereotype.Repository;

import static org.hulul.db.Tables.REPORTING_PERIOD;

/**
 * Reporting periods with their own deadline and lock date.
 */
@Repository
class ReportingRepository {

	private final DSLContext db;

	ReportingRepository(DSLContext db) {
		this.db = db;
	}

	/** The periods that have their own dates, by period. */
	Map<Period, PeriodDates> customPeriods() {
		return this.db.selectFrom(REPORTING_PERIOD)
			.fetch((r) -> new PeriodDates(Period.parse(r.getPeriod()), r.getDeadline(), r.getLockDate(), true,
					r.getVersion()))
			.stream()
			.collect(Collectors.toMap(PeriodDates::period, (p) -> p));
	}

	/**
	 * Saves a period's dates if the version read is still the saved one (0 for a period
	 * that had none); false when someone else saved first.
	 */
	boolean save(PeriodDates dates, int expectedVersion, Instant now) {
		if (expectedVersion == 0
				&& !this.db.fetchExists(REPORTING_PERIOD, REPORTING_PERIOD.PERIOD.eq(dates.period().toString()))) {
			return this.db.insertInto(REPORTING_PERIOD)
				.set(REPORTING_PERIOD.PERIOD, dates.period().toString())
				.set(REPORTING_PERIOD.DEADLINE, dates.deadline())
				.set(REPORTING_PERIOD.LOCK_DATE, dates.lockDate())
				.set(REPORTING_PERIOD.VERSION, 1)
				.set(REPORTING_PERIOD.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
				.execute() == 1;
		}
		return this.db.update(REPORTING_PERIOD)
			.set(REPORTING_PERIOD.DEADLINE, dates.deadline())
			.set(REPORTING_PERIOD.LOCK_DATE, dates.lockDate())
			.set(REPORTING_PERIOD.VERSION, REPORTING_PERIOD.VERSION.plus(1))
			.set(REPORTING_PERIOD.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
			.where(REPORTING_PERIOD.PERIOD.eq(dates.period().toString()))
			.and(REPORTING_PERIOD.VERSION.eq(expectedVersion))
			.execute() == 1;
	}

}
