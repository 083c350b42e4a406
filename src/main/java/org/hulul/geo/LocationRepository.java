package org.hulul.geo;

import java.util.List;

import org.jooq.DSLContext;

import org.springframework.stereotype.Repository;

import static org.hulul.db.Tables.LOCATION;

/**
 * The location table.
 */
@Repository
class LocationRepository {

	private final DSLContext db;

	LocationRepository(DSLContext db) {
		this.db = db;
	}

	List<Location> all() {
		return this.db.selectFrom(LOCATION)
			.orderBy(LOCATION.PCODE)
			.fetch((r) -> new Location(r.getPcode(), r.getAdminLevel(), r.getNameEn(), r.getNameAr(),
					r.getParentPcode()));
	}

	long count() {
		return this.db.fetchCount(LOCATION);
	}

	/** Inserts in one batch; parents must come before their children. */
	void insertAll(List<Location> locations) {
		var insert = this.db.insertInto(LOCATION, LOCATION.PCODE, LOCATION.ADMIN_LEVEL, LOCATION.NAME_EN,
				LOCATION.NAME_AR, LOCATION.PARENT_PCODE);
		for (Location location : locations) {
			insert = insert.values(location.pcode(), (short) location.level(), location.nameEn(), location.nameAr(),
					location.parentPcode());
		}
		insert.execute();
	}

}
