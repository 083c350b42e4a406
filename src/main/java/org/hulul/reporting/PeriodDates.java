package org.hulul.reporting;

import java.time.LocalDate;

/**
 * A quarter with its submission deadline and lock date, and where a day stands against
 * them.
 */
public record PeriodDates(Period period, LocalDate deadline, LocalDate lockDate, boolean custom, int version) {

	/** Days after the deadline at which reports lock, unless set otherwise. */
	public static final int DEFAULT_LOCK_DAYS = 30;

	public static PeriodDates defaults(Period period) {
		LocalDate deadline = period.defaultDeadline();
		return new PeriodDates(period, deadline, deadline.plusDays(DEFAULT_LOCK_DAYS), false, 0);
	}

	/** Where the quarter stands on a given day. */
	public Phase phaseOn(LocalDate today) {
		if (!today.isAfter(this.period.end())) {
			return today.isBefore(this.period.start()) ? Phase.UPCOMING : Phase.IN_PROGRESS;
		}
		if (!today.isAfter(this.deadline)) {
			return Phase.DUE;
		}
		return today.isBefore(this.lockDate) ? Phase.OVERDUE : Phase.LOCKED;
	}

	/**
	 * Where a quarter stands: not begun, running, reports due, past the deadline, locked.
	 */
	public enum Phase {

		UPCOMING, IN_PROGRESS, DUE, OVERDUE, LOCKED

	}

}
