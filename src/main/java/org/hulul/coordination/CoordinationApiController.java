package org.hulul.coordination;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hulul.platform.HululPrincipal;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Bodies, their membership, meetings and action points over the API. */
@RestController
@Tag(name = "Coordination")
class CoordinationApiController {

	private final Bodies bodies;

	private final Meetings meetings;

	private final MessageSource messages;

	CoordinationApiController(Bodies bodies, Meetings meetings, MessageSource messages) {
		this.bodies = bodies;
		this.meetings = meetings;
		this.messages = messages;
	}

	record SeatBody(@Nullable String category, @Nullable String organisation, @Nullable String representative,
			@Nullable String alternate, @Nullable String termStart, @Nullable String termEnd,
			@Nullable Integer version) {

		Bodies.SeatEntered entered() {
			return new Bodies.SeatEntered(this.category, this.organisation, this.representative, this.alternate,
					this.termStart, this.termEnd);
		}

	}

	record CheckBody(boolean valid, List<ViolationBody> violations) {
	}

	record ViolationBody(String rule, String message) {
	}

	record NewMeeting(@Nullable Integer number, @Nullable LocalDate date, @Nullable String startsAt,
			@Nullable String place) {
	}

	record NewItem(@Nullable String title, @Nullable Integer minutes, @Nullable String presenter,
			@Nullable Integer version) {
	}

	record NewActionPoint(@Nullable String text, @Nullable String owner, @Nullable LocalDate due) {
	}

	record StatusBody(@Nullable String status, @Nullable Integer version) {
	}

	@GetMapping("/api/v1/bodies")
	@Operation(summary = "The coordination bodies, their leads and reporting lines")
	List<Body> bodies() {
		return this.bodies.all();
	}

	@GetMapping("/api/v1/bodies/{code}")
	@Operation(summary = "A coordination body")
	Body body(@PathVariable String code) {
		return this.bodies.get(code);
	}

	@GetMapping("/api/v1/bodies/{code}/membership")
	@Operation(summary = "A body's seats: category, organisation, representative and alternate (by role), term")
	List<Seat> membership(@PathVariable String code) {
		return this.bodies.seats(code);
	}

	@PostMapping("/api/v1/bodies/{code}/membership")
	@Operation(summary = "Add a seat (the secretariat)",
			description = "{\"category\":\"UN_AGENCY|NGO|ICCG_CLUSTER|UNSDCF_PWG|OTHER_WG|OTHER_ENTITY\",\"organisation\","
					+ "\"representative\",\"alternate\",\"termStart\",\"termEnd\"}")
	ResponseEntity<Seat> addSeat(@AuthenticationPrincipal HululPrincipal me, @PathVariable String code,
			@RequestBody SeatBody body) {
		Seat seat = this.bodies.addSeat(me, code, body.entered());
		return ResponseEntity.created(URI.create("/api/v1/bodies/" + code + "/membership/" + seat.id())).body(seat);
	}

	@PutMapping("/api/v1/bodies/{code}/membership/{seat}")
	@Operation(summary = "Change a seat", description = "As for adding, with the seat's \"version\"; 409 when stale.")
	Seat changeSeat(@AuthenticationPrincipal HululPrincipal me, @PathVariable String code, @PathVariable long seat,
			@RequestBody SeatBody body) {
		return this.bodies.changeSeat(me, code, seat, version(body.version()), body.entered());
	}

	@DeleteMapping("/api/v1/bodies/{code}/membership/{seat}")
	@Operation(summary = "Remove a seat", description = "?version= of the seat read; 409 when stale.")
	ResponseEntity<Void> removeSeat(@AuthenticationPrincipal HululPrincipal me, @PathVariable String code,
			@PathVariable long seat, @RequestParam int version) {
		this.bodies.removeSeat(me, code, seat, version);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/bodies/{code}/membership/check")
	@Operation(summary = "Every rule of the terms of reference the current membership breaks",
			description = "{\"valid\",\"violations\":[{\"rule\",\"message\"}]}, in the caller's Accept-Language.")
	CheckBody check(@PathVariable String code, Locale locale) {
		Bodies.MembershipCheck check = this.bodies.check(code);
		List<ViolationBody> violations = new ArrayList<>();
		for (TermsOfReference.Violation violation : check.violations()) {
			violations.add(new ViolationBody(violation.rule(), message(violation, this.messages, locale)));
		}
		return new CheckBody(check.valid(), violations);
	}

	/** A violation's message, its arguments that are message keys said too. */
	static String message(TermsOfReference.Violation violation, MessageSource messages, Locale locale) {
		Object[] args = violation.args()
			.stream()
			.map((a) -> (a instanceof String s
					&& (s.startsWith("seat.category.") || s.startsWith("organisation.type.")))
							? messages.getMessage(s, null, s, locale) : a)
			.toArray();
		return messages.getMessage(violation.messageKey(), args, locale);
	}

	@GetMapping("/api/v1/bodies/{code}/meetings")
	@Operation(summary = "A body's meetings, by number")
	List<Meeting> meetings(@PathVariable String code) {
		return this.meetings.ofBody(code);
	}

	@PostMapping("/api/v1/bodies/{code}/meetings")
	@Operation(summary = "Schedule a meeting of a body (the secretariat)",
			description = "{\"number\" (the next when left out),\"date\",\"startsAt\":\"hh:mm\",\"place\"}")
	ResponseEntity<Meeting> createMeeting(@AuthenticationPrincipal HululPrincipal me, @PathVariable String code,
			@RequestBody NewMeeting body) {
		Meeting meeting = this.meetings.create(me, code, body.number(), body.date(), body.startsAt(), body.place());
		return ResponseEntity.created(URI.create("/api/v1/meetings/" + meeting.id())).body(meeting);
	}

	@GetMapping("/api/v1/meetings/{id}")
	@Operation(summary = "A meeting: agenda, attendance, minutes, decisions, its own action points and the "
			+ "earlier ones carried into it with their carriedOver counts")
	Meeting meeting(@PathVariable long id) {
		return this.meetings.get(id);
	}

	@PostMapping("/api/v1/meetings/{id}/agenda")
	@Operation(summary = "Add an agenda item", description = "{\"title\",\"minutes\",\"presenter\",\"version\"}")
	Meeting agenda(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id, @RequestBody NewItem body) {
		return this.meetings.addAgendaItem(me, id, version(body.version()), body.title(), body.minutes(),
				body.presenter());
	}

	record VersionBody(@Nullable Integer version) {
	}

	@DeleteMapping("/api/v1/meetings/{id}/agenda/{item}")
	@Operation(summary = "Remove an agenda item", description = "?version= of the meeting read; 409 when stale.")
	Meeting removeItem(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id, @PathVariable long item,
			@RequestParam int version) {
		return this.meetings.removeAgendaItem(me, id, version, item);
	}

	@PostMapping("/api/v1/meetings/{id}/publish")
	@Operation(summary = "Publish the agenda to the members (their people are notified)", description = "{\"version\"}")
	Meeting publish(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id, @RequestBody VersionBody body) {
		return this.meetings.publishAgenda(me, id, version(body.version()));
	}

	record AttendanceBody(@Nullable List<String> organisations, @Nullable Integer version) {
	}

	@PutMapping("/api/v1/meetings/{id}/attendance")
	@Operation(summary = "Record which organisations attended", description = "{\"organisations\":[codes],\"version\"}")
	Meeting attendance(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			@RequestBody AttendanceBody body) {
		return this.meetings.setAttendance(me, id, version(body.version()), body.organisations());
	}

	@PostMapping("/api/v1/meetings/{id}/action-points")
	@Operation(summary = "Raise an action point at a meeting", description = "{\"text\",\"owner\",\"due\"}")
	ResponseEntity<ActionPoint> addActionPoint(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			@RequestBody NewActionPoint body) {
		ActionPoint action = this.meetings.addActionPoint(me, id, body.text(), body.owner(), body.due());
		return ResponseEntity.created(URI.create("/api/v1/action-points/" + action.id())).body(action);
	}

	@PatchMapping("/api/v1/action-points/{id}")
	@Operation(summary = "Move an action point on (its owner organisation, the secretariat)",
			description = "{\"status\":\"PENDING|IN_PROGRESS|COMPLETED|DROPPED\",\"version\" (optional)}")
	ActionPoint setStatus(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			@RequestBody StatusBody body) {
		return this.meetings.setStatus(me, id, body.status(), body.version());
	}

	@GetMapping("/api/v1/action-points")
	@Operation(summary = "Open action points", description = "?owner= an organisation's code; ?overdue=true")
	List<ActionPoint> open(@RequestParam(required = false) @Nullable String owner,
			@RequestParam(defaultValue = "false") boolean overdue) {
		return overdue
				? this.meetings.overdue().stream().filter((a) -> owner == null || owner.equals(a.owner())).toList()
				: this.meetings.open(owner);
	}

	private static int version(@Nullable Integer version) {
		if (version == null) {
			throw org.hulul.platform.InvalidInputException.of("version", "meeting.error.version");
		}
		return version;
	}

}
