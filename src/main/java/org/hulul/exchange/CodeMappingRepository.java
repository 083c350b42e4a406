package org.hulul.exchange;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.hulul.db.tables.records.CodeMappingRecord;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Repository;

import static org.hulul.db.Tables.CODE_MAPPING;

/**
 * The mapping table of DHIS2 and ADX codes.
 */
@Repository
class CodeMappingRepository {

	private final DSLContext db;

	CodeMappingRepository(DSLContext db) {
		this.db = db;
	}

	List<CodeMapping> all() {
		return this.db.selectFrom(CODE_MAPPING)
			.orderBy(CODE_MAPPING.KIND, CODE_MAPPING.EXTERNAL_CODE)
			.fetch(CodeMappingRepository::toMapping);
	}

	Optional<CodeMapping> find(long id) {
		return this.db.selectFrom(CODE_MAPPING)
			.where(CODE_MAPPING.ID.eq(id))
			.fetchOptional(CodeMappingRepository::toMapping);
	}

	Optional<CodeMapping> find(CodeMappingKind kind, String externalCode) {
		return this.db.selectFrom(CODE_MAPPING)
			.where(CODE_MAPPING.KIND.eq(kind.name()))
			.and(CODE_MAPPING.EXTERNAL_CODE.eq(externalCode))
			.fetchOptional(CodeMappingRepository::toMapping);
	}

	long insert(CodeMappingKind kind, String externalCode, String hululValue, @Nullable String populationGroup,
			Instant now) {
		this.db.insertInto(CODE_MAPPING)
			.set(CODE_MAPPING.KIND, kind.name())
			.set(CODE_MAPPING.EXTERNAL_CODE, externalCode)
			.set(CODE_MAPPING.HULUL_VALUE, hululValue)
			.set(CODE_MAPPING.POPULATION_GROUP, populationGroup)
			.set(CODE_MAPPING.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
			.execute();
		return find(kind, externalCode).orElseThrow().id();
	}

	/** Saves the row's new values if its version is still {@code expectedVersion}. */
	boolean update(long id, int expectedVersion, String externalCode, String hululValue,
			@Nullable String populationGroup, Instant now) {
		return this.db.update(CODE_MAPPING)
			.set(CODE_MAPPING.EXTERNAL_CODE, externalCode)
			.set(CODE_MAPPING.HULUL_VALUE, hululValue)
			.set(CODE_MAPPING.POPULATION_GROUP, populationGroup)
			.set(CODE_MAPPING.VERSION, CODE_MAPPING.VERSION.plus(1))
			.set(CODE_MAPPING.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
			.where(CODE_MAPPING.ID.eq(id))
			.and(CODE_MAPPING.VERSION.eq(expectedVersion))
			.execute() == 1;
	}

	boolean delete(long id, int expectedVersion) {
		return this.db.deleteFrom(CODE_MAPPING)
			.where(CODE_MAPPING.ID.eq(id))
			.and(CODE_MAPPING.VERSION.eq(expectedVersion))
			.execute() == 1;
	}

	private static CodeMapping toMapping(CodeMappingRecord r) {
		return new CodeMapping(r.getId(), CodeMappingKind.valueOf(r.getKind()), r.getExternalCode(), r.getHululValue(),
				r.getPopulationGroup(), r.getVersion());
	}

}
