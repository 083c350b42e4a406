package org.hulul.coordination;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which call is for the successors of the seats whose terms end on a day. */
class SuccessorCallTests {

	private static final LocalDate ENDS = LocalDate.of(2027, 6, 30);

	@Test
	void aCallForSeatsWhoseTermStartsWithinAMonthOfTheEnd() {
		Selection early = call(1, SelectionKind.SEATS, ENDS.minusMonths(2));
		Selection coLead = call(2, SelectionKind.CO_LEAD, ENDS.plusDays(1));
		Selection successors = call(3, SelectionKind.SEATS, ENDS.plusDays(1));
		assertThat(Selections.successorCall(List.of(early, coLead, successors), ENDS)).contains(successors);
		assertThat(Selections.successorCall(List.of(early, coLead), ENDS)).isEmpty();
		assertThat(Selections.successorCall(List.of(call(4, SelectionKind.SEATS, ENDS.minusMonths(1))), ENDS))
			.isPresent();
		assertThat(
				Selections.successorCall(List.of(call(5, SelectionKind.SEATS, ENDS.plusMonths(1).plusDays(1))), ENDS))
			.isEmpty();
	}

	private static Selection call(long id, SelectionKind kind, LocalDate termStart) {
		return new Selection(id, "DSTWG", kind, SeatCategory.NGO, 1, null, termStart.minusMonths(1),
				(kind == SelectionKind.SEATS) ? termStart : null,
				(kind == SelectionKind.SEATS) ? termStart.plusYears(2) : null, null, SelectionStatus.CALL, null, null,
				null, null, Instant.EPOCH, List.of(), 0, 0, 0);
	}

}
