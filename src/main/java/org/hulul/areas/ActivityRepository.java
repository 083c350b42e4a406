package org.hulul.areas;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.TableField;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Repository;

import static org.hulul.db.Tables.PLAN_ACTIVITY;
import static org.hulul.db.Tables.PLAN_ACTIVITY_INDICATOR;
import static org.hulul.db.Tables.PLAN_ACTIVITY_LOCATION;
import static org.hulul.db.Tables.PLAN_ACTIVITY_SUPPORT;
import static org.hulul.db.Tables.PLAN_ACTIVITY_TARGET;

/** The activities of the plans' implementation plans; organisations by id. */
@Repository
class ActivityRepository {

	private final DSLContext db;

	ActivityRepository(DSLContext db) {
		this.db = db;
	}

	/** An activity as stored: organisations by id. */
	record Stored(long id, long planId, String objective, String titleEn, @Nullable String titleAr,
			List<String> indicators, List<String> locations, List<Activity.Target> targets, long leadId,
			List<Long> supportingIds, boolean governmentLeads, @Nullable LocalDate startsOn, @Nullable LocalDate endsOn,
			ActivityStatus status) {
	}

	/** The plans that have activities. */
	List<Long> plansWithActivities() {
		return this.db.selectDistinct(PLAN_ACTIVITY.PLAN_ID)
			.from(PLAN_ACTIVITY)
			.orderBy(PLAN_ACTIVITY.PLAN_ID)
			.fetch(PLAN_ACTIVITY.PLAN_ID);
	}

	/** A plan's activities, in the order they were added. */
	List<Stored> ofPlan(long planId) {
		Map<Long, List<String>> indicators = parts(planId, PLAN_ACTIVITY_INDICATOR.ACTIVITY_ID,
				PLAN_ACTIVITY_INDICATOR.INDICATOR);
		Map<Long, List<String>> locations = parts(planId, PLAN_ACTIVITY_LOCATION.ACTIVITY_ID,
				PLAN_ACTIVITY_LOCATION.PCODE);
		Map<Long, List<Long>> supporting = parts(planId, PLAN_ACTIVITY_SUPPORT.ACTIVITY_ID,
				PLAN_ACTIVITY_SUPPORT.ORGANISATION_ID);
		Map<Long, List<Activity.Target>> targets = new LinkedHashMap<>();
		this.db
			.select(PLAN_ACTIVITY_TARGET.ACTIVITY_ID, PLAN_ACTIVITY_TARGET.INDICATOR, PLAN_ACTIVITY_TARGET.PERIOD,
					PLAN_ACTIVITY_TARGET.TARGET)
			.from(PLAN_ACTIVITY_TARGET)
			.join(PLAN_ACTIVITY)
			.on(PLAN_ACTIVITY.ID.eq(PLAN_ACTIVITY_TARGET.ACTIVITY_ID))
			.where(PLAN_ACTIVITY.PLAN_ID.eq(planId))
			.orderBy(PLAN_ACTIVITY_TARGET.INDICATOR, PLAN_ACTIVITY_TARGET.PERIOD)
			.forEach((r) -> targets.computeIfAbsent(r.value1(), (k) -> new ArrayList<>())
				.add(new Activity.Target(r.value2(), r.value3(), r.value4())));
		Map<Long, Stored> byId = new LinkedHashMap<>();
		this.db.selectFrom(PLAN_ACTIVITY)
			.where(PLAN_ACTIVITY.PLAN_ID.eq(planId))
			.orderBy(PLAN_ACTIVITY.ID)
			.forEach((r) -> byId.put(r.getId(),
					new Stored(r.getId(), r.getPlanId(), r.getObjective(), r.getTitleEn(), r.getTitleAr(),
							indicators.getOrDefault(r.getId(), List.of()), locations.getOrDefault(r.getId(), List.of()),
							targets.getOrDefault(r.getId(), List.of()), r.getLeadId(),
							supporting.getOrDefault(r.getId(), List.of()), r.getGovernmentLeads(), r.getStartsOn(),
							r.getEndsOn(), ActivityStatus.valueOf(r.getStatus()))));
		return List.copyOf(byId.values());
	}

	/**
	 * One of the lists of a plan's activities (their indicators, say), by activity, in
	 * order.
	 */
	private <T> Map<Long, List<T>> parts(long planId, TableField<?, Long> activity, Field<T> value) {
		Map<Long, List<T>> parts = new LinkedHashMap<>();
		this.db.select(activity, value)
			.from(activity.getTable())
			.join(PLAN_ACTIVITY)
			.on(PLAN_ACTIVITY.ID.eq(activity))
			.where(PLAN_ACTIVITY.PLAN_ID.eq(planId))
			.orderBy(value)
			.forEach((r) -> parts.computeIfAbsent(r.value1(), (k) -> new ArrayList<>()).add(r.value2()));
		return parts;
	}

	long insert(Stored activity) {
		long id = this.db.insertInto(PLAN_ACTIVITY)
			.set(PLAN_ACTIVITY.PLAN_ID, activity.planId())
			.set(PLAN_ACTIVITY.OBJECTIVE, activity.objective())
			.set(PLAN_ACTIVITY.TITLE_EN, activity.titleEn())
			.set(PLAN_ACTIVITY.TITLE_AR, activity.titleAr())
			.set(PLAN_ACTIVITY.LEAD_ID, activity.leadId())
			.set(PLAN_ACTIVITY.GOVERNMENT_LEADS, activity.governmentLeads())
			.set(PLAN_ACTIVITY.STARTS_ON, activity.startsOn())
			.set(PLAN_ACTIVITY.ENDS_ON, activity.endsOn())
			.set(PLAN_ACTIVITY.STATUS, activity.status().name())
			.returningResult(PLAN_ACTIVITY.ID)
			.fetchSingle(PLAN_ACTIVITY.ID);
		putParts(id, activity);
		return id;
	}

	void update(long id, Stored activity) {
		this.db.update(PLAN_ACTIVITY)
			.set(PLAN_ACTIVITY.OBJECTIVE, activity.objective())
			.set(PLAN_ACTIVITY.TITLE_EN, activity.titleEn())
			.set(PLAN_ACTIVITY.TITLE_AR, activity.titleAr())
			.set(PLAN_ACTIVITY.LEAD_ID, activity.leadId())
			.set(PLAN_ACTIVITY.GOVERNMENT_LEADS, activity.governmentLeads())
			.set(PLAN_ACTIVITY.STARTS_ON, activity.startsOn())
			.set(PLAN_ACTIVITY.ENDS_ON, activity.endsOn())
			.set(PLAN_ACTIVITY.STATUS, activity.status().name())
			.where(PLAN_ACTIVITY.ID.eq(id))
			.execute();
		this.db.deleteFrom(PLAN_ACTIVITY_INDICATOR).where(PLAN_ACTIVITY_INDICATOR.ACTIVITY_ID.eq(id)).execute();
		this.db.deleteFrom(PLAN_ACTIVITY_LOCATION).where(PLAN_ACTIVITY_LOCATION.ACTIVITY_ID.eq(id)).execute();
		this.db.deleteFrom(PLAN_ACTIVITY_TARGET).where(PLAN_ACTIVITY_TARGET.ACTIVITY_ID.eq(id)).execute();
		this.db.deleteFrom(PLAN_ACTIVITY_SUPPORT).where(PLAN_ACTIVITY_SUPPORT.ACTIVITY_ID.eq(id)).execute();
		putParts(id, activity);
	}

	void setStatus(long id, ActivityStatus status) {
		this.db.update(PLAN_ACTIVITY).set(PLAN_ACTIVITY.STATUS, status.name()).where(PLAN_ACTIVITY.ID.eq(id)).execute();
	}

	private void putParts(long id, Stored activity) {
		for (String indicator : activity.indicators()) {
			this.db.insertInto(PLAN_ACTIVITY_INDICATOR)
				.set(PLAN_ACTIVITY_INDICATOR.ACTIVITY_ID, id)
				.set(PLAN_ACTIVITY_INDICATOR.INDICATOR, indicator)
				.execute();
		}
		for (String pcode : activity.locations()) {
			this.db.insertInto(PLAN_ACTIVITY_LOCATION)
				.set(PLAN_ACTIVITY_LOCATION.ACTIVITY_ID, id)
				.set(PLAN_ACTIVITY_LOCATION.PCODE, pcode)
				.execute();
		}
		for (Activity.Target target : activity.targets()) {
			this.db.insertInto(PLAN_ACTIVITY_TARGET)
				.set(PLAN_ACTIVITY_TARGET.ACTIVITY_ID, id)
				.set(PLAN_ACTIVITY_TARGET.INDICATOR, target.indicator())
				.set(PLAN_ACTIVITY_TARGET.PERIOD, target.period())
				.set(PLAN_ACTIVITY_TARGET.TARGET, target.value())
				.execute();
		}
		for (long organisation : activity.supportingIds()) {
			this.db.insertInto(PLAN_ACTIVITY_SUPPORT)
				.set(PLAN_ACTIVITY_SUPPORT.ACTIVITY_ID, id)
				.set(PLAN_ACTIVITY_SUPPORT.ORGANISATION_ID, organisation)
				.execute();
		}
	}

}
