package org.hulul.framework;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.hulul.db.tables.records.FrameworkVersionRecord;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Repository;

import static org.hulul.db.Tables.FRAMEWORK_INDICATOR;
import static org.hulul.db.Tables.FRAMEWORK_VERSION;

/**
 * Framework versions (each with its definition as JSON) and their indicators.
 */
@Repository
class FrameworkRepository {

	private final DSLContext db;

	FrameworkRepository(DSLContext db) {
		this.db = db;
	}

	long count() {
		return this.db.fetchCount(FRAMEWORK_VERSION);
	}

	long insert(FrameworkDefinition definition, String definitionJson, FrameworkVersion.Status status,
			@Nullable Long basedOn, Instant now, String actor) {
		var published = (status == FrameworkVersion.Status.PUBLISHED) ? now.atOffset(ZoneOffset.UTC) : null;
		this.db.insertInto(FRAMEWORK_VERSION)
			.set(FRAMEWORK_VERSION.FRAMEWORK_CODE, definition.code())
			.set(FRAMEWORK_VERSION.VERSION_LABEL, definition.version())
			.set(FRAMEWORK_VERSION.STATUS, status.name())
			.set(FRAMEWORK_VERSION.DEFINITION, definitionJson)
			.set(FRAMEWORK_VERSION.BASED_ON_ID, basedOn)
			.set(FRAMEWORK_VERSION.CREATED_AT, now.atOffset(ZoneOffset.UTC))
			.set(FRAMEWORK_VERSION.CREATED_BY, actor)
			.set(FRAMEWORK_VERSION.PUBLISHED_AT, published)
			.set(FRAMEWORK_VERSION.PUBLISHED_BY, (published != null) ? actor : null)
			.execute();
		long id = this.db.select(FRAMEWORK_VERSION.ID)
			.from(FRAMEWORK_VERSION)
			.where(FRAMEWORK_VERSION.FRAMEWORK_CODE.eq(definition.code()))
			.and(FRAMEWORK_VERSION.VERSION_LABEL.eq(definition.version()))
			.fetchSingle()
			.value1();
		insertIndicators(id, definition);
		return id;
	}

	private void insertIndicators(long versionId, FrameworkDefinition definition) {
		List<FrameworkDefinition.Indicator> all = definition.indicators().toList();
		if (all.isEmpty()) {
			return;
		}
		var insert = this.db.insertInto(FRAMEWORK_INDICATOR, FRAMEWORK_INDICATOR.FRAMEWORK_VERSION_ID,
				FRAMEWORK_INDICATOR.CODE, FRAMEWORK_INDICATOR.OBJECTIVE_CODE, FRAMEWORK_INDICATOR.VALUE_TYPE,
				FRAMEWORK_INDICATOR.AGGREGATION);
		for (FrameworkDefinition.Indicator indicator : all) {
			insert = insert.values(versionId, indicator.code(), indicator.objectiveCode(), indicator.valueType().name(),
					indicator.aggregation().name());
		}
		insert.execute();
	}

	/** All versions, newest first. */
	List<StoredVersion> all() {
		return this.db.selectFrom(FRAMEWORK_VERSION)
			.orderBy(FRAMEWORK_VERSION.CREATED_AT.desc(), FRAMEWORK_VERSION.ID.desc())
			.fetch(FrameworkRepository::toStored);
	}

	Optional<StoredVersion> find(long id) {
		return this.db.selectFrom(FRAMEWORK_VERSION)
			.where(FRAMEWORK_VERSION.ID.eq(id))
			.fetchOptional(FrameworkRepository::toStored);
	}

	/** The id of the most recently published version. */
	Optional<Long> latestPublishedId() {
		return this.db.select(FRAMEWORK_VERSION.ID)
			.from(FRAMEWORK_VERSION)
			.where(FRAMEWORK_VERSION.STATUS.eq(FrameworkVersion.Status.PUBLISHED.name()))
			.orderBy(FRAMEWORK_VERSION.PUBLISHED_AT.desc(), FRAMEWORK_VERSION.ID.desc())
			.limit(1)
			.fetchOptional(FRAMEWORK_VERSION.ID);
	}

	/** The version a draft was copied from, if any. */
	Optional<Long> basedOn(long id) {
		return this.db.select(FRAMEWORK_VERSION.BASED_ON_ID)
			.from(FRAMEWORK_VERSION)
			.where(FRAMEWORK_VERSION.ID.eq(id))
			.fetchOptional(FRAMEWORK_VERSION.BASED_ON_ID);
	}

	/** The most recently published version. */
	Optional<StoredVersion> latestPublished() {
		return this.db.selectFrom(FRAMEWORK_VERSION)
			.where(FRAMEWORK_VERSION.STATUS.eq(FrameworkVersion.Status.PUBLISHED.name()))
			.orderBy(FRAMEWORK_VERSION.PUBLISHED_AT.desc(), FRAMEWORK_VERSION.ID.desc())
			.limit(1)
			.fetchOptional(FrameworkRepository::toStored);
	}

	boolean exists(String frameworkCode, String label) {
		return this.db.fetchExists(FRAMEWORK_VERSION,
				FRAMEWORK_VERSION.FRAMEWORK_CODE.eq(frameworkCode).and(FRAMEWORK_VERSION.VERSION_LABEL.eq(label)));
	}

	/**
	 * Replaces a draft's definition and indicator list if it is still the version read;
	 * false otherwise (published versions never change).
	 */
	boolean updateDraft(long id, int expectedVersion, FrameworkDefinition definition, String definitionJson) {
		int updated = this.db.update(FRAMEWORK_VERSION)
			.set(FRAMEWORK_VERSION.DEFINITION, definitionJson)
			.set(FRAMEWORK_VERSION.VERSION, FRAMEWORK_VERSION.VERSION.plus(1))
			.where(FRAMEWORK_VERSION.ID.eq(id))
			.and(FRAMEWORK_VERSION.STATUS.eq(FrameworkVersion.Status.DRAFT.name()))
			.and(FRAMEWORK_VERSION.VERSION.eq(expectedVersion))
			.execute();
		if (updated == 1) {
			this.db.deleteFrom(FRAMEWORK_INDICATOR).where(FRAMEWORK_INDICATOR.FRAMEWORK_VERSION_ID.eq(id)).execute();
			insertIndicators(id, definition);
		}
		return updated == 1;
	}

	/** Publishes a draft if it is still the version read; false otherwise. */
	boolean publish(long id, int expectedVersion, Instant now, String actor) {
		return this.db.update(FRAMEWORK_VERSION)
			.set(FRAMEWORK_VERSION.STATUS, FrameworkVersion.Status.PUBLISHED.name())
			.set(FRAMEWORK_VERSION.PUBLISHED_AT, now.atOffset(ZoneOffset.UTC))
			.set(FRAMEWORK_VERSION.PUBLISHED_BY, actor)
			.set(FRAMEWORK_VERSION.VERSION, FRAMEWORK_VERSION.VERSION.plus(1))
			.where(FRAMEWORK_VERSION.ID.eq(id))
			.and(FRAMEWORK_VERSION.STATUS.eq(FrameworkVersion.Status.DRAFT.name()))
			.and(FRAMEWORK_VERSION.VERSION.eq(expectedVersion))
			.execute() == 1;
	}

	/** Deletes a draft (never a published version, which reports may refer to). */
	boolean deleteDraft(long id, int expectedVersion) {
		return this.db.deleteFrom(FRAMEWORK_VERSION)
			.where(FRAMEWORK_VERSION.ID.eq(id))
			.and(FRAMEWORK_VERSION.STATUS.eq(FrameworkVersion.Status.DRAFT.name()))
			.and(FRAMEWORK_VERSION.VERSION.eq(expectedVersion))
			.execute() == 1;
	}

	private static StoredVersion toStored(FrameworkVersionRecord r) {
		return new StoredVersion(r.getId(), r.getFrameworkCode(), r.getVersionLabel(),
				FrameworkVersion.Status.valueOf(r.getStatus()), r.getCreatedAt().toInstant(),
				(r.getPublishedAt() != null) ? r.getPublishedAt().toInstant() : null, r.getDefinition(),
				r.getVersion());
	}

	/** A version row, its definition still as JSON. */
	record StoredVersion(long id, String frameworkCode, String label, FrameworkVersion.Status status, Instant createdAt,
			@Nullable Instant publishedAt, String definitionJson, int version) {
	}

}
