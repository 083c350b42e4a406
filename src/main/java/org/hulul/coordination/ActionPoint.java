package org.hulul.coordination;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * An action point: raised at a meeting (its id and number) of a body, what is to be done,
 * the organisation that owns it (a code), by when, where it stands and when it was
 * closed. {@code carriedOver} counts the later meetings of the body it was carried into,
 * as seen from the meeting it is listed under (0 at the meeting that raised it).
 */
public record ActionPoint(long id, long meeting, int meetingNumber, String body, String text, String owner,
		@Nullable LocalDate due, ActionStatus status, @Nullable LocalDate closedOn, int carriedOver, int version) {

	public boolean overdue(LocalDate day) {
		return this.status.open() && this.due != null && this.due.isBefore(day);
	}

	ActionPoint carried(int times) {
		return new ActionPoint(this.id, this.meeting, this.meetingNumber, this.body, this.text, this.owner, this.due,
				this.status, this.closedOn, times, this.version);
	}

}
