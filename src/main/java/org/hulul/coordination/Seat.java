package org.hulul.coordination;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A seat of a body's membership: its category, the organisation holding it (a code), its
 * representative and alternate (by role or title, never a person's name), and its term.
 */
public record Seat(long id, String body, SeatCategory category, String organisation, @Nullable String representative,
		@Nullable String alternate, LocalDate termStart, LocalDate termEnd, int version) {

	/** Whether the seat's term covers the day. */
	public boolean current(LocalDate day) {
		return !day.isBefore(this.termStart) && !day.isAfter(this.termEnd);
	}

}
