package org.hulul.coordination;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.hulul.db.tables.records.ActionPointRecord;
import org.hulul.db.tables.records.MeetingRecord;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Repository;

import static org.hulul.db.Tables.ACTION_POINT;
import static org.hulul.db.Tables.AGENDA_ITEM;
import static org.hulul.db.Tables.ATTENDANCE;
import static org.hulul.db.Tables.DECISION;
import static org.hulul.db.Tables.MEETING;

/** Meetings with their agenda, attendance and decisions, and the action points. */
@Repository
class MeetingRepository {

	private final DSLContext db;

	MeetingRepository(DSLContext db) {
		this.db = db;
	}

	record StoredMeeting(long id, long bodyId, int number, LocalDate heldOn, @Nullable String startsAt,
			@Nullable String place, @Nullable Instant agendaPublishedAt, @Nullable String minutes, int version) {
	}

	record StoredItem(long id, int position, String title, @Nullable Integer minutes, @Nullable Long presenterId) {
	}

	record StoredAction(long id, long meetingId, long bodyId, String text, long ownerId, @Nullable LocalDate due,
			ActionStatus status, @Nullable LocalDate closedOn, int version) {
	}

	boolean numberTaken(long bodyId, int number) {
		return this.db.fetchExists(MEETING, MEETING.BODY_ID.eq(bodyId).and(MEETING.NUMBER.eq(number)));
	}

	long insert(long bodyId, int number, LocalDate heldOn, @Nullable String startsAt, @Nullable String place) {
		return this.db.insertInto(MEETING)
			.set(MEETING.BODY_ID, bodyId)
			.set(MEETING.NUMBER, number)
			.set(MEETING.HELD_ON, heldOn)
			.set(MEETING.STARTS_AT, startsAt)
			.set(MEETING.PLACE, place)
			.returningResult(MEETING.ID)
			.fetchSingle(MEETING.ID);
	}

	Optional<StoredMeeting> find(long id) {
		return this.db.selectFrom(MEETING).where(MEETING.ID.eq(id)).fetchOptional(MeetingRepository::meeting);
	}

	/** A body's meetings in order of their numbers. */
	List<StoredMeeting> ofBody(long bodyId) {
		return this.db.selectFrom(MEETING)
			.where(MEETING.BODY_ID.eq(bodyId))
			.orderBy(MEETING.NUMBER)
			.fetch(MeetingRepository::meeting);
	}

	/** Meetings of every body between two days, in order. */
	List<StoredMeeting> between(LocalDate from, LocalDate to) {
		return this.db.selectFrom(MEETING)
			.where(MEETING.HELD_ON.between(from, to))
			.orderBy(MEETING.HELD_ON, MEETING.ID)
			.fetch(MeetingRepository::meeting);
	}

	private static StoredMeeting meeting(MeetingRecord r) {
		return new StoredMeeting(r.getId(), r.getBodyId(), r.getNumber(), r.getHeldOn(), r.getStartsAt(), r.getPlace(),
				(r.getAgendaPublishedAt() != null) ? r.getAgendaPublishedAt().toInstant() : null, r.getMinutes(),
				r.getVersion());
	}

	/** Claims the meeting's next version: false when it is no longer {@code version}. */
	boolean touch(long id, int version) {
		return this.db.update(MEETING)
			.set(MEETING.VERSION, MEETING.VERSION.plus(1))
			.where(MEETING.ID.eq(id))
			.and(MEETING.VERSION.eq(version))
			.execute() == 1;
	}

	void publishAgenda(long id, Instant now) {
		this.db.update(MEETING)
			.set(MEETING.AGENDA_PUBLISHED_AT, now.atOffset(ZoneOffset.UTC))
			.where(MEETING.ID.eq(id))
			.execute();
	}

	void writeMinutes(long id, @Nullable String minutes) {
		this.db.update(MEETING).set(MEETING.MINUTES, minutes).where(MEETING.ID.eq(id)).execute();
	}

	List<StoredItem> agenda(long meetingId) {
		return this.db.selectFrom(AGENDA_ITEM)
			.where(AGENDA_ITEM.MEETING_ID.eq(meetingId))
			.orderBy(AGENDA_ITEM.POSITION, AGENDA_ITEM.ID)
			.fetch((r) -> new StoredItem(r.getId(), r.getPosition(), r.getTitle(), r.getMinutes(), r.getPresenterId()));
	}

	void addItem(long meetingId, String title, @Nullable Integer minutes, @Nullable Long presenterId) {
		Integer last = this.db.select(org.jooq.impl.DSL.max(AGENDA_ITEM.POSITION))
			.from(AGENDA_ITEM)
			.where(AGENDA_ITEM.MEETING_ID.eq(meetingId))
			.fetchOne(0, Integer.class);
		this.db.insertInto(AGENDA_ITEM)
			.set(AGENDA_ITEM.MEETING_ID, meetingId)
			.set(AGENDA_ITEM.POSITION, (last != null) ? last + 1 : 1)
			.set(AGENDA_ITEM.TITLE, title)
			.set(AGENDA_ITEM.MINUTES, minutes)
			.set(AGENDA_ITEM.PRESENTER_ID, presenterId)
			.execute();
	}

	/** Removes an item from the agenda, the items after it moving up one. */
	boolean removeItem(long meetingId, long itemId) {
		Integer position = this.db.select(AGENDA_ITEM.POSITION)
			.from(AGENDA_ITEM)
			.where(AGENDA_ITEM.ID.eq(itemId))
			.and(AGENDA_ITEM.MEETING_ID.eq(meetingId))
			.fetchOne(AGENDA_ITEM.POSITION);
		if (position == null) {
			return false;
		}
		this.db.deleteFrom(AGENDA_ITEM).where(AGENDA_ITEM.ID.eq(itemId)).execute();
		this.db.update(AGENDA_ITEM)
			.set(AGENDA_ITEM.POSITION, AGENDA_ITEM.POSITION.minus(1))
			.where(AGENDA_ITEM.MEETING_ID.eq(meetingId))
			.and(AGENDA_ITEM.POSITION.gt(position))
			.execute();
		return true;
	}

	List<Long> attendance(long meetingId) {
		return this.db.select(ATTENDANCE.ORGANISATION_ID)
			.from(ATTENDANCE)
			.where(ATTENDANCE.MEETING_ID.eq(meetingId))
			.fetch(ATTENDANCE.ORGANISATION_ID);
	}

	void putAttendance(long meetingId, List<Long> organisations) {
		this.db.deleteFrom(ATTENDANCE).where(ATTENDANCE.MEETING_ID.eq(meetingId)).execute();
		for (long organisation : organisations) {
			this.db.insertInto(ATTENDANCE)
				.set(ATTENDANCE.MEETING_ID, meetingId)
				.set(ATTENDANCE.ORGANISATION_ID, organisation)
				.execute();
		}
	}

	List<String> decisions(long meetingId) {
		return this.db.select(DECISION.TEXT)
			.from(DECISION)
			.where(DECISION.MEETING_ID.eq(meetingId))
			.orderBy(DECISION.ID)
			.fetch(DECISION.TEXT);
	}

	void addDecision(long meetingId, String text) {
		this.db.insertInto(DECISION).set(DECISION.MEETING_ID, meetingId).set(DECISION.TEXT, text).execute();
	}

	long addAction(long meetingId, long bodyId, String text, long ownerId, @Nullable LocalDate due) {
		return this.db.insertInto(ACTION_POINT)
			.set(ACTION_POINT.MEETING_ID, meetingId)
			.set(ACTION_POINT.BODY_ID, bodyId)
			.set(ACTION_POINT.TEXT, text)
			.set(ACTION_POINT.OWNER_ID, ownerId)
			.set(ACTION_POINT.DUE_ON, due)
			.set(ACTION_POINT.STATUS, ActionStatus.PENDING.name())
			.returningResult(ACTION_POINT.ID)
			.fetchSingle(ACTION_POINT.ID);
	}

	Optional<StoredAction> action(long id) {
		return this.db.selectFrom(ACTION_POINT).where(ACTION_POINT.ID.eq(id)).fetchOptional(MeetingRepository::action);
	}

	/** A body's action points, in the order they were raised. */
	List<StoredAction> actionsOfBody(long bodyId) {
		return this.db.selectFrom(ACTION_POINT)
			.where(ACTION_POINT.BODY_ID.eq(bodyId))
			.orderBy(ACTION_POINT.ID)
			.fetch(MeetingRepository::action);
	}

	/** Every open action point, in the order they were raised. */
	List<StoredAction> openActions() {
		return this.db.selectFrom(ACTION_POINT)
			.where(ACTION_POINT.STATUS.in(ActionStatus.PENDING.name(), ActionStatus.IN_PROGRESS.name()))
			.orderBy(ACTION_POINT.ID)
			.fetch(MeetingRepository::action);
	}

	private static StoredAction action(ActionPointRecord r) {
		return new StoredAction(r.getId(), r.getMeetingId(), r.getBodyId(), r.getText(), r.getOwnerId(), r.getDueOn(),
				ActionStatus.valueOf(r.getStatus()), r.getClosedOn(), r.getVersion());
	}

	/**
	 * Sets an action point's status if still at {@code version}: false when it changed.
	 */
	boolean setStatus(long id, int version, ActionStatus status, @Nullable LocalDate closedOn) {
		return this.db.update(ACTION_POINT)
			.set(ACTION_POINT.STATUS, status.name())
			.set(ACTION_POINT.CLOSED_ON, closedOn)
			.set(ACTION_POINT.VERSION, ACTION_POINT.VERSION.plus(1))
			.where(ACTION_POINT.ID.eq(id))
			.and(ACTION_POINT.VERSION.eq(version))
			.execute() == 1;
	}

}
