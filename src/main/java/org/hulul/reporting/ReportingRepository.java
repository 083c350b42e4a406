package org.hulul.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.hulul.db.tables.records.ReportRecord;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Repository;

import static org.hulul.db.Tables.REPORT;
import static org.hulul.db.Tables.REPORTING_PERIOD;
import static org.hulul.db.Tables.REPORT_EVENT;
import static org.hulul.db.Tables.REPORT_VALUE;

/**
 * Reporting periods with their own deadline and lock date; reports, their values and
 * their history.
 */
@Repository
class ReportingRepository {

	private final DSLContext db;

	ReportingRepository(DSLContext db) {
		this.db = db;
	}

	/** The periods that have their own dates, by period. */
	Map<Period, PeriodDates> customPeriods() {
		return this.db.selectFrom(REPORTING_PERIOD)
			.fetch((r) -> new PeriodDates(Period.parse(r.getPeriod()), r.getDeadline(), r.getLockDate(), true,
					r.getVersion()))
			.stream()
			.collect(Collectors.toMap(PeriodDates::period, (p) -> p));
	}

	/**
	 * Saves a period's dates if the version read is still the saved one (0 for a period
	 * that had none); false when someone else saved first.
	 */
	boolean save(PeriodDates dates, int expectedVersion, Instant now) {
		if (expectedVersion == 0
				&& !this.db.fetchExists(REPORTING_PERIOD, REPORTING_PERIOD.PERIOD.eq(dates.period().toString()))) {
			return this.db.insertInto(REPORTING_PERIOD)
				.set(REPORTING_PERIOD.PERIOD, dates.period().toString())
				.set(REPORTING_PERIOD.DEADLINE, dates.deadline())
				.set(REPORTING_PERIOD.LOCK_DATE, dates.lockDate())
				.set(REPORTING_PERIOD.VERSION, 1)
				.set(REPORTING_PERIOD.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
				.execute() == 1;
		}
		return this.db.update(REPORTING_PERIOD)
			.set(REPORTING_PERIOD.DEADLINE, dates.deadline())
			.set(REPORTING_PERIOD.LOCK_DATE, dates.lockDate())
			.set(REPORTING_PERIOD.VERSION, REPORTING_PERIOD.VERSION.plus(1))
			.set(REPORTING_PERIOD.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
			.where(REPORTING_PERIOD.PERIOD.eq(dates.period().toString()))
			.and(REPORTING_PERIOD.VERSION.eq(expectedVersion))
			.execute() == 1;
	}

	Optional<Report> findReport(long id) {
		return this.db.selectFrom(REPORT).where(REPORT.ID.eq(id)).fetchOptional(ReportingRepository::toReport);
	}

	Optional<Report> findReport(long organisationId, Period period) {
		return this.db.selectFrom(REPORT)
			.where(REPORT.ORGANISATION_ID.eq(organisationId))
			.and(REPORT.PERIOD.eq(period.toString()))
			.fetchOptional(ReportingRepository::toReport);
	}

	long insertReport(long organisationId, Period period, long frameworkVersionId, Instant now) {
		this.db.insertInto(REPORT)
			.set(REPORT.ORGANISATION_ID, organisationId)
			.set(REPORT.PERIOD, period.toString())
			.set(REPORT.FRAMEWORK_VERSION_ID, frameworkVersionId)
			.set(REPORT.STATUS, ReportStatus.DRAFT.name())
			.set(REPORT.CREATED_AT, now.atOffset(ZoneOffset.UTC))
			.set(REPORT.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
			.execute();
		return findReport(organisationId, period).orElseThrow().id();
	}

	/**
	 * Saves the report's status fields and bumps its version if the version read is still
	 * the saved one; false when someone else saved first.
	 */
	boolean updateReport(Report report, Instant now) {
		return this.db.update(REPORT)
			.set(REPORT.STATUS, report.status().name())
			.set(REPORT.LATE, report.late())
			.set(REPORT.REOPENED_AFTER_LOCK, report.reopenedAfterLock())
			.set(REPORT.SUBMITTED_AT,
					(report.submittedAt() != null) ? report.submittedAt().atOffset(ZoneOffset.UTC) : null)
			.set(REPORT.VERSION, REPORT.VERSION.plus(1))
			.set(REPORT.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
			.where(REPORT.ID.eq(report.id()))
			.and(REPORT.VERSION.eq(report.version()))
			.execute() == 1;
	}

	/** Reports of the given organisations (all when null), newest quarter first. */
	List<Report> reports(@Nullable Long organisationId, @Nullable ReportStatus status) {
		var query = this.db.selectFrom(REPORT).where(org.jooq.impl.DSL.trueCondition());
		if (organisationId != null) {
			query = query.and(REPORT.ORGANISATION_ID.eq(organisationId));
		}
		if (status != null) {
			query = query.and(REPORT.STATUS.eq(status.name()));
		}
		return query.orderBy(REPORT.PERIOD.desc(), REPORT.ID).fetch(ReportingRepository::toReport);
	}

	/** Submitted reports, the longest waiting first. */
	List<Report> queue() {
		return this.db.selectFrom(REPORT)
			.where(REPORT.STATUS.eq(ReportStatus.SUBMITTED.name()))
			.orderBy(REPORT.SUBMITTED_AT, REPORT.ID)
			.fetch(ReportingRepository::toReport);
	}

	/** Locks the report's row until the transaction ends. */
	void lock(long reportId) {
		this.db.select(REPORT.ID).from(REPORT).where(REPORT.ID.eq(reportId)).forUpdate().fetch();
	}

	/**
	 * The report's lines in reading order: by indicator, location, population group and
	 * breakdown.
	 */
	List<ReportLine> lines(long reportId) {
		return this.db.selectFrom(REPORT_VALUE)
			.where(REPORT_VALUE.REPORT_ID.eq(reportId))
			.orderBy(REPORT_VALUE.INDICATOR_CODE, REPORT_VALUE.LOCATION_PCODE, REPORT_VALUE.POPULATION_GROUP,
					REPORT_VALUE.DISAGGREGATION)
			.fetch((r) -> new ReportLine(r.getIndicatorCode(), r.getLocationPcode(), r.getPopulationGroup(),
					parseBreakdown(r.getDisaggregation()), r.getAmount(), r.getNumerator(), r.getDenominator(),
					r.getComment()));
	}

	/**
	 * Writes what differs between the saved lines and the new ones: removed and changed
	 * lines are deleted, added and changed ones inserted; unchanged lines are not
	 * touched.
	 */
	void saveChanges(long reportId, List<ReportLine> before, List<ReportLine> after) {
		Map<ReportLine.Key, ReportLine> old = new java.util.HashMap<>();
		before.forEach((l) -> old.put(l.key(), l));
		List<ReportLine> inserted = new java.util.ArrayList<>();
		for (ReportLine line : after) {
			ReportLine was = old.remove(line.key());
			if (was == null || !same(was, line)) {
				inserted.add(line);
				if (was != null) {
					old.put(was.key(), was);
				}
			}
		}
		if (!old.isEmpty()) {
			// by id: the rows of the removed and changed lines
			Map<String, Long> ids = new java.util.HashMap<>();
			this.db
				.select(REPORT_VALUE.ID, REPORT_VALUE.INDICATOR_CODE, REPORT_VALUE.LOCATION_PCODE,
						REPORT_VALUE.POPULATION_GROUP, REPORT_VALUE.DISAGGREGATION)
				.from(REPORT_VALUE)
				.where(REPORT_VALUE.REPORT_ID.eq(reportId))
				.forEach((r) -> ids.put(r.value2() + "|" + r.value3() + "|" + r.value4() + "|" + r.value5(),
						r.value1()));
			List<Long> deleted = old.keySet()
				.stream()
				.map((k) -> ids.get(k.indicator() + "|" + k.location() + "|" + k.populationGroup() + "|"
						+ breakdown(k.disaggregation())))
				.filter(java.util.Objects::nonNull)
				.toList();
			for (int from = 0; from < deleted.size(); from += 1000) {
				this.db.deleteFrom(REPORT_VALUE)
					.where(REPORT_VALUE.ID.in(deleted.subList(from, Math.min(deleted.size(), from + 1000))))
					.execute();
			}
		}
		// one prepared statement, bound once per line and sent in JDBC batches
		for (int from = 0; from < inserted.size(); from += 5000) {
			var batch = this.db.batch(this.db
				.insertInto(REPORT_VALUE, REPORT_VALUE.REPORT_ID, REPORT_VALUE.INDICATOR_CODE,
						REPORT_VALUE.LOCATION_PCODE, REPORT_VALUE.POPULATION_GROUP, REPORT_VALUE.DISAGGREGATION,
						REPORT_VALUE.AMOUNT, REPORT_VALUE.NUMERATOR, REPORT_VALUE.DENOMINATOR, REPORT_VALUE.COMMENT)
				.values((Long) null, null, null, null, null, null, null, null, null));
			for (ReportLine line : inserted.subList(from, Math.min(inserted.size(), from + 5000))) {
				batch = batch.bind(reportId, line.indicator(), line.location(), line.populationGroup(),
						breakdown(line.disaggregation()), line.value(), line.numerator(), line.denominator(),
						line.comment());
			}
			batch.execute();
		}
	}

	private static boolean same(ReportLine a, ReportLine b) {
		return equal(a.value(), b.value()) && equal(a.numerator(), b.numerator())
				&& equal(a.denominator(), b.denominator()) && java.util.Objects.equals(a.comment(), b.comment());
	}

	private static boolean equal(@Nullable BigDecimal a, @Nullable BigDecimal b) {
		return (a == null) ? b == null : b != null && a.compareTo(b) == 0;
	}

	void insertEvent(long reportId, Instant at, String actor, String kind, @Nullable String fromStatus,
			@Nullable String toStatus, @Nullable String lineKey, @Nullable String oldValue, @Nullable String newValue,
			@Nullable String comment) {
		this.db.insertInto(REPORT_EVENT)
			.set(REPORT_EVENT.REPORT_ID, reportId)
			.set(REPORT_EVENT.OCCURRED_AT, at.atOffset(ZoneOffset.UTC))
			.set(REPORT_EVENT.ACTOR, actor)
			.set(REPORT_EVENT.KIND, kind)
			.set(REPORT_EVENT.FROM_STATUS, fromStatus)
			.set(REPORT_EVENT.TO_STATUS, toStatus)
			.set(REPORT_EVENT.LINE_KEY, lineKey)
			.set(REPORT_EVENT.OLD_VALUE, oldValue)
			.set(REPORT_EVENT.NEW_VALUE, newValue)
			.set(REPORT_EVENT.COMMENT, comment)
			.execute();
	}

	/** The history of a save's value changes (each: line key, old value, new value). */
	void insertValueEvents(long reportId, Instant at, String actor, List<String[]> changes) {
		java.time.OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
		for (int from = 0; from < changes.size(); from += 5000) {
			var batch = this.db.batch(this.db
				.insertInto(REPORT_EVENT, REPORT_EVENT.REPORT_ID, REPORT_EVENT.OCCURRED_AT, REPORT_EVENT.ACTOR,
						REPORT_EVENT.KIND, REPORT_EVENT.LINE_KEY, REPORT_EVENT.OLD_VALUE, REPORT_EVENT.NEW_VALUE)
				.values((Long) null, null, null, null, null, null, null));
			for (String[] change : changes.subList(from, Math.min(changes.size(), from + 5000))) {
				batch = batch.bind(reportId, when, actor, "VALUE", change[0], change[1], change[2]);
			}
			batch.execute();
		}
	}

	/**
	 * The history of the latest {@code moments} moments of change (a save or a status
	 * change each), oldest first.
	 */
	List<ReportHistoryEntry> recentHistory(long reportId, int moments) {
		List<java.time.OffsetDateTime> latest = this.db.selectDistinct(REPORT_EVENT.OCCURRED_AT)
			.from(REPORT_EVENT)
			.where(REPORT_EVENT.REPORT_ID.eq(reportId))
			.orderBy(REPORT_EVENT.OCCURRED_AT.desc())
			.limit(moments)
			.fetch(REPORT_EVENT.OCCURRED_AT);
		if (latest.isEmpty()) {
			return List.of();
		}
		return this.db.selectFrom(REPORT_EVENT)
			.where(REPORT_EVENT.REPORT_ID.eq(reportId))
			.and(REPORT_EVENT.OCCURRED_AT.ge(latest.get(latest.size() - 1)))
			.orderBy(REPORT_EVENT.OCCURRED_AT, REPORT_EVENT.ID)
			.fetch(ReportingRepository::toHistory);
	}

	/** How many moments of change the report's history has. */
	int historyMoments(long reportId) {
		return this.db.fetchCount(this.db.selectDistinct(REPORT_EVENT.OCCURRED_AT)
			.from(REPORT_EVENT)
			.where(REPORT_EVENT.REPORT_ID.eq(reportId)));
	}

	/**
	 * The comments on lines that came with the report's latest return (none when it was
	 * never returned).
	 */
	List<ReportHistoryEntry> latestLineComments(long reportId) {
		Long returned = latestReturnId(reportId);
		if (returned == null) {
			return List.of();
		}
		Long next = this.db.select(org.jooq.impl.DSL.min(REPORT_EVENT.ID))
			.from(REPORT_EVENT)
			.where(REPORT_EVENT.REPORT_ID.eq(reportId))
			.and(REPORT_EVENT.KIND.eq("STATUS"))
			.and(REPORT_EVENT.ID.gt(returned))
			.fetchOne(0, Long.class);
		var query = this.db.selectFrom(REPORT_EVENT)
			.where(REPORT_EVENT.REPORT_ID.eq(reportId))
			.and(REPORT_EVENT.KIND.eq("COMMENT"))
			.and(REPORT_EVENT.ID.gt(returned));
		if (next != null) {
			query = query.and(REPORT_EVENT.ID.lt(next));
		}
		return query.orderBy(REPORT_EVENT.ID).fetch(ReportingRepository::toHistory);
	}

	/** The latest return of the report (status change with the reviewer's comment). */
	Optional<ReportHistoryEntry> latestReturn(long reportId) {
		Long returned = latestReturnId(reportId);
		return (returned == null) ? Optional.empty()
				: this.db.selectFrom(REPORT_EVENT)
					.where(REPORT_EVENT.ID.eq(returned))
					.fetchOptional(ReportingRepository::toHistory);
	}

	private @Nullable Long latestReturnId(long reportId) {
		return this.db.select(org.jooq.impl.DSL.max(REPORT_EVENT.ID))
			.from(REPORT_EVENT)
			.where(REPORT_EVENT.REPORT_ID.eq(reportId))
			.and(REPORT_EVENT.KIND.eq("STATUS"))
			.and(REPORT_EVENT.TO_STATUS.eq(ReportStatus.RETURNED.name()))
			.fetchOne(0, Long.class);
	}

	List<ReportHistoryEntry> history(long reportId) {
		return this.db.selectFrom(REPORT_EVENT)
			.where(REPORT_EVENT.REPORT_ID.eq(reportId))
			.orderBy(REPORT_EVENT.OCCURRED_AT, REPORT_EVENT.ID)
			.fetch(ReportingRepository::toHistory);
	}

	private static ReportHistoryEntry toHistory(org.hulul.db.tables.records.ReportEventRecord r) {
		return new ReportHistoryEntry(r.getOccurredAt().toInstant(), r.getActor(), r.getKind(), r.getFromStatus(),
				r.getToStatus(), r.getLineKey(), r.getOldValue(), r.getNewValue(), r.getComment());
	}

	/** Category=option pairs, sorted, joined by ';': the stored form of a breakdown. */
	static String breakdown(Map<String, String> pairs) {
		return pairs.entrySet().stream().map((e) -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
	}

	static TreeMap<String, String> parseBreakdown(String stored) {
		TreeMap<String, String> pairs = new TreeMap<>();
		if (!stored.isEmpty()) {
			for (String pair : stored.split(";")) {
				int at = pair.indexOf('=');
				pairs.put(pair.substring(0, at), pair.substring(at + 1));
			}
		}
		return pairs;
	}

	private static Report toReport(ReportRecord r) {
		return new Report(r.getId(), r.getOrganisationId(), Period.parse(r.getPeriod()), r.getFrameworkVersionId(),
				ReportStatus.valueOf(r.getStatus()), r.getLate(), r.getReopenedAfterLock(),
				(r.getSubmittedAt() != null) ? r.getSubmittedAt().toInstant() : null, r.getVersion());
	}

	static @Nullable String plain(@Nullable BigDecimal number) {
		return (number != null) ? number.stripTrailingZeros().toPlainString() : null;
	}

}
