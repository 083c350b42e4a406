package org.hulul.coordination;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.hulul.db.tables.records.ApplicationRecord;
import org.hulul.db.tables.records.SelectionRecord;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Repository;

import static org.hulul.db.Tables.APPLICATION;
import static org.hulul.db.Tables.SELECTION;
import static org.hulul.db.Tables.SELECTION_VOTER;

/**
 * Selections, their applications and their electorate. A ballot marks its organisation as
 * having voted and adds one to each chosen application's count, in one transaction: what
 * an organisation chose is kept nowhere.
 */
@Repository
class SelectionRepository {

	private final DSLContext db;

	SelectionRepository(DSLContext db) {
		this.db = db;
	}

	record Stored(long id, long bodyId, SelectionKind kind, @Nullable SeatCategory category, int places,
			@Nullable String purpose, LocalDate deadline, @Nullable LocalDate termStart, @Nullable LocalDate termEnd,
			@Nullable Long replacesId, SelectionStatus status, @Nullable LocalDate votingCloses,
			@Nullable LocalDate endorsedOn, @Nullable Long endorsedMeeting, @Nullable String note, Instant openedAt,
			int version) {
	}

	record StoredApplication(long id, long organisationId, @Nullable String representative, @Nullable String alternate,
			@Nullable String statement, Instant submittedAt, int votes, boolean chosen) {
	}

	record Voter(long organisationId, boolean voted) {
	}

	long insert(Stored selection) {
		return this.db.insertInto(SELECTION)
			.set(SELECTION.BODY_ID, selection.bodyId())
			.set(SELECTION.KIND, selection.kind().name())
			.set(SELECTION.CATEGORY, (selection.category() != null) ? selection.category().name() : null)
			.set(SELECTION.PLACES, selection.places())
			.set(SELECTION.PURPOSE, selection.purpose())
			.set(SELECTION.DEADLINE, selection.deadline())
			.set(SELECTION.TERM_START, selection.termStart())
			.set(SELECTION.TERM_END, selection.termEnd())
			.set(SELECTION.REPLACES_ID, selection.replacesId())
			.set(SELECTION.OPENED_AT, selection.openedAt().atOffset(ZoneOffset.UTC))
			.returningResult(SELECTION.ID)
			.fetchSingle(SELECTION.ID);
	}

	List<Stored> all() {
		return this.db.selectFrom(SELECTION)
			.orderBy(SELECTION.DEADLINE.desc(), SELECTION.ID.desc())
			.fetch(SelectionRepository::stored);
	}

	Optional<Stored> find(long id) {
		return this.db.selectFrom(SELECTION).where(SELECTION.ID.eq(id)).fetchOptional(SelectionRepository::stored);
	}

	private static Stored stored(SelectionRecord r) {
		return new Stored(r.getId(), r.getBodyId(), SelectionKind.valueOf(r.getKind()),
				(r.getCategory() != null) ? SeatCategory.valueOf(r.getCategory()) : null, r.getPlaces(), r.getPurpose(),
				r.getDeadline(), r.getTermStart(), r.getTermEnd(), r.getReplacesId(),
				SelectionStatus.valueOf(r.getStatus()), r.getVotingCloses(), r.getEndorsedOn(), r.getEndorsedMeeting(),
				r.getNote(), r.getOpenedAt().toInstant(), r.getVersion());
	}

	/** Moves a selection still at {@code version} on: false when it changed meanwhile. */
	boolean move(long id, int version, SelectionStatus status, @Nullable LocalDate votingCloses,
			@Nullable LocalDate endorsedOn, @Nullable Long endorsedMeeting, @Nullable String note) {
		return this.db.update(SELECTION)
			.set(SELECTION.STATUS, status.name())
			.set(SELECTION.VOTING_CLOSES, votingCloses)
			.set(SELECTION.ENDORSED_ON, endorsedOn)
			.set(SELECTION.ENDORSED_MEETING, endorsedMeeting)
			.set(SELECTION.NOTE, note)
			.set(SELECTION.VERSION, SELECTION.VERSION.plus(1))
			.where(SELECTION.ID.eq(id))
			.and(SELECTION.VERSION.eq(version))
			.execute() == 1;
	}

	List<StoredApplication> applications(long selectionId) {
		return this.db.selectFrom(APPLICATION)
			.where(APPLICATION.SELECTION_ID.eq(selectionId))
			.orderBy(APPLICATION.SUBMITTED_AT, APPLICATION.ID)
			.fetch(SelectionRepository::application);
	}

	private static StoredApplication application(ApplicationRecord r) {
		return new StoredApplication(r.getId(), r.getOrganisationId(), r.getRepresentative(), r.getAlternate(),
				r.getStatement(), r.getSubmittedAt().toInstant(), r.getVotes(), r.getChosen());
	}

	long insertApplication(long selectionId, long organisationId, @Nullable String representative,
			@Nullable String alternate, @Nullable String statement, Instant now) {
		return this.db.insertInto(APPLICATION)
			.set(APPLICATION.SELECTION_ID, selectionId)
			.set(APPLICATION.ORGANISATION_ID, organisationId)
			.set(APPLICATION.REPRESENTATIVE, representative)
			.set(APPLICATION.ALTERNATE, alternate)
			.set(APPLICATION.STATEMENT, statement)
			.set(APPLICATION.SUBMITTED_AT, now.atOffset(ZoneOffset.UTC))
			.returningResult(APPLICATION.ID)
			.fetchSingle(APPLICATION.ID);
	}

	boolean deleteApplication(long selectionId, long organisationId) {
		return this.db.deleteFrom(APPLICATION)
			.where(APPLICATION.SELECTION_ID.eq(selectionId))
			.and(APPLICATION.ORGANISATION_ID.eq(organisationId))
			.execute() == 1;
	}

	void choose(long selectionId, List<Long> applicationIds) {
		this.db.update(APPLICATION)
			.set(APPLICATION.CHOSEN, APPLICATION.ID.in(applicationIds))
			.where(APPLICATION.SELECTION_ID.eq(selectionId))
			.execute();
	}

	void electorate(long selectionId, List<Long> organisationIds) {
		for (long organisation : organisationIds) {
			this.db.insertInto(SELECTION_VOTER)
				.set(SELECTION_VOTER.SELECTION_ID, selectionId)
				.set(SELECTION_VOTER.ORGANISATION_ID, organisation)
				.execute();
		}
	}

	List<Voter> voters(long selectionId) {
		return this.db.selectFrom(SELECTION_VOTER)
			.where(SELECTION_VOTER.SELECTION_ID.eq(selectionId))
			.orderBy(SELECTION_VOTER.ORGANISATION_ID)
			.fetch((r) -> new Voter(r.getOrganisationId(), r.getVotedAt() != null));
	}

	/**
	 * Casts an organisation's ballot: false when it is not of the electorate or has voted
	 * already (a second ballot, even sent at the same moment, counts for nothing).
	 */
	boolean cast(long selectionId, long organisationId, List<Long> applicationIds, Instant now) {
		int marked = this.db.update(SELECTION_VOTER)
			.set(SELECTION_VOTER.VOTED_AT, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.where(SELECTION_VOTER.SELECTION_ID.eq(selectionId))
			.and(SELECTION_VOTER.ORGANISATION_ID.eq(organisationId))
			.and(SELECTION_VOTER.VOTED_AT.isNull())
			.execute();
		if (marked != 1) {
			return false;
		}
		this.db.update(APPLICATION)
			.set(APPLICATION.VOTES, APPLICATION.VOTES.plus(1))
			.where(APPLICATION.SELECTION_ID.eq(selectionId))
			.and(APPLICATION.ID.in(applicationIds))
			.execute();
		return true;
	}

}
