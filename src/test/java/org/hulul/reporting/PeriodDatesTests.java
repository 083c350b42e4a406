package org.hulul.reporting;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodDatesTests {

	private final PeriodDates q2 = PeriodDates.defaults(Period.parse("2025Q2"));

	@Test
	void defaultsAreFifteenDaysThenThirtyMore() {
		assertThat(this.q2.deadline()).isEqualTo(LocalDate.of(2025, 7, 15));
		assertThat(this.q2.lockDate()).isEqualTo(LocalDate.of(2025, 8, 14));
		assertThat(this.q2.custom()).isFalse();
	}

	@Test
	void aQuarterMovesThroughItsPhases() {
		assertThat(this.q2.phaseOn(LocalDate.of(2025, 3, 31))).isEqualTo(PeriodDates.Phase.UPCOMING);
		assertThat(this.q2.phaseOn(LocalDate.of(2025, 6, 30))).isEqualTo(PeriodDates.Phase.IN_PROGRESS);
		assertThat(this.q2.phaseOn(LocalDate.of(2025, 7, 1))).isEqualTo(PeriodDates.Phase.DUE);
		assertThat(this.q2.phaseOn(LocalDate.of(2025, 7, 15))).isEqualTo(PeriodDates.Phase.DUE);
		assertThat(this.q2.phaseOn(LocalDate.of(2025, 7, 16))).isEqualTo(PeriodDates.Phase.OVERDUE);
		assertThat(this.q2.phaseOn(LocalDate.of(2025, 8, 14))).isEqualTo(PeriodDates.Phase.LOCKED);
	}

}
