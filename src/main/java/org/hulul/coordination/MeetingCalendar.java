package org.hulul.coordination;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.DateStart;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The meetings as iCalendar feeds (RFC 5545, written by biweekly): every body's, or one
 * body's, from a year back on; each event the meeting's name and number, its day (and
 * time, in Iraq's zone), place, agenda and the address of its page. For the signed-in
 * (session or bearer token), as every page.
 */
@Controller
class MeetingCalendar {

	static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

	private final Meetings meetings;

	private final Bodies bodies;

	private final ZoneId zone;

	private final Selections selections;

	MeetingCalendar(Meetings meetings, Bodies bodies, Selections selections,
			@Value("${hulul.time-zone:Asia/Baghdad}") String zone) {
		this.selections = selections;
		this.meetings = meetings;
		this.bodies = bodies;
		this.zone = ZoneId.of(zone);
	}

	@GetMapping("/meetings.ics")
	ResponseEntity<String> all() {
		return feed(this.meetings.from(this.bodies.today().minusYears(1)), "Hulul meetings");
	}

	@GetMapping("/coordination/{code}/meetings.ics")
	ResponseEntity<String> ofBody(@PathVariable String code) {
		Body body = this.bodies.get(code);
		ICalendar calendar = calendar(this.meetings.ofBody(body.code()), body.nameEn());
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		// the rotation: the days seats' terms end, and the calls' deadlines
		for (Bodies.Rotation rotation : this.bodies.rotation(body.code())) {
			VEvent event = new VEvent();
			event.setUid("rotation-" + body.code() + "-" + rotation.ends() + "@hulul");
			event.setSummary(body.code() + ": terms end (" + String.join(", ", rotation.organisations()) + ")");
			event.setDateStart(start(rotation.ends(), null));
			event.setUrl(base + "/coordination/" + body.code() + "#rotation");
			calendar.addEvent(event);
		}
		for (Selection selection : this.selections.ofBody(body.code())) {
			if (selection.status() == SelectionStatus.CALL) {
				VEvent event = new VEvent();
				event.setUid("selection-" + selection.id() + "@hulul");
				event.setSummary(body.code() + ": expressions of interest due (" + selection.kind().name() + ")");
				event.setDateStart(start(selection.deadline(), null));
				event.setUrl(base + "/selections/" + selection.id());
				calendar.addEvent(event);
			}
		}
		return write(calendar);
	}

	private ResponseEntity<String> feed(List<Meeting> meetings, String name) {
		return write(calendar(meetings, name));
	}

	private ICalendar calendar(List<Meeting> meetings, String name) {
		ICalendar calendar = new ICalendar();
		calendar.setProductId("-//Hulul//Meetings//EN");
		calendar.setName(name);
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		for (Meeting meeting : meetings) {
			VEvent event = new VEvent();
			event.setUid("meeting-" + meeting.id() + "@hulul");
			event.setSummary(meeting.body() + " #" + meeting.number());
			event.setDateStart(start(meeting.heldOn(), meeting.startsAt()));
			if (meeting.place() != null) {
				event.setLocation(meeting.place());
			}
			event.setUrl(base + "/meetings/" + meeting.id());
			StringBuilder agenda = new StringBuilder();
			for (Meeting.AgendaItem item : meeting.agenda()) {
				agenda.append(item.position()).append(". ").append(item.title());
				if (item.minutes() != null) {
					agenda.append(" (").append(item.minutes()).append(" min)");
				}
				agenda.append('\n');
			}
			if (!agenda.isEmpty()) {
				event.setDescription(agenda.toString().strip());
			}
			calendar.addEvent(event);
		}
		return calendar;
	}

	private ResponseEntity<String> write(ICalendar calendar) {
		// times in UTC: no time zone definition to fetch (biweekly would download one)
		String text = Biweekly.write(calendar).go();
		return ResponseEntity.ok().contentType(CALENDAR).body(text);
	}

	/** The meeting's start: its day, or its day and time in the zone of the meetings. */
	private DateStart start(LocalDate day, @Nullable String time) {
		if (time == null) {
			// a day without time is written in the zone the library formats days in
			return new DateStart(Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant()), false);
		}
		LocalTime at = LocalTime.parse(time, java.time.format.DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT));
		return new DateStart(Date.from(day.atTime(at).atZone(this.zone).toInstant()), true);
	}

}
