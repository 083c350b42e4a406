package org.hulul.coordination;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A meeting of a body: its number (DSTWG #49), day, time and place, its agenda (published
 * to the members or not yet), the organisations that attended, the minutes (Markdown),
 * the decisions, the action points it raised, and the earlier ones still open or closed
 * since the meeting before, carried into it.
 */
public record Meeting(long id, String body, int number, LocalDate heldOn, @Nullable String startsAt,
		@Nullable String place, @Nullable Instant agendaPublishedAt, List<AgendaItem> agenda, List<String> attendance,
		@Nullable String minutes, List<String> decisions, List<ActionPoint> actionPoints, List<ActionPoint> carriedOver,
		int version) {

	public Meeting {
		agenda = List.copyOf(agenda);
		attendance = List.copyOf(attendance);
		decisions = List.copyOf(decisions);
		actionPoints = List.copyOf(actionPoints);
		carriedOver = List.copyOf(carriedOver);
	}

	/**
	 * An item of the agenda: its title, how many minutes, which organisation presents.
	 */
	public record AgendaItem(long id, int position, String title, @Nullable Integer minutes,
			@Nullable String presenter) {
	}

	public int agendaMinutes() {
		return this.agenda.stream().mapToInt((i) -> (i.minutes() != null) ? i.minutes() : 0).sum();
	}

}
