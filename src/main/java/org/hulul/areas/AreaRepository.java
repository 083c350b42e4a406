package org.hulul.areas;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.hulul.db.tables.records.AreaRecord;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Repository;

import static org.hulul.db.Tables.AREA;
import static org.hulul.db.Tables.AREA_COORDINATOR;
import static org.hulul.db.Tables.AREA_LOCATION;
import static org.hulul.db.Tables.AREA_POPULATION_GROUP;
import static org.hulul.db.Tables.AREA_ROLE;

/** The areas and what belongs to them; organisations by id. */
@Repository
class AreaRepository {

	private final DSLContext db;

	AreaRepository(DSLContext db) {
		this.db = db;
	}

	/** A role as stored: the organisation by id. */
	record StoredRole(AreaRoleKind role, long organisationId, @Nullable String note) {
	}

	/** An area as stored. */
	record Stored(long id, String code, String nameEn, @Nullable String nameAr, AreaType type, AreaStatus status,
			List<String> locations, List<StoredRole> roles, List<String> populationGroups, List<Long> coordinators,
			int version) {
	}

	List<Stored> all() {
		List<AreaRecord> areas = this.db.selectFrom(AREA).orderBy(AREA.TYPE.desc(), AREA.CODE).fetch();
		Map<Long, List<String>> locations = new HashMap<>();
		this.db.selectFrom(AREA_LOCATION)
			.orderBy(AREA_LOCATION.POSITION, AREA_LOCATION.PCODE)
			.forEach((r) -> locations.computeIfAbsent(r.getAreaId(), (k) -> new ArrayList<>()).add(r.getPcode()));
		Map<Long, List<StoredRole>> roles = new HashMap<>();
		this.db.selectFrom(AREA_ROLE)
			.orderBy(AREA_ROLE.POSITION)
			.forEach((r) -> roles.computeIfAbsent(r.getAreaId(), (k) -> new ArrayList<>())
				.add(new StoredRole(AreaRoleKind.valueOf(r.getRole()), r.getOrganisationId(), r.getNote())));
		Map<Long, List<String>> groups = new HashMap<>();
		this.db.selectFrom(AREA_POPULATION_GROUP)
			.orderBy(AREA_POPULATION_GROUP.POPULATION_GROUP)
			.forEach(
					(r) -> groups.computeIfAbsent(r.getAreaId(), (k) -> new ArrayList<>()).add(r.getPopulationGroup()));
		Map<Long, List<Long>> coordinators = new HashMap<>();
		this.db.selectFrom(AREA_COORDINATOR)
			.orderBy(AREA_COORDINATOR.USER_ID)
			.forEach((r) -> coordinators.computeIfAbsent(r.getAreaId(), (k) -> new ArrayList<>()).add(r.getUserId()));
		return areas.stream()
			.map((a) -> new Stored(a.getId(), a.getCode(), a.getNameEn(), a.getNameAr(), AreaType.valueOf(a.getType()),
					AreaStatus.valueOf(a.getStatus()), locations.getOrDefault(a.getId(), List.of()),
					roles.getOrDefault(a.getId(), List.of()), groups.getOrDefault(a.getId(), List.of()),
					coordinators.getOrDefault(a.getId(), List.of()), a.getVersion()))
			.toList();
	}

	Optional<Stored> find(String code) {
		String key = code.strip().toUpperCase(Locale.ROOT);
		return all().stream().filter((a) -> a.code().toUpperCase(Locale.ROOT).equals(key)).findFirst();
	}

	boolean exists(String code) {
		return this.db.fetchExists(AREA, AREA.CODE_KEY.eq(code.toUpperCase(Locale.ROOT)));
	}

	long insert(Stored area, Instant now) {
		this.db.insertInto(AREA)
			.set(AREA.CODE, area.code())
			.set(AREA.CODE_KEY, area.code().toUpperCase(Locale.ROOT))
			.set(AREA.NAME_EN, area.nameEn())
			.set(AREA.NAME_AR, area.nameAr())
			.set(AREA.TYPE, area.type().name())
			.set(AREA.STATUS, area.status().name())
			.set(AREA.CREATED_AT, now.atOffset(ZoneOffset.UTC))
			.set(AREA.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
			.execute();
		long id = this.db.select(AREA.ID)
			.from(AREA)
			.where(AREA.CODE_KEY.eq(area.code().toUpperCase(Locale.ROOT)))
			.fetchSingle(AREA.ID);
		writeParts(id, area);
		return id;
	}

	/** Saves the area's new state if its version is still {@code expectedVersion}. */
	boolean update(long id, int expectedVersion, Stored area, Instant now) {
		boolean saved = this.db.update(AREA)
			.set(AREA.NAME_EN, area.nameEn())
			.set(AREA.NAME_AR, area.nameAr())
			.set(AREA.TYPE, area.type().name())
			.set(AREA.STATUS, area.status().name())
			.set(AREA.VERSION, AREA.VERSION.plus(1))
			.set(AREA.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
			.where(AREA.ID.eq(id))
			.and(AREA.VERSION.eq(expectedVersion))
			.execute() == 1;
		if (saved) {
			this.db.deleteFrom(AREA_LOCATION).where(AREA_LOCATION.AREA_ID.eq(id)).execute();
			this.db.deleteFrom(AREA_ROLE).where(AREA_ROLE.AREA_ID.eq(id)).execute();
			this.db.deleteFrom(AREA_POPULATION_GROUP).where(AREA_POPULATION_GROUP.AREA_ID.eq(id)).execute();
			this.db.deleteFrom(AREA_COORDINATOR).where(AREA_COORDINATOR.AREA_ID.eq(id)).execute();
			writeParts(id, area);
		}
		return saved;
	}

	private void writeParts(long id, Stored area) {
		int place = 0;
		for (String pcode : area.locations()) {
			this.db.insertInto(AREA_LOCATION)
				.set(AREA_LOCATION.AREA_ID, id)
				.set(AREA_LOCATION.PCODE, pcode)
				.set(AREA_LOCATION.POSITION, place++)
				.execute();
		}
		int position = 0;
		for (StoredRole role : area.roles()) {
			this.db.insertInto(AREA_ROLE)
				.set(AREA_ROLE.AREA_ID, id)
				.set(AREA_ROLE.ROLE, role.role().name())
				.set(AREA_ROLE.ORGANISATION_ID, role.organisationId())
				.set(AREA_ROLE.NOTE, role.note())
				.set(AREA_ROLE.POSITION, position++)
				.execute();
		}
		for (String group : area.populationGroups()) {
			this.db.insertInto(AREA_POPULATION_GROUP)
				.set(AREA_POPULATION_GROUP.AREA_ID, id)
				.set(AREA_POPULATION_GROUP.POPULATION_GROUP, group)
				.execute();
		}
		for (long user : area.coordinators()) {
			this.db.insertInto(AREA_COORDINATOR)
				.set(AREA_COORDINATOR.AREA_ID, id)
				.set(AREA_COORDINATOR.USER_ID, user)
				.execute();
		}
	}

}
