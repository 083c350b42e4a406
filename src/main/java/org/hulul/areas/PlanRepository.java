package org.hulul.areas;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hulul.db.tables.records.PlanRecord;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Repository;

import static org.hulul.db.Tables.PLAN;
import static org.hulul.db.Tables.PLAN_INPUT;
import static org.hulul.db.Tables.PLAN_SECTION;
import static org.hulul.db.Tables.PLAN_STEP;

/** The plans of action; areas and organisations by id. */
@Repository
class PlanRepository {

	private final DSLContext db;

	PlanRepository(DSLContext db) {
		this.db = db;
	}

	/** A plan as stored: its area and the inputs' organisations by id. */
	record Stored(long id, long areaId, String titleEn, @Nullable String titleAr, int step, List<Plan.Step> steps,
			Map<PlanSection, Map<String, String>> sections, List<StoredInput> inputs, int version) {
	}

	record StoredInput(long id, long organisationId, LocalDate receivedOn, int step, String summary) {
	}

	List<Long> ofArea(long areaId) {
		return this.db.select(PLAN.ID).from(PLAN).where(PLAN.AREA_ID.eq(areaId)).orderBy(PLAN.ID).fetch(PLAN.ID);
	}

	Optional<Stored> find(long id) {
		PlanRecord plan = this.db.selectFrom(PLAN).where(PLAN.ID.eq(id)).fetchOne();
		if (plan == null) {
			return Optional.empty();
		}
		List<Plan.Step> steps = this.db.selectFrom(PLAN_STEP)
			.where(PLAN_STEP.PLAN_ID.eq(id))
			.orderBy(PLAN_STEP.STEP)
			.fetch((r) -> new Plan.Step(r.getStep(), r.getStartedOn(), r.getCompletedOn()));
		Map<PlanSection, Map<String, String>> sections = new EnumMap<>(PlanSection.class);
		this.db.selectFrom(PLAN_SECTION)
			.where(PLAN_SECTION.PLAN_ID.eq(id))
			.forEach((r) -> sections.computeIfAbsent(PlanSection.valueOf(r.getSection()), (k) -> new HashMap<>())
				.put(r.getLanguage(), r.getBody()));
		List<StoredInput> inputs = this.db.selectFrom(PLAN_INPUT)
			.where(PLAN_INPUT.PLAN_ID.eq(id))
			.orderBy(PLAN_INPUT.RECEIVED_ON, PLAN_INPUT.ID)
			.fetch((r) -> new StoredInput(r.getId(), r.getOrganisationId(), r.getReceivedOn(), r.getStep(),
					r.getSummary()));
		return Optional.of(new Stored(plan.getId(), plan.getAreaId(), plan.getTitleEn(), plan.getTitleAr(),
				plan.getStep(), steps, sections, inputs, plan.getVersion()));
	}

	long insert(long areaId, String titleEn, @Nullable String titleAr, LocalDate today, Instant now) {
		long id = this.db.insertInto(PLAN)
			.set(PLAN.AREA_ID, areaId)
			.set(PLAN.TITLE_EN, titleEn)
			.set(PLAN.TITLE_AR, titleAr)
			.set(PLAN.STEP, (short) 1)
			.set(PLAN.CREATED_AT, now.atOffset(ZoneOffset.UTC))
			.set(PLAN.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
			.returningResult(PLAN.ID)
			.fetchSingle(PLAN.ID);
		this.db.insertInto(PLAN_STEP)
			.set(PLAN_STEP.PLAN_ID, id)
			.set(PLAN_STEP.STEP, (short) 1)
			.set(PLAN_STEP.STARTED_ON, today)
			.execute();
		return id;
	}

	/**
	 * Claims the plan's next version: false when it is no longer {@code expectedVersion}.
	 */
	boolean touch(long id, int expectedVersion, Instant now) {
		return this.db.update(PLAN)
			.set(PLAN.VERSION, PLAN.VERSION.plus(1))
			.set(PLAN.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
			.where(PLAN.ID.eq(id))
			.and(PLAN.VERSION.eq(expectedVersion))
			.execute() == 1;
	}

	void retitle(long id, String titleEn, @Nullable String titleAr) {
		this.db.update(PLAN).set(PLAN.TITLE_EN, titleEn).set(PLAN.TITLE_AR, titleAr).where(PLAN.ID.eq(id)).execute();
	}

	void putSection(long id, PlanSection section, String language, String body) {
		this.db.deleteFrom(PLAN_SECTION)
			.where(PLAN_SECTION.PLAN_ID.eq(id))
			.and(PLAN_SECTION.SECTION.eq(section.name()))
			.and(PLAN_SECTION.LANGUAGE.eq(language))
			.execute();
		if (!body.isEmpty()) {
			this.db.insertInto(PLAN_SECTION)
				.set(PLAN_SECTION.PLAN_ID, id)
				.set(PLAN_SECTION.SECTION, section.name())
				.set(PLAN_SECTION.LANGUAGE, language)
				.set(PLAN_SECTION.BODY, body)
				.execute();
		}
	}

	/**
	 * Moves the plan to a step: the steps before it completed on {@code on} (those not
	 * yet dated), the step started on {@code on}, later ones forgotten.
	 */
	void moveTo(long id, int step, LocalDate on) {
		this.db.deleteFrom(PLAN_STEP).where(PLAN_STEP.PLAN_ID.eq(id)).and(PLAN_STEP.STEP.ge((short) step)).execute();
		List<Short> held = this.db.select(PLAN_STEP.STEP)
			.from(PLAN_STEP)
			.where(PLAN_STEP.PLAN_ID.eq(id))
			.fetch(PLAN_STEP.STEP);
		for (short s = 1; s < step; s++) {
			if (!held.contains(s)) {
				this.db.insertInto(PLAN_STEP)
					.set(PLAN_STEP.PLAN_ID, id)
					.set(PLAN_STEP.STEP, s)
					.set(PLAN_STEP.STARTED_ON, on)
					.set(PLAN_STEP.COMPLETED_ON, on)
					.execute();
			}
		}
		this.db.update(PLAN_STEP)
			.set(PLAN_STEP.COMPLETED_ON, on)
			.where(PLAN_STEP.PLAN_ID.eq(id))
			.and(PLAN_STEP.COMPLETED_ON.isNull())
			.execute();
		this.db.insertInto(PLAN_STEP)
			.set(PLAN_STEP.PLAN_ID, id)
			.set(PLAN_STEP.STEP, (short) step)
			.set(PLAN_STEP.STARTED_ON, on)
			.execute();
		this.db.update(PLAN).set(PLAN.STEP, (short) step).where(PLAN.ID.eq(id)).execute();
	}

	void addInput(long id, long organisationId, LocalDate on, int step, String summary) {
		this.db.insertInto(PLAN_INPUT)
			.set(PLAN_INPUT.PLAN_ID, id)
			.set(PLAN_INPUT.ORGANISATION_ID, organisationId)
			.set(PLAN_INPUT.RECEIVED_ON, on)
			.set(PLAN_INPUT.STEP, (short) step)
			.set(PLAN_INPUT.SUMMARY, summary)
			.execute();
	}

	/** A plan's first input from the authorities: the plan, its area, who and when. */
	record FirstInput(long planId, long areaId, long organisationId, LocalDate receivedOn) {
	}

	/** The first input from the authorities of every plan that had any. */
	List<FirstInput> firstInputs() {
		Map<Long, FirstInput> first = new java.util.LinkedHashMap<>();
		this.db.select(PLAN.ID, PLAN.AREA_ID, PLAN_INPUT.ORGANISATION_ID, PLAN_INPUT.RECEIVED_ON)
			.from(PLAN)
			.join(PLAN_INPUT)
			.on(PLAN_INPUT.PLAN_ID.eq(PLAN.ID))
			.orderBy(PLAN_INPUT.RECEIVED_ON, PLAN_INPUT.ID)
			.forEach((r) -> first.putIfAbsent(r.value1(),
					new FirstInput(r.value1(), r.value2(), r.value3(), r.value4())));
		return List.copyOf(first.values());
	}

	List<Stored> all() {
		List<Stored> all = new ArrayList<>();
		this.db.select(PLAN.ID).from(PLAN).orderBy(PLAN.ID).forEach((r) -> find(r.value1()).ifPresent(all::add));
		return all;
	}

}
