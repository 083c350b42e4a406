package org.hulul.platform.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Repository;

import static org.hulul.db.Tables.AUDIT_EVENT;

/**
 * The audit log table: append-only.
 */
@Repository
public class AuditRepository {

	private final DSLContext db;

	AuditRepository(DSLContext db) {
		this.db = db;
	}

	public void insert(Instant at, String actor, String action, String entityType, String entityId, String summaryKey,
			String summaryArgs, @Nullable String before, @Nullable String after) {
		this.db.insertInto(AUDIT_EVENT)
			.set(AUDIT_EVENT.OCCURRED_AT, at.atOffset(java.time.ZoneOffset.UTC))
			.set(AUDIT_EVENT.ACTOR, actor)
			.set(AUDIT_EVENT.ACTION, action)
			.set(AUDIT_EVENT.ENTITY_TYPE, entityType)
			.set(AUDIT_EVENT.ENTITY_ID, entityId)
			.set(AUDIT_EVENT.SUMMARY_KEY, summaryKey)
			.set(AUDIT_EVENT.SUMMARY_ARGS, summaryArgs)
			.set(AUDIT_EVENT.BEFORE_STATE, before)
			.set(AUDIT_EVENT.AFTER_STATE, after)
			.execute();
	}

	/**
	 * One page of events matching the filter, newest first, plus one to tell if more
	 * exist.
	 */
	public List<AuditEntry> find(AuditFilter filter, int offset, int limit) {
		return find(filter, java.time.ZoneOffset.UTC, offset, limit);
	}

	/** One page of events matching the filter, whose dates are days in the given zone. */
	public List<AuditEntry> find(AuditFilter filter, java.time.ZoneId zone, int offset, int limit) {
		return this.db.selectFrom(AUDIT_EVENT)
			.where(conditions(filter, zone))
			.orderBy(AUDIT_EVENT.OCCURRED_AT.desc(), AUDIT_EVENT.ID.desc())
			.limit(limit)
			.offset(offset)
			.fetch(r -> new AuditEntry(r.getId(), r.getOccurredAt().toInstant(), r.getActor(), r.getAction(),
					r.getEntityType(), r.getEntityId(), r.getSummaryKey(), r.getSummaryArgs(), r.getBeforeState(),
					r.getAfterState()));
	}

	public List<String> entityTypes() {
		return this.db.selectDistinct(AUDIT_EVENT.ENTITY_TYPE)
			.from(AUDIT_EVENT)
			.orderBy(AUDIT_EVENT.ENTITY_TYPE)
			.fetch(AUDIT_EVENT.ENTITY_TYPE);
	}

	private static List<Condition> conditions(AuditFilter filter, java.time.ZoneId zone) {
		List<Condition> where = new ArrayList<>();
		if (filter.entityType() != null) {
			where.add(AUDIT_EVENT.ENTITY_TYPE.eq(filter.entityType()));
		}
		if (filter.entityId() != null) {
			where.add(AUDIT_EVENT.ENTITY_ID.eq(filter.entityId()));
		}
		if (filter.actor() != null) {
			where.add(DSL.lower(AUDIT_EVENT.ACTOR).contains(filter.actor().toLowerCase(java.util.Locale.ROOT)));
		}
		if (filter.action() != null) {
			where.add(AUDIT_EVENT.ACTION.eq(filter.action()));
		}
		if (filter.from() != null) {
			where.add(AUDIT_EVENT.OCCURRED_AT.ge(filter.from().atStartOfDay(zone).toOffsetDateTime()));
		}
		if (filter.to() != null) {
			where.add(AUDIT_EVENT.OCCURRED_AT.lt(filter.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime()));
		}
		return where;
	}

}
