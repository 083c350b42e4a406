package org.hulul.organisations;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hulul.db.tables.records.OrganisationRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import org.springframework.stereotype.Repository;

import static org.hulul.db.Tables.ORGANISATION;
import static org.hulul.db.Tables.ORGANISATION_PROGRAMMING;

/**
 * Organisations and their programming tags.
 */
@Repository
class OrganisationRepository {

	private final DSLContext db;

	OrganisationRepository(DSLContext db) {
		this.db = db;
	}

	List<Organisation> all() {
		Map<Long, Set<Programming>> programming = programming();
		return this.db.selectFrom(ORGANISATION)
			.orderBy(DSL.upper(ORGANISATION.CODE))
			.fetch((r) -> toOrganisation(r, programming.getOrDefault(r.getId(), Set.of())));
	}

	Optional<Organisation> find(long id) {
		return this.db.selectFrom(ORGANISATION)
			.where(ORGANISATION.ID.eq(id))
			.fetchOptional((r) -> toOrganisation(r, programmingOf(r.getId())));
	}

	Optional<Organisation> findByCode(String code) {
		return this.db.selectFrom(ORGANISATION)
			.where(ORGANISATION.CODE_KEY.eq(key(code)))
			.fetchOptional((r) -> toOrganisation(r, programmingOf(r.getId())));
	}

	long count() {
		return this.db.fetchCount(ORGANISATION);
	}

	long insert(OrganisationDetails details, boolean demo, Instant now) {
		OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
		this.db.insertInto(ORGANISATION)
			.set(ORGANISATION.CODE, details.code())
			.set(ORGANISATION.CODE_KEY, key(details.code()))
			.set(ORGANISATION.NAME_EN, details.nameEn())
			.set(ORGANISATION.NAME_AR, details.nameAr())
			.set(ORGANISATION.TYPE, details.type().name())
			.set(ORGANISATION.DEMO, demo)
			.set(ORGANISATION.CREATED_AT, at)
			.set(ORGANISATION.UPDATED_AT, at)
			.execute();
		long id = this.db.select(ORGANISATION.ID)
			.from(ORGANISATION)
			.where(ORGANISATION.CODE_KEY.eq(key(details.code())))
			.fetchSingle()
			.value1();
		replaceProgramming(id, details.programming());
		return id;
	}

	/** Saves the details and the active flag if the version still matches. */
	boolean update(long id, int expectedVersion, OrganisationDetails details, boolean active, Instant now) {
		int updated = this.db.update(ORGANISATION)
			.set(ORGANISATION.CODE, details.code())
			.set(ORGANISATION.CODE_KEY, key(details.code()))
			.set(ORGANISATION.NAME_EN, details.nameEn())
			.set(ORGANISATION.NAME_AR, details.nameAr())
			.set(ORGANISATION.TYPE, details.type().name())
			.set(ORGANISATION.ACTIVE, active)
			.set(ORGANISATION.VERSION, ORGANISATION.VERSION.plus(1))
			.set(ORGANISATION.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
			.where(ORGANISATION.ID.eq(id).and(ORGANISATION.VERSION.eq(expectedVersion)))
			.execute();
		if (updated == 1) {
			replaceProgramming(id, details.programming());
		}
		return updated == 1;
	}

	boolean setActive(long id, int expectedVersion, boolean active, Instant now) {
		return this.db.update(ORGANISATION)
			.set(ORGANISATION.ACTIVE, active)
			.set(ORGANISATION.VERSION, ORGANISATION.VERSION.plus(1))
			.set(ORGANISATION.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
			.where(ORGANISATION.ID.eq(id).and(ORGANISATION.VERSION.eq(expectedVersion)))
			.execute() == 1;
	}

	private static String key(String code) {
		return code.strip().toUpperCase(java.util.Locale.ROOT);
	}

	private void replaceProgramming(long id, Set<Programming> programming) {
		this.db.deleteFrom(ORGANISATION_PROGRAMMING).where(ORGANISATION_PROGRAMMING.ORGANISATION_ID.eq(id)).execute();
		if (!programming.isEmpty()) {
			var insert = this.db.insertInto(ORGANISATION_PROGRAMMING, ORGANISATION_PROGRAMMING.ORGANISATION_ID,
					ORGANISATION_PROGRAMMING.PROGRAMMING);
			for (Programming tag : programming) {
				insert = insert.values(id, tag.name());
			}
			insert.execute();
		}
	}

	private Set<Programming> programmingOf(long id) {
		return this.db.select(ORGANISATION_PROGRAMMING.PROGRAMMING)
			.from(ORGANISATION_PROGRAMMING)
			.where(ORGANISATION_PROGRAMMING.ORGANISATION_ID.eq(id))
			.fetchSet((r) -> Programming.valueOf(r.value1()));
	}

	private Map<Long, Set<Programming>> programming() {
		return this.db.selectFrom(ORGANISATION_PROGRAMMING)
			.fetchGroups(ORGANISATION_PROGRAMMING.ORGANISATION_ID, (r) -> Programming.valueOf(r.getProgramming()))
			.entrySet()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, (e) -> Set.copyOf(e.getValue())));
	}

	private static Organisation toOrganisation(OrganisationRecord r, Set<Programming> programming) {
		Set<Programming> tags = programming.isEmpty() ? EnumSet.noneOf(Programming.class) : EnumSet.copyOf(programming);
		return new Organisation(r.getId(), r.getCode(), r.getNameEn(), r.getNameAr(),
				OrganisationType.valueOf(r.getType()), java.util.Collections.unmodifiableSet(tags), r.getActive(),
				r.getDemo(), r.getVersion());
	}

}
