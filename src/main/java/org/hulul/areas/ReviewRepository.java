package org.hulul.areas;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hulul.db.tables.records.PlanReviewRecord;
import org.hulul.db.tables.records.PlanVersionRecord;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Repository;

import static org.hulul.db.Tables.PLAN_COMMENT;
import static org.hulul.db.Tables.PLAN_REVIEW;
import static org.hulul.db.Tables.PLAN_REVIEW_REVIEWER;
import static org.hulul.db.Tables.PLAN_VERSION;

/** The versions kept of the plans and their review rounds; organisations by id. */
@Repository
class ReviewRepository {

	private final DSLContext db;

	ReviewRepository(DSLContext db) {
		this.db = db;
	}

	/** A version as stored, its content as JSON text. */
	record StoredVersion(long id, long planId, int number, PlanVersion.Reason reason, @Nullable String note,
			Instant takenAt, String takenBy, String content) {
	}

	record StoredReview(long id, long planId, long versionId, LocalDate openedOn, LocalDate deadline,
			Review.Status status, Map<PlanSection, List<Long>> reviewers, List<StoredComment> comments,
			@Nullable LocalDate endorsedOn, @Nullable Long endorsedBy, @Nullable String endorsementNote,
			@Nullable Long endorsedVersionId) {
	}

	record StoredComment(long id, long reviewId, PlanSection section, long organisationId, String author, String body,
			Instant createdAt, Review.@Nullable Resolution resolution, @Nullable String response,
			@Nullable Instant resolvedAt, @Nullable String resolvedBy) {
	}

	long addVersion(long planId, PlanVersion.Reason reason, @Nullable String note, Instant now, String by,
			String content) {
		Integer last = this.db.select(org.jooq.impl.DSL.max(PLAN_VERSION.NUMBER))
			.from(PLAN_VERSION)
			.where(PLAN_VERSION.PLAN_ID.eq(planId))
			.fetchOne(0, Integer.class);
		return this.db.insertInto(PLAN_VERSION)
			.set(PLAN_VERSION.PLAN_ID, planId)
			.set(PLAN_VERSION.NUMBER, (last != null) ? last + 1 : 1)
			.set(PLAN_VERSION.REASON, reason.name())
			.set(PLAN_VERSION.NOTE, note)
			.set(PLAN_VERSION.TAKEN_AT, now.atOffset(ZoneOffset.UTC))
			.set(PLAN_VERSION.TAKEN_BY, by)
			.set(PLAN_VERSION.CONTENT, content)
			.returningResult(PLAN_VERSION.ID)
			.fetchSingle(PLAN_VERSION.ID);
	}

	List<StoredVersion> versions(long planId) {
		return this.db.selectFrom(PLAN_VERSION)
			.where(PLAN_VERSION.PLAN_ID.eq(planId))
			.orderBy(PLAN_VERSION.NUMBER)
			.fetch(ReviewRepository::version);
	}

	Optional<StoredVersion> version(long planId, int number) {
		return this.db.selectFrom(PLAN_VERSION)
			.where(PLAN_VERSION.PLAN_ID.eq(planId))
			.and(PLAN_VERSION.NUMBER.eq(number))
			.fetchOptional(ReviewRepository::version);
	}

	private static StoredVersion version(PlanVersionRecord r) {
		return new StoredVersion(r.getId(), r.getPlanId(), r.getNumber(), PlanVersion.Reason.valueOf(r.getReason()),
				r.getNote(), r.getTakenAt().toInstant(), r.getTakenBy(), r.getContent());
	}

	int versionNumber(long versionId) {
		return this.db.select(PLAN_VERSION.NUMBER)
			.from(PLAN_VERSION)
			.where(PLAN_VERSION.ID.eq(versionId))
			.fetchSingle(PLAN_VERSION.NUMBER);
	}

	long openReview(long planId, long versionId, LocalDate openedOn, LocalDate deadline,
			Map<PlanSection, List<Long>> reviewers) {
		long id = this.db.insertInto(PLAN_REVIEW)
			.set(PLAN_REVIEW.PLAN_ID, planId)
			.set(PLAN_REVIEW.VERSION_ID, versionId)
			.set(PLAN_REVIEW.OPENED_ON, openedOn)
			.set(PLAN_REVIEW.DEADLINE, deadline)
			.set(PLAN_REVIEW.STATUS, Review.Status.OPEN.name())
			.returningResult(PLAN_REVIEW.ID)
			.fetchSingle(PLAN_REVIEW.ID);
		reviewers.forEach((section,
				organisations) -> organisations.forEach((organisation) -> this.db.insertInto(PLAN_REVIEW_REVIEWER)
					.set(PLAN_REVIEW_REVIEWER.REVIEW_ID, id)
					.set(PLAN_REVIEW_REVIEWER.SECTION, section.name())
					.set(PLAN_REVIEW_REVIEWER.ORGANISATION_ID, organisation)
					.execute()));
		return id;
	}

	/** A plan's review rounds, the latest first. */
	List<StoredReview> reviews(long planId) {
		List<StoredReview> reviews = new ArrayList<>();
		for (PlanReviewRecord r : this.db.selectFrom(PLAN_REVIEW)
			.where(PLAN_REVIEW.PLAN_ID.eq(planId))
			.orderBy(PLAN_REVIEW.ID.desc())
			.fetch()) {
			reviews.add(review(r));
		}
		return reviews;
	}

	Optional<StoredReview> review(long id) {
		return this.db.selectFrom(PLAN_REVIEW).where(PLAN_REVIEW.ID.eq(id)).fetchOptional(this::review);
	}

	private StoredReview review(PlanReviewRecord r) {
		Map<PlanSection, List<Long>> reviewers = new EnumMap<>(PlanSection.class);
		this.db.selectFrom(PLAN_REVIEW_REVIEWER)
			.where(PLAN_REVIEW_REVIEWER.REVIEW_ID.eq(r.getId()))
			.orderBy(PLAN_REVIEW_REVIEWER.SECTION, PLAN_REVIEW_REVIEWER.ORGANISATION_ID)
			.forEach((x) -> reviewers.computeIfAbsent(PlanSection.valueOf(x.getSection()), (k) -> new ArrayList<>())
				.add(x.getOrganisationId()));
		List<StoredComment> comments = this.db.selectFrom(PLAN_COMMENT)
			.where(PLAN_COMMENT.REVIEW_ID.eq(r.getId()))
			.orderBy(PLAN_COMMENT.ID)
			.fetch((c) -> new StoredComment(c.getId(), c.getReviewId(), PlanSection.valueOf(c.getSection()),
					c.getOrganisationId(), c.getAuthor(), c.getBody(), c.getCreatedAt().toInstant(),
					(c.getResolution() != null) ? Review.Resolution.valueOf(c.getResolution()) : null, c.getResponse(),
					(c.getResolvedAt() != null) ? c.getResolvedAt().toInstant() : null, c.getResolvedBy()));
		return new StoredReview(r.getId(), r.getPlanId(), r.getVersionId(), r.getOpenedOn(), r.getDeadline(),
				Review.Status.valueOf(r.getStatus()), new LinkedHashMap<>(reviewers), comments, r.getEndorsedOn(),
				r.getEndorsedBy(), r.getEndorsementNote(), r.getEndorsedVersionId());
	}

	long addComment(long reviewId, PlanSection section, long organisationId, String author, String body, Instant now) {
		return this.db.insertInto(PLAN_COMMENT)
			.set(PLAN_COMMENT.REVIEW_ID, reviewId)
			.set(PLAN_COMMENT.SECTION, section.name())
			.set(PLAN_COMMENT.ORGANISATION_ID, organisationId)
			.set(PLAN_COMMENT.AUTHOR, author)
			.set(PLAN_COMMENT.BODY, body)
			.set(PLAN_COMMENT.CREATED_AT, now.atOffset(ZoneOffset.UTC))
			.returningResult(PLAN_COMMENT.ID)
			.fetchSingle(PLAN_COMMENT.ID);
	}

	/** The review a comment belongs to. */
	Optional<Long> reviewOf(long commentId) {
		return this.db.select(PLAN_COMMENT.REVIEW_ID)
			.from(PLAN_COMMENT)
			.where(PLAN_COMMENT.ID.eq(commentId))
			.fetchOptional(PLAN_COMMENT.REVIEW_ID);
	}

	/** Resolves a comment not resolved yet: false when someone resolved it meanwhile. */
	boolean resolve(long commentId, Review.Resolution resolution, @Nullable String response, Instant now, String by) {
		return this.db.update(PLAN_COMMENT)
			.set(PLAN_COMMENT.RESOLUTION, resolution.name())
			.set(PLAN_COMMENT.RESPONSE, response)
			.set(PLAN_COMMENT.RESOLVED_AT, now.atOffset(ZoneOffset.UTC))
			.set(PLAN_COMMENT.RESOLVED_BY, by)
			.where(PLAN_COMMENT.ID.eq(commentId))
			.and(PLAN_COMMENT.RESOLUTION.isNull())
			.execute() == 1;
	}

	/** Ends an open round with the endorsement: false when it is no longer open. */
	boolean endorse(long reviewId, LocalDate on, long organisationId, @Nullable String note, long versionId) {
		return this.db.update(PLAN_REVIEW)
			.set(PLAN_REVIEW.STATUS, Review.Status.ENDORSED.name())
			.set(PLAN_REVIEW.ENDORSED_ON, on)
			.set(PLAN_REVIEW.ENDORSED_BY, organisationId)
			.set(PLAN_REVIEW.ENDORSEMENT_NOTE, note)
			.set(PLAN_REVIEW.ENDORSED_VERSION_ID, versionId)
			.where(PLAN_REVIEW.ID.eq(reviewId))
			.and(PLAN_REVIEW.STATUS.eq(Review.Status.OPEN.name()))
			.execute() == 1;
	}

	/** Closes an open round without endorsement: false when it is no longer open. */
	boolean close(long reviewId) {
		return this.db.update(PLAN_REVIEW)
			.set(PLAN_REVIEW.STATUS, Review.Status.CLOSED.name())
			.where(PLAN_REVIEW.ID.eq(reviewId))
			.and(PLAN_REVIEW.STATUS.eq(Review.Status.OPEN.name()))
			.execute() == 1;
	}

}
