package org.hulul.coordination;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.hulul.organisations.Organisation;
import org.hulul.organisations.Organisations;
import org.hulul.platform.AuditAction;
import org.hulul.platform.AuditLog;
import org.hulul.platform.HululPrincipal;
import org.hulul.platform.InvalidInputException;
import org.hulul.platform.NotFoundException;
import org.hulul.platform.Notifications;
import org.hulul.platform.Role;
import org.hulul.platform.Settings;
import org.hulul.platform.StaleEditException;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bodies' meetings and their action points. The secretariat (and administrators, and
 * an area group's coordinators for its meetings) schedule meetings, numbered per body,
 * write the agenda with timed items and presenting organisations, publish it to the
 * members ahead of the meeting (three days by default, a setting), record attendance by
 * organisation, the minutes and the decisions, and raise action points with an owner
 * organisation and a due date. The owner's people and the secretariat move an action
 * point on; every action point of a body still open — or closed after the day of the
 * meeting before (one closed on a meeting's day was reported there) — is listed under the
 * next meeting with how many times it was carried over. Every change is audited; meeting
 * changes are refused when the meeting changed since it was read.
 */
@Service
public class Meetings {

	static final String ENTITY = "meeting";

	static final String ACTION_ENTITY = "action_point";

	/** The setting of how many days ahead of a meeting its agenda goes to the members. */
	static final String AGENDA_DAYS = "meetings.agenda_days";

	static final int DEFAULT_AGENDA_DAYS = 3;

	private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

	private final MeetingRepository repository;

	private final Bodies bodies;

	private final Organisations organisations;

	private final Settings settings;

	private final Notifications notifications;

	private final AuditLog audit;

	private final Clock clock;

	Meetings(MeetingRepository repository, Bodies bodies, Organisations organisations, Settings settings,
			Notifications notifications, AuditLog audit, Clock clock) {
		this.notifications = notifications;
		this.repository = repository;
		this.bodies = bodies;
		this.organisations = organisations;
		this.settings = settings;
		this.audit = audit;
		this.clock = clock;
	}

	/** How many days ahead of a meeting its agenda is due to the members. */
	public int agendaDays() {
		return this.settings.find(AGENDA_DAYS).map(Integer::parseInt).orElse(DEFAULT_AGENDA_DAYS);
	}

	/** The day a meeting's agenda is due to the members. */
	public LocalDate agendaDue(Meeting meeting) {
		return meeting.heldOn().minusDays(agendaDays());
	}

	/** A body's meetings, by number. */
	public List<Meeting> ofBody(String code) {
		Body body = this.bodies.get(code);
		return this.repository.ofBody(body.id()).stream().map((m) -> toMeeting(m, body)).toList();
	}

	public Meeting get(long id) {
		MeetingRepository.StoredMeeting stored = this.repository.find(id)
			.orElseThrow(() -> new NotFoundException(ENTITY, id));
		return toMeeting(stored, body(stored.bodyId()));
	}

	/** The meetings of every body from a day on, for the calendar. */
	public List<Meeting> from(LocalDate day) {
		return this.repository.between(day, day.plusYears(2))
			.stream()
			.map((m) -> toMeeting(m, body(m.bodyId())))
			.toList();
	}

	/**
	 * Schedules a meeting of a body: its number (the next when null), day, time (hh:mm)
	 * and place.
	 */
	@Transactional
	public Meeting create(HululPrincipal me, String code, @Nullable Integer number, @Nullable LocalDate on,
			@Nullable String startsAt, @Nullable String place) {
		Body body = this.bodies.get(code);
		requireRunner(me, body);
		List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
		int chosen = (number != null) ? number
				: this.repository.ofBody(body.id())
					.stream()
					.mapToInt(MeetingRepository.StoredMeeting::number)
					.max()
					.orElse(0) + 1;
		if (chosen < 1) {
			problems.add(fieldProblem("number", "meeting.error.number", chosen));
		}
		else if (this.repository.numberTaken(body.id(), chosen)) {
			problems.add(fieldProblem("number", "meeting.error.numberTaken", body.code(), chosen));
		}
		if (on == null) {
			problems.add(fieldProblem("date", "meeting.error.date"));
		}
		String time = blank(startsAt);
		if (time != null && !TIME.matcher(time).matches()) {
			problems.add(fieldProblem("startsAt", "meeting.error.time", time));
		}
		String where = blank(place);
		if (where != null && where.length() > 200) {
			problems.add(fieldProblem("place", "meeting.error.tooLong", 200));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long id = this.repository.insert(body.id(), chosen, on, time, where);
		this.audit.record(AuditAction.CREATE, ENTITY, id,
				AuditLog.summary("audit.summary.meetingCreated", body.code(), chosen), null,
				Map.of("body", body.code(), "number", chosen, "date", on.toString()));
		return get(id);
	}

	/**
	 * Adds an item to the agenda: its title, minutes, presenting organisation (a code).
	 */
	@Transactional
	public Meeting addAgendaItem(HululPrincipal me, long id, int version, @Nullable String title,
			@Nullable Integer minutes, @Nullable String presenter) {
		Meeting meeting = editable(me, id);
		List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
		String text = blank(title);
		if (text == null || text.length() > 300) {
			problems.add(fieldProblem("title", "meeting.error.title"));
		}
		if (minutes != null && (minutes < 1 || minutes > 600)) {
			problems.add(fieldProblem("minutes", "meeting.error.minutes", minutes));
		}
		Long presenterId = null;
		if (blank(presenter) != null) {
			Optional<Organisation> found = this.organisations.getByCode(presenter.strip());
			if (found.isEmpty()) {
				problems.add(fieldProblem("presenter", "meeting.error.organisation", presenter.strip()));
			}
			else {
				presenterId = found.get().id();
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		claim(meeting, version);
		this.repository.addItem(id, text, minutes, presenterId);
		audit(meeting, "audit.summary.meetingAgenda", Map.of("item", text));
		return get(id);
	}

	/** Removes an item from the agenda. */
	@Transactional
	public Meeting removeAgendaItem(HululPrincipal me, long id, int version, long item) {
		Meeting meeting = editable(me, id);
		Meeting.AgendaItem removed = meeting.agenda()
			.stream()
			.filter((i) -> i.id() == item)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("agenda_item", item));
		claim(meeting, version);
		this.repository.removeItem(id, item);
		audit(meeting, "audit.summary.meetingAgendaRemoved", Map.of("removed", removed.title()));
		return get(id);
	}

	/** Publishes the agenda to the members. */
	@Transactional
	public Meeting publishAgenda(HululPrincipal me, long id, int version) {
		Meeting meeting = editable(me, id);
		if (meeting.agenda().isEmpty()) {
			throw InvalidInputException.of("agenda", "meeting.error.emptyAgenda");
		}
		claim(meeting, version);
		this.repository.publishAgenda(id, this.clock.instant());
		audit(meeting, "audit.summary.meetingPublished", Map.of("published", true));
		notifyMembers(meeting);
		return get(id);
	}

	/**
	 * Tells the people of the body's member organisations (those holding a seat now, and
	 * its leads) that the agenda is out, once per meeting.
	 */
	private void notifyMembers(Meeting meeting) {
		Body body = this.bodies.get(meeting.body());
		java.util.Set<String> members = new java.util.LinkedHashSet<>();
		body.leads().forEach((l) -> members.add(l.organisation()));
		LocalDate today = this.bodies.today();
		this.bodies.seats(body.code())
			.stream()
			.filter((s) -> s.current(today))
			.forEach((s) -> members.add(s.organisation()));
		Notifications.Notice notice = Notifications.Notice
			.of("AGENDA_PUBLISHED", "notification.agendaPublished", "/meetings/" + meeting.id(), body.code(),
					meeting.number(), "\u2066" + meeting.heldOn() + "\u2069")
			.once("agenda:" + meeting.id());
		for (String code : members) {
			this.organisations.getByCode(code).ifPresent((o) -> {
				for (Role role : MEMBER_ROLES) {
					this.notifications.toOrganisation(o.id(), role, notice);
				}
			});
		}
	}

	/** The roles of a member organisation's people told of an agenda. */
	private static final List<Role> MEMBER_ROLES = List.of(Role.SECRETARIAT, Role.REVIEWER, Role.AREA_COORDINATOR,
			Role.REPORTER, Role.VIEWER);

	/** Records which organisations attended (codes). */
	@Transactional
	public Meeting setAttendance(HululPrincipal me, long id, int version, @Nullable List<String> codes) {
		Meeting meeting = editable(me, id);
		List<Long> ids = new ArrayList<>();
		List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
		int row = 0;
		for (String code : (codes != null) ? codes : List.<String>of()) {
			String field = "attendance[" + row++ + "]";
			if (blank(code) == null) {
				continue;
			}
			Optional<Organisation> found = this.organisations.getByCode(code.strip());
			if (found.isEmpty()) {
				problems.add(fieldProblem(field, "meeting.error.organisation", code.strip()));
			}
			else if (!ids.contains(found.get().id())) {
				ids.add(found.get().id());
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		claim(meeting, version);
		this.repository.putAttendance(id, ids);
		audit(meeting, "audit.summary.meetingAttendance", Map.of("attendance", ids.size()));
		return get(id);
	}

	/** Writes the minutes (Markdown; empty clears them). */
	@Transactional
	public Meeting writeMinutes(HululPrincipal me, long id, int version, @Nullable String minutes) {
		Meeting meeting = editable(me, id);
		String text = blank(minutes);
		if (text != null && text.length() > 100_000) {
			throw InvalidInputException.of("minutes", "meeting.error.tooLong", 100_000);
		}
		claim(meeting, version);
		this.repository.writeMinutes(id, (text != null) ? text.replace("\r\n", "\n") : null);
		audit(meeting, "audit.summary.meetingMinutes", Map.of("minutes", String.valueOf(text)));
		return get(id);
	}

	/** Records a decision of the meeting. */
	@Transactional
	public Meeting addDecision(HululPrincipal me, long id, int version, @Nullable String decision) {
		Meeting meeting = editable(me, id);
		String text = blank(decision);
		if (text == null || text.length() > 2000) {
			throw InvalidInputException.of("text", "meeting.error.decision");
		}
		claim(meeting, version);
		this.repository.addDecision(id, text);
		audit(meeting, "audit.summary.meetingDecision", Map.of("decision", text));
		return get(id);
	}

	/** Raises an action point at a meeting: what, which organisation owns it, by when. */
	@Transactional
	public ActionPoint addActionPoint(HululPrincipal me, long meetingId, @Nullable String text, @Nullable String owner,
			@Nullable LocalDate due) {
		Meeting meeting = get(meetingId);
		requireRunner(me, this.bodies.get(meeting.body()));
		List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
		String what = blank(text);
		if (what == null || what.length() > 1000) {
			problems.add(fieldProblem("text", "action.error.text"));
		}
		Optional<Organisation> found = this.organisations.getByCode((owner != null) ? owner.strip() : "");
		if (found.isEmpty()) {
			problems.add(fieldProblem("owner", "meeting.error.organisation", String.valueOf(owner)));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Body body = this.bodies.get(meeting.body());
		long id = this.repository.addAction(meetingId, body.id(), what, found.get().id(), due);
		this.audit.record(AuditAction.CREATE, ACTION_ENTITY, id,
				AuditLog.summary("audit.summary.actionAdded", body.code(), meeting.number(), found.get().code()), null,
				Map.of("text", what, "owner", found.get().code(), "due", String.valueOf(due)));
		return action(id);
	}

	/**
	 * Moves an action point on: its owner organisation's people and the secretariat may;
	 * when {@code version} is given it must still be the action point's.
	 */
	@Transactional
	public ActionPoint setStatus(HululPrincipal me, long id, @Nullable String status, @Nullable Integer version) {
		ActionPoint before = action(id);
		if (!mayMove(me, before)) {
			throw new AccessDeniedException("Neither the secretariat nor of " + before.owner());
		}
		ActionStatus chosen;
		try {
			chosen = ActionStatus.valueOf((status != null) ? status.strip().toUpperCase(Locale.ROOT) : "");
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInputException.of("status", "action.error.status", String.valueOf(status));
		}
		if (chosen == before.status()) {
			return before;
		}
		LocalDate closed = chosen.open() ? null : this.bodies.today();
		if (!this.repository.setStatus(id, (version != null) ? version : before.version(), chosen, closed)) {
			throw new StaleEditException(ACTION_ENTITY, String.valueOf(id));
		}
		this.audit.record(AuditAction.UPDATE, ACTION_ENTITY, id,
				AuditLog.summary("audit.summary.actionStatus", before.body(), before.status().name(), chosen.name()),
				Map.of("status", before.status().name()), Map.of("status", chosen.name()));
		return action(id);
	}

	public boolean mayMove(HululPrincipal me, ActionPoint action) {
		if (this.bodies.mayRun(me, this.bodies.get(action.body()))) {
			return true;
		}
		return me.organisationId() != null && this.organisations.get(me.organisationId())
			.map((o) -> o.code().equals(action.owner()))
			.orElse(false);
	}

	public ActionPoint action(long id) {
		MeetingRepository.StoredAction stored = this.repository.action(id)
			.orElseThrow(() -> new NotFoundException(ACTION_ENTITY, id));
		Body body = body(stored.bodyId());
		return toAction(stored, body, numbers(body));
	}

	/** Every open action point, optionally only those of an organisation (a code). */
	public List<ActionPoint> open(@Nullable String owner) {
		List<ActionPoint> open = new ArrayList<>();
		Map<Long, Body> bodies = new java.util.HashMap<>();
		Map<Long, Map<Long, Integer>> numbers = new java.util.HashMap<>();
		for (MeetingRepository.StoredAction stored : this.repository.openActions()) {
			Body body = bodies.computeIfAbsent(stored.bodyId(), this::body);
			ActionPoint action = toAction(stored, body, numbers.computeIfAbsent(body.id(), (k) -> numbers(body)));
			if (owner == null || owner.equals(action.owner())) {
				open.add(action);
			}
		}
		return open;
	}

	/** The open action points past their due date. */
	public List<ActionPoint> overdue() {
		LocalDate today = this.bodies.today();
		return open(null).stream().filter((a) -> a.overdue(today)).toList();
	}

	/** The organisation (code) of the asker, if any. */
	public Optional<String> organisationOf(HululPrincipal me) {
		return (me.organisationId() != null) ? this.organisations.get(me.organisationId()).map(Organisation::code)
				: Optional.empty();
	}

	private Meeting toMeeting(MeetingRepository.StoredMeeting stored, Body body) {
		List<Meeting.AgendaItem> agenda = this.repository.agenda(stored.id())
			.stream()
			.map((i) -> new Meeting.AgendaItem(i.id(), i.position(), i.title(), i.minutes(),
					(i.presenterId() != null) ? this.bodies.organisation(i.presenterId()) : null))
			.toList();
		List<String> attendance = this.repository.attendance(stored.id())
			.stream()
			.map(this.bodies::organisation)
			.sorted()
			.toList();
		List<MeetingRepository.StoredMeeting> meetings = this.repository.ofBody(body.id());
		Map<Long, Integer> numbers = new java.util.HashMap<>();
		meetings.forEach((m) -> numbers.put(m.id(), m.number()));
		LocalDate previous = meetings.stream()
			.filter((m) -> m.number() < stored.number())
			.map(MeetingRepository.StoredMeeting::heldOn)
			.max(LocalDate::compareTo)
			.orElse(null);
		List<ActionPoint> own = new ArrayList<>();
		List<ActionPoint> carried = new ArrayList<>();
		for (MeetingRepository.StoredAction stored2 : this.repository.actionsOfBody(body.id())) {
			ActionPoint action = toAction(stored2, body, numbers);
			if (action.meeting() == stored.id()) {
				own.add(action);
			}
			else if (action.meetingNumber() < stored.number() && (action.status().open()
					|| (action.closedOn() != null && previous != null && action.closedOn().isAfter(previous)))) {
				int times = (int) meetings.stream()
					.filter((m) -> m.number() > action.meetingNumber() && m.number() <= stored.number())
					.count();
				carried.add(action.carried(times));
			}
		}
		return new Meeting(stored.id(), body.code(), stored.number(), stored.heldOn(), stored.startsAt(),
				stored.place(), stored.agendaPublishedAt(), agenda, attendance, stored.minutes(),
				this.repository.decisions(stored.id()), own, carried, stored.version());
	}

	private Map<Long, Integer> numbers(Body body) {
		Map<Long, Integer> numbers = new java.util.HashMap<>();
		this.repository.ofBody(body.id()).forEach((m) -> numbers.put(m.id(), m.number()));
		return numbers;
	}

	private ActionPoint toAction(MeetingRepository.StoredAction stored, Body body, Map<Long, Integer> numbers) {
		return new ActionPoint(stored.id(), stored.meetingId(), numbers.getOrDefault(stored.meetingId(), 0),
				body.code(), stored.text(), this.bodies.organisation(stored.ownerId()), stored.due(), stored.status(),
				stored.closedOn(), 0, stored.version());
	}

	private Body body(long id) {
		return this.bodies.all()
			.stream()
			.filter((b) -> b.id() == id)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("body", id));
	}

	private Meeting editable(HululPrincipal me, long id) {
		Meeting meeting = get(id);
		requireRunner(me, this.bodies.get(meeting.body()));
		return meeting;
	}

	private void claim(Meeting meeting, int version) {
		if (!this.repository.touch(meeting.id(), version)) {
			throw new StaleEditException(ENTITY, String.valueOf(meeting.id()));
		}
	}

	private void audit(Meeting meeting, String key, Map<String, Object> after) {
		this.audit.record(AuditAction.UPDATE, ENTITY, meeting.id(),
				AuditLog.summary(key, meeting.body(), meeting.number()), null, after);
	}

	private void requireRunner(HululPrincipal me, Body body) {
		if (!this.bodies.mayRun(me, body)) {
			throw new AccessDeniedException("Neither the secretariat nor a coordinator of " + body.code());
		}
	}

	private static @Nullable String blank(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static InvalidInputException.FieldProblem fieldProblem(String field, String key, Object... args) {
		return new InvalidInputException.FieldProblem(field, key, List.of(args));
	}

}
