package org.hulul.coordination;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hulul.db.tables.records.LibraryDocumentRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Repository;

import static org.hulul.db.Tables.DOCUMENT_COMMENT;
import static org.hulul.db.Tables.DOCUMENT_ROUND;
import static org.hulul.db.Tables.DOCUMENT_SECTION;
import static org.hulul.db.Tables.LIBRARY_DOCUMENT;

/** The library's documents, their review rounds, sections and comments. */
@Repository
class DocumentRepository {

	private final DSLContext db;

	DocumentRepository(DSLContext db) {
		this.db = db;
	}

	record Stored(long id, String title, DocumentKind kind, long bodyId, List<String> objectives, @Nullable String link,
			@Nullable GuidelineClass classification, @Nullable String summary, Instant addedAt, int version) {
	}

	record StoredRound(long id, long documentId, int number, LocalDate deadline, boolean submitted,
			@Nullable Long submittedTo, @Nullable LocalDate submittedOn, int version) {
	}

	record StoredSection(long id, long roundId, int position, String title, @Nullable Long organisationId) {
	}

	record StoredComment(long id, long sectionId, @Nullable Long organisationId, String author, String text,
			Instant writtenAt, @Nullable Resolution resolution, @Nullable String response,
			@Nullable String resolvedBy) {
	}

	List<Stored> all() {
		return this.db.selectFrom(LIBRARY_DOCUMENT)
			.orderBy(LIBRARY_DOCUMENT.ADDED_AT.desc(), LIBRARY_DOCUMENT.ID.desc())
			.fetch(DocumentRepository::stored);
	}

	Optional<Stored> find(long id) {
		return this.db.selectFrom(LIBRARY_DOCUMENT)
			.where(LIBRARY_DOCUMENT.ID.eq(id))
			.fetchOptional(DocumentRepository::stored);
	}

	private static Stored stored(LibraryDocumentRecord r) {
		List<String> objectives = r.getObjectives().isEmpty() ? List.of() : Arrays.asList(r.getObjectives().split(","));
		return new Stored(r.getId(), r.getTitle(), DocumentKind.valueOf(r.getKind()), r.getBodyId(), objectives,
				r.getLink(), (r.getClassification() != null) ? GuidelineClass.valueOf(r.getClassification()) : null,
				r.getSummary(), r.getAddedAt().toInstant(), r.getVersion());
	}

	long insert(Stored document) {
		return this.db.insertInto(LIBRARY_DOCUMENT)
			.set(values(document))
			.set(LIBRARY_DOCUMENT.ADDED_AT, document.addedAt().atOffset(ZoneOffset.UTC))
			.returningResult(LIBRARY_DOCUMENT.ID)
			.fetchSingle(LIBRARY_DOCUMENT.ID);
	}

	/** Changes a document still at {@code version}: false when it changed meanwhile. */
	boolean update(Stored document, int version) {
		return this.db.update(LIBRARY_DOCUMENT)
			.set(values(document))
			.set(LIBRARY_DOCUMENT.VERSION, LIBRARY_DOCUMENT.VERSION.plus(1))
			.where(LIBRARY_DOCUMENT.ID.eq(document.id()))
			.and(LIBRARY_DOCUMENT.VERSION.eq(version))
			.execute() == 1;
	}

	/** What a document's row holds that its editors change. */
	private static Map<Field<?>, @Nullable Object> values(Stored document) {
		Map<Field<?>, @Nullable Object> values = new HashMap<>();
		values.put(LIBRARY_DOCUMENT.TITLE, document.title());
		values.put(LIBRARY_DOCUMENT.KIND, document.kind().name());
		values.put(LIBRARY_DOCUMENT.BODY_ID, document.bodyId());
		values.put(LIBRARY_DOCUMENT.OBJECTIVES, String.join(",", document.objectives()));
		values.put(LIBRARY_DOCUMENT.LINK, document.link());
		values.put(LIBRARY_DOCUMENT.CLASSIFICATION,
				(document.classification() != null) ? document.classification().name() : null);
		values.put(LIBRARY_DOCUMENT.SUMMARY, document.summary());
		return values;
	}

	List<StoredRound> rounds(long documentId) {
		return this.db.selectFrom(DOCUMENT_ROUND)
			.where(DOCUMENT_ROUND.DOCUMENT_ID.eq(documentId))
			.orderBy(DOCUMENT_ROUND.NUMBER)
			.fetch((r) -> new StoredRound(r.getId(), r.getDocumentId(), r.getNumber(), r.getDeadline(),
					"SUBMITTED".equals(r.getStatus()), r.getSubmittedTo(), r.getSubmittedOn(), r.getVersion()));
	}

	Optional<Long> documentOfRound(long roundId) {
		return this.db.select(DOCUMENT_ROUND.DOCUMENT_ID)
			.from(DOCUMENT_ROUND)
			.where(DOCUMENT_ROUND.ID.eq(roundId))
			.fetchOptional(DOCUMENT_ROUND.DOCUMENT_ID);
	}

	Optional<Long> documentOfSection(long sectionId) {
		return this.db.select(DOCUMENT_ROUND.DOCUMENT_ID)
			.from(DOCUMENT_SECTION)
			.join(DOCUMENT_ROUND)
			.on(DOCUMENT_ROUND.ID.eq(DOCUMENT_SECTION.ROUND_ID))
			.where(DOCUMENT_SECTION.ID.eq(sectionId))
			.fetchOptional(DOCUMENT_ROUND.DOCUMENT_ID);
	}

	Optional<Long> documentOfComment(long commentId) {
		return this.db.select(DOCUMENT_ROUND.DOCUMENT_ID)
			.from(DOCUMENT_COMMENT)
			.join(DOCUMENT_SECTION)
			.on(DOCUMENT_SECTION.ID.eq(DOCUMENT_COMMENT.SECTION_ID))
			.join(DOCUMENT_ROUND)
			.on(DOCUMENT_ROUND.ID.eq(DOCUMENT_SECTION.ROUND_ID))
			.where(DOCUMENT_COMMENT.ID.eq(commentId))
			.fetchOptional(DOCUMENT_ROUND.DOCUMENT_ID);
	}

	long insertRound(long documentId, int number, LocalDate deadline, Instant now) {
		return this.db.insertInto(DOCUMENT_ROUND)
			.set(DOCUMENT_ROUND.DOCUMENT_ID, documentId)
			.set(DOCUMENT_ROUND.NUMBER, number)
			.set(DOCUMENT_ROUND.DEADLINE, deadline)
			.set(DOCUMENT_ROUND.OPENED_AT, now.atOffset(ZoneOffset.UTC))
			.returningResult(DOCUMENT_ROUND.ID)
			.fetchSingle(DOCUMENT_ROUND.ID);
	}

	void insertSection(long roundId, int position, String title, @Nullable Long organisationId) {
		this.db.insertInto(DOCUMENT_SECTION)
			.set(DOCUMENT_SECTION.ROUND_ID, roundId)
			.set(DOCUMENT_SECTION.POSITION, position)
			.set(DOCUMENT_SECTION.TITLE, title)
			.set(DOCUMENT_SECTION.ORGANISATION_ID, organisationId)
			.execute();
	}

	/**
	 * Marks a round still at {@code version} submitted: false when it changed meanwhile.
	 */
	boolean submit(long roundId, int version, long to, LocalDate on) {
		return this.db.update(DOCUMENT_ROUND)
			.set(DOCUMENT_ROUND.STATUS, "SUBMITTED")
			.set(DOCUMENT_ROUND.SUBMITTED_TO, to)
			.set(DOCUMENT_ROUND.SUBMITTED_ON, on)
			.set(DOCUMENT_ROUND.VERSION, DOCUMENT_ROUND.VERSION.plus(1))
			.where(DOCUMENT_ROUND.ID.eq(roundId))
			.and(DOCUMENT_ROUND.VERSION.eq(version))
			.and(DOCUMENT_ROUND.STATUS.eq("OPEN"))
			.execute() == 1;
	}

	/** The sections of the rounds, by round. */
	Map<Long, List<StoredSection>> sections(List<Long> roundIds) {
		Map<Long, List<StoredSection>> sections = new HashMap<>();
		this.db.selectFrom(DOCUMENT_SECTION)
			.where(DOCUMENT_SECTION.ROUND_ID.in(roundIds))
			.orderBy(DOCUMENT_SECTION.POSITION)
			.forEach((r) -> sections.computeIfAbsent(r.getRoundId(), (k) -> new ArrayList<>())
				.add(new StoredSection(r.getId(), r.getRoundId(), r.getPosition(), r.getTitle(),
						r.getOrganisationId())));
		return sections;
	}

	/** The comments of the sections, by section, oldest first. */
	Map<Long, List<StoredComment>> comments(List<Long> sectionIds) {
		Map<Long, List<StoredComment>> comments = new HashMap<>();
		this.db.selectFrom(DOCUMENT_COMMENT)
			.where(DOCUMENT_COMMENT.SECTION_ID.in(sectionIds))
			.orderBy(DOCUMENT_COMMENT.WRITTEN_AT, DOCUMENT_COMMENT.ID)
			.forEach((r) -> comments.computeIfAbsent(r.getSectionId(), (k) -> new ArrayList<>())
				.add(new StoredComment(r.getId(), r.getSectionId(), r.getOrganisationId(), r.getAuthor(), r.getText(),
						r.getWrittenAt().toInstant(),
						(r.getResolution() != null) ? Resolution.valueOf(r.getResolution()) : null, r.getResponse(),
						r.getResolvedBy())));
		return comments;
	}

	long insertComment(long sectionId, @Nullable Long organisationId, String author, String text, Instant now) {
		return this.db.insertInto(DOCUMENT_COMMENT)
			.set(DOCUMENT_COMMENT.SECTION_ID, sectionId)
			.set(DOCUMENT_COMMENT.ORGANISATION_ID, organisationId)
			.set(DOCUMENT_COMMENT.AUTHOR, author)
			.set(DOCUMENT_COMMENT.TEXT, text)
			.set(DOCUMENT_COMMENT.WRITTEN_AT, now.atOffset(ZoneOffset.UTC))
			.returningResult(DOCUMENT_COMMENT.ID)
			.fetchSingle(DOCUMENT_COMMENT.ID);
	}

	void resolve(long commentId, Resolution resolution, @Nullable String response, String by) {
		this.db.update(DOCUMENT_COMMENT)
			.set(DOCUMENT_COMMENT.RESOLUTION, resolution.name())
			.set(DOCUMENT_COMMENT.RESPONSE, response)
			.set(DOCUMENT_COMMENT.RESOLVED_BY, by)
			.where(DOCUMENT_COMMENT.ID.eq(commentId))
			.execute();
	}

}
