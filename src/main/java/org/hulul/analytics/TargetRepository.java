package org.hulul.analytics;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.hulul.db.tables.records.IndicatorTargetRecord;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Repository;

import static org.hulul.db.Tables.INDICATOR_TARGET;

/** The targets table. */
@Repository
class TargetRepository {

	private final DSLContext db;

	TargetRepository(DSLContext db) {
		this.db = db;
	}

	/** The targets of a year (all years when null), by indicator and scope. */
	List<Target> all(@Nullable Integer year) {
		return this.db.selectFrom(INDICATOR_TARGET)
			.where((year != null) ? INDICATOR_TARGET.TARGET_YEAR.eq(year) : INDICATOR_TARGET.TARGET_YEAR.isNotNull())
			.orderBy(INDICATOR_TARGET.TARGET_YEAR, INDICATOR_TARGET.INDICATOR_CODE, INDICATOR_TARGET.SCOPE)
			.fetch(TargetRepository::toTarget);
	}

	List<Integer> years() {
		return this.db.selectDistinct(INDICATOR_TARGET.TARGET_YEAR)
			.from(INDICATOR_TARGET)
			.orderBy(INDICATOR_TARGET.TARGET_YEAR)
			.fetch(INDICATOR_TARGET.TARGET_YEAR);
	}

	Optional<Target> find(long id) {
		return this.db.selectFrom(INDICATOR_TARGET)
			.where(INDICATOR_TARGET.ID.eq(id))
			.fetchOptional(TargetRepository::toTarget);
	}

	Optional<Target> find(String indicator, String scope, int year) {
		return this.db.selectFrom(INDICATOR_TARGET)
			.where(INDICATOR_TARGET.INDICATOR_CODE.eq(indicator))
			.and(INDICATOR_TARGET.SCOPE.eq(scope))
			.and(INDICATOR_TARGET.TARGET_YEAR.eq(year))
			.fetchOptional(TargetRepository::toTarget);
	}

	long insert(String indicator, String scope, int year, double value, Instant now) {
		this.db.insertInto(INDICATOR_TARGET)
			.set(INDICATOR_TARGET.INDICATOR_CODE, indicator)
			.set(INDICATOR_TARGET.SCOPE, scope)
			.set(INDICATOR_TARGET.TARGET_YEAR, year)
			.set(INDICATOR_TARGET.TARGET_VALUE, value)
			.set(INDICATOR_TARGET.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
			.execute();
		return find(indicator, scope, year).orElseThrow().id();
	}

	/** Saves the new value if the row's version is still {@code expectedVersion}. */
	boolean update(long id, int expectedVersion, double value, Instant now) {
		return this.db.update(INDICATOR_TARGET)
			.set(INDICATOR_TARGET.TARGET_VALUE, value)
			.set(INDICATOR_TARGET.VERSION, INDICATOR_TARGET.VERSION.plus(1))
			.set(INDICATOR_TARGET.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
			.where(INDICATOR_TARGET.ID.eq(id))
			.and(INDICATOR_TARGET.VERSION.eq(expectedVersion))
			.execute() == 1;
	}

	boolean delete(long id, int expectedVersion) {
		return this.db.deleteFrom(INDICATOR_TARGET)
			.where(INDICATOR_TARGET.ID.eq(id))
			.and(INDICATOR_TARGET.VERSION.eq(expectedVersion))
			.execute() == 1;
	}

	private static Target toTarget(IndicatorTargetRecord r) {
		return new Target(r.getId(), r.getIndicatorCode(), r.getScope(), r.getTargetYear(), r.getTargetValue(),
				r.getVersion());
	}

}
