package org.hulul.demo;

import java.time.LocalDate;
import java.util.List;

import org.hulul.coordination.ActionPoint;
import org.hulul.coordination.Bodies;
import org.hulul.coordination.Library;
import org.hulul.coordination.LibraryDocument;
import org.hulul.coordination.Meeting;
import org.hulul.coordination.Meetings;
import org.hulul.coordination.Selection;
import org.hulul.coordination.Selections;
import org.hulul.platform.HululPrincipal;

import org.springframework.stereotype.Component;

/**
 * The demo's coordination: two monthly DSTWG meetings shaped like the ones the minutes
 * describe (an agenda with timed items, action points of which some stay open and carry
 * over, one closed), a third scheduled with its agenda not yet published, and a few DSTWG
 * seats held by the demo organisations, so the composition check has rules to show
 * broken; and a call for a co-chair of the Monitoring & Analysis subgroup, as when REACH
 * stepped down, with one application; and in the library, a framework draft under review
 * with its sections assigned and a comment, and a guideline classified. Every text says
 * it is demo data.
 */
@Component
class DemoMeetings {

	private final Bodies bodies;

	private final Meetings meetings;

	private final Selections selections;

	private final Library library;

	DemoMeetings(Bodies bodies, Meetings meetings, Selections selections, Library library) {
		this.library = library;
		this.bodies = bodies;
		this.meetings = meetings;
		this.selections = selections;
	}

	void load(HululPrincipal secretariat, String ngo, String un, LocalDate today) {
		String dstwg = "DSTWG";
		this.bodies.addSeat(secretariat, dstwg, new Bodies.SeatEntered("UN_AGENCY", un, "DS coordinator (demo)",
				"deputy DS coordinator (demo)", today.minusMonths(6).toString(), today.plusMonths(18).toString()));
		this.bodies.addSeat(secretariat, dstwg, new Bodies.SeatEntered("NGO", ngo, "programme manager (demo)", null,
				today.minusMonths(6).toString(), today.plusMonths(18).toString()));
		Meeting first = this.meetings.create(secretariat, dstwg, null, today.minusDays(56), "10:00",
				"Demo data: online");
		first = item(secretariat, first, "Welcome and introduction (demo data)", 10, null);
		first = item(secretariat, first, "Subgroup updates (demo data)", 30, un);
		first = item(secretariat, first, "AOB", 5, null);
		first = this.meetings.publishAgenda(secretariat, first.id(), first.version());
		first = this.meetings.setAttendance(secretariat, first.id(), first.version(), List.of(un, ngo, "IOM", "UNDP"));
		this.meetings.addDecision(secretariat, first.id(), first.version(),
				"Demo data: the stock figures meeting is rescheduled.");
		ActionPoint factSheet = this.meetings.addActionPoint(secretariat, first.id(),
				"Demo data: share the impact fact sheet", ngo, today.minusDays(30));
		ActionPoint restart = this.meetings.addActionPoint(secretariat, first.id(),
				"Demo data: follow up on restarting the task force", un, today.minusDays(40));
		this.meetings.addActionPoint(secretariat, first.id(), "Demo data: reschedule the stock figures meeting", un,
				today.plusDays(10));
		this.meetings.setStatus(secretariat, restart.id(), "COMPLETED", null);
		Meeting second = this.meetings.create(secretariat, dstwg, null, today.minusDays(28), "10:00",
				"Demo data: online");
		second = item(secretariat, second, "Agenda and action points of the last meeting", 10, null);
		second = item(secretariat, second, "JCF and ABC updates (demo data)", 30, ngo);
		this.meetings.publishAgenda(secretariat, second.id(), second.version());
		this.meetings.setStatus(secretariat, factSheet.id(), "IN_PROGRESS", null);
		Meeting next = this.meetings.create(secretariat, dstwg, null, today.plusDays(2), "10:00", "Demo data: online");
		item(secretariat, next, "Agenda and action points of the last meeting", 10, null);
		String leaving = this.bodies.get("MA-SG").leads().stream().anyMatch((l) -> l.organisation().equals("REACH"))
				? "REACH" : null;
		Selection call = this.selections.open(secretariat, "MA-SG",
				new Selections.CallEntered("CO_CHAIR", null, 1,
						"Demo data: REACH steps down as co-chair of the subgroup; members are invited to apply.",
						today.plusDays(14), null, null, leaving));
		this.selections.apply(secretariat, call.id(), new Selections.ApplicationEntered(ngo, "IM coordinator (demo)",
				"IM officer (demo)", "Demo data: an expression of interest."));
		LibraryDocument draft = this.library.add(secretariat,
				new Library.DocumentEntered("Operational framework, draft (demo data)", "FRAMEWORK", dstwg,
						List.of("SO1", "SO2", "SO3", "SO4", "SO5", "SO6", "SO7", "SO8"), null, null,
						"Demo data: the framework draft with the area-based coordination section expanded."));
		draft = this.library.openRound(secretariat, draft.id(), today.plusDays(7),
				List.of(new Library.SectionEntered("The document in general", null),
						new Library.SectionEntered("Housing / HLP", ngo),
						new Library.SectionEntered("Livelihoods", un)));
		this.library.comment(secretariat, draft.rounds().get(0).sections().get(1).id(),
				"Demo data: add the backlog of compensation claims.");
		this.library.add(secretariat,
				new Library.DocumentEntered("Guidelines on replacing civil documentation (demo data)", "GUIDELINE",
						dstwg, List.of("SO3"), null, "APPLIES", null));
	}

	private Meeting item(HululPrincipal secretariat, Meeting meeting, String title, int minutes, String presenter) {
		return this.meetings.addAgendaItem(secretariat, meeting.id(), meeting.version(), title, minutes, presenter);
	}

}
