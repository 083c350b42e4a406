package org.hulul.reporting;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PeriodTests {

	@Test
	void quartersFollowTheCalendarYear() {
		Period q2 = Period.parse("2025q2");
		assertThat(q2).hasToString("2025Q2");
		assertThat(q2.start()).isEqualTo(LocalDate.of(2025, 4, 1));
		assertThat(q2.end()).isEqualTo(LocalDate.of(2025, 6, 30));
		assertThat(q2.defaultDeadline()).isEqualTo(LocalDate.of(2025, 7, 15));
		assertThat(q2.isoInterval()).isEqualTo("2025-04-01/P3M");
		assertThat(Period.parse("2025Q4").end()).isEqualTo(LocalDate.of(2025, 12, 31));
		assertThat(Period.parse("2025Q4").next()).isEqualTo(Period.parse("2026Q1"));
		assertThat(Period.parse("2026Q1").previous()).isEqualTo(Period.parse("2025Q4"));
		assertThat(Period.of(LocalDate.of(2026, 11, 22))).isEqualTo(Period.parse("2026Q4"));
		assertThat(Period.parse("2025Q1")).isLessThan(Period.parse("2025Q2"));
	}

	@Test
	void rejectsWhatIsNotAQuarter() {
		assertThatIllegalArgumentException().isThrownBy(() -> Period.parse("2025Q5"));
		assertThatIllegalArgumentException().isThrownBy(() -> Period.parse("2025-04")).withMessageContaining("2025Q2");
	}

}
