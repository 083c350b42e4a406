package org.hulul.reporting;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.hulul.db.tables.records.ReportRecord;
import org.jooq.DSLContext;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
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

	private final LineTerms terms;

	ReportingRepository(DSLContext db, LineTerms terms) {
		this.db = db;
		this.terms = terms;
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
		Map<Integer, SortedMap<String, String>> breakdowns = new HashMap<>();
		List<Sorted> lines = new ArrayList<>();
		this.db
			.select(REPORT_VALUE.INDICATOR_ID, REPORT_VALUE.LOCATION_ID, REPORT_VALUE.GROUP_ID,
					REPORT_VALUE.BREAKDOWN_ID, REPORT_VALUE.AMOUNT, REPORT_VALUE.NUMERATOR, REPORT_VALUE.DENOMINATOR,
					REPORT_VALUE.COMMENT)
			.from(REPORT_VALUE)
			.where(REPORT_VALUE.REPORT_ID.eq(reportId))
			.forEach((r) -> {
				String breakdown = this.terms.code(r.value4());
				SortedMap<String, String> pairs = breakdowns.computeIfAbsent(r.value4(),
						(id) -> Collections.unmodifiableSortedMap(parseBreakdown(breakdown)));
				lines.add(new Sorted(
						new ReportLine(this.terms.code(r.value1()), this.terms.code(r.value2()),
								this.terms.code(r.value3()), pairs, r.value5(), r.value6(), r.value7(), r.value8()),
						breakdown));
			});
		lines.sort(Comparator.comparing((Sorted l) -> l.line().indicator())
			.thenComparing((l) -> l.line().location())
			.thenComparing((l) -> l.line().populationGroup())
			.thenComparing(Sorted::breakdown));
		return lines.stream().map(Sorted::line).toList();
	}

	private record Sorted(ReportLine line, String breakdown) {
	}

	/**
	 * Writes a save's changes: deletes the rows of the lines removed or replaced, inserts
	 * the lines added or changed; unchanged lines are not touched. Both in JDBC batches
	 * of one prepared statement (COPY on PostgreSQL): an import writes hundreds of
	 * thousands of rows here.
	 */
	void saveChanges(long reportId, LineChanges.Part changes) {
		List<ReportLine> deleted = changes.deleted();
		List<ReportLine> inserted = changes.written();
		Keys deletedKeys = keys(deleted);
		Keys insertedKeys = keys(inserted);
		String delete = this.db.deleteFrom(REPORT_VALUE)
			.where(REPORT_VALUE.REPORT_ID.eq(0L))
			.and(REPORT_VALUE.INDICATOR_ID.eq(0))
			.and(REPORT_VALUE.LOCATION_ID.eq(0))
			.and(REPORT_VALUE.GROUP_ID.eq(0))
			.and(REPORT_VALUE.BREAKDOWN_ID.eq(0))
			.getSQL();
		this.db.connection((connection) -> {
			try (PreparedStatement statement = connection.prepareStatement(delete)) {
				for (int i = 0; i < deleted.size(); i++) {
					statement.setLong(1, reportId);
					deletedKeys.bind(statement, i, 2);
					statement.addBatch();
					if (i % BATCH == BATCH - 1 || i == deleted.size() - 1) {
						statement.executeBatch();
					}
				}
			}
			if (connection.isWrapperFor(PGConnection.class)) {
				copy(connection.unwrap(PGConnection.class), reportId, inserted, insertedKeys);
			}
			else {
				insert(connection, reportId, inserted, insertedKeys);
			}
		});
	}

	/**
	 * Rows per insert statement: H2 takes a statement of many rows faster than as many
	 * statements.
	 */
	private static final int ROWS_PER_INSERT = 50;

	private void insert(java.sql.Connection connection, long reportId, List<ReportLine> lines, Keys keys)
			throws java.sql.SQLException {
		try (PreparedStatement many = connection.prepareStatement(insertSql(ROWS_PER_INSERT));
				PreparedStatement one = connection.prepareStatement(insertSql(1))) {
			int i = 0;
			for (; i + ROWS_PER_INSERT <= lines.size(); i += ROWS_PER_INSERT) {
				for (int row = 0; row < ROWS_PER_INSERT; row++) {
					bind(many, row * 9, reportId, lines.get(i + row), keys, i + row);
				}
				many.addBatch();
				if ((i / ROWS_PER_INSERT) % 100 == 99) {
					many.executeBatch();
				}
			}
			many.executeBatch();
			for (; i < lines.size(); i++) {
				bind(one, 0, reportId, lines.get(i), keys, i);
				one.addBatch();
			}
			one.executeBatch();
		}
	}

	private static void bind(PreparedStatement statement, int before, long reportId, ReportLine line, Keys keys,
			int index) throws java.sql.SQLException {
		statement.setLong(before + 1, reportId);
		keys.bind(statement, index, before + 2);
		statement.setBigDecimal(before + 6, line.value());
		statement.setBigDecimal(before + 7, line.numerator());
		statement.setBigDecimal(before + 8, line.denominator());
		statement.setString(before + 9, line.comment());
	}

	/** The insert statement of {@code rows} rows, with a parameter per value. */
	private String insertSql(int rows) {
		var values = this.db
			.insertInto(REPORT_VALUE, REPORT_VALUE.REPORT_ID, REPORT_VALUE.INDICATOR_ID, REPORT_VALUE.LOCATION_ID,
					REPORT_VALUE.GROUP_ID, REPORT_VALUE.BREAKDOWN_ID, REPORT_VALUE.AMOUNT, REPORT_VALUE.NUMERATOR,
					REPORT_VALUE.DENOMINATOR, REPORT_VALUE.COMMENT)
			.values(0L, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, "");
		for (int i = 1; i < rows; i++) {
			values = values.values(0L, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, "");
		}
		return values.getSQL();
	}

	/**
	 * PostgreSQL's COPY of the rows, in its text format: several times faster than
	 * inserts, in the same transaction.
	 */
	private static void copy(PGConnection connection, long reportId, List<ReportLine> lines, Keys keys)
			throws java.sql.SQLException {
		String sql = "copy " + REPORT_VALUE.getName() + " (" + REPORT_VALUE.REPORT_ID.getName() + ", "
				+ REPORT_VALUE.INDICATOR_ID.getName() + ", " + REPORT_VALUE.LOCATION_ID.getName() + ", "
				+ REPORT_VALUE.GROUP_ID.getName() + ", " + REPORT_VALUE.BREAKDOWN_ID.getName() + ", "
				+ REPORT_VALUE.AMOUNT.getName() + ", " + REPORT_VALUE.NUMERATOR.getName() + ", "
				+ REPORT_VALUE.DENOMINATOR.getName() + ", " + REPORT_VALUE.COMMENT.getName() + ") from stdin";
		try (var out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(
				new PGCopyOutputStream(connection, sql, 1 << 16), java.nio.charset.StandardCharsets.UTF_8), 1 << 16)) {
			for (int i = 0; i < lines.size(); i++) {
				ReportLine line = lines.get(i);
				out.write(Long.toString(reportId));
				for (int part : keys.keys()[i]) {
					out.write('\t');
					out.write(Integer.toString(part));
				}
				for (BigDecimal number : new BigDecimal[] { line.value(), line.numerator(), line.denominator() }) {
					out.write('\t');
					out.write((number != null) ? number.toPlainString() : "\\N");
				}
				out.write('\t');
				out.write((line.comment() != null) ? copyText(line.comment()) : "\\N");
				out.write('\n');
			}
		}
		catch (java.io.IOException ex) {
			throw (ex.getCause() instanceof java.sql.SQLException refused) ? refused : new java.sql.SQLException(ex);
		}
	}

	/** Text in COPY's text format: backslash, tab and line breaks escaped. */
	private static String copyText(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 8);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\\' -> escaped.append("\\\\");
				case '\t' -> escaped.append("\\t");
				case '\n' -> escaped.append("\\n");
				case '\r' -> escaped.append("\\r");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

	private static final int BATCH = 5000;

	/** The integer keys of lines, in their order. */
	private Keys keys(List<ReportLine> lines) {
		List<String> breakdownCodes = new ArrayList<>(lines.size());
		lines.forEach((l) -> breakdownCodes.add(breakdown(l.disaggregation())));
		Map<String, Integer> indicators = this.terms.ids(LineTerms.Kind.INDICATOR,
				lines.stream().map(ReportLine::indicator).distinct().toList());
		Map<String, Integer> locations = this.terms.ids(LineTerms.Kind.LOCATION,
				lines.stream().map(ReportLine::location).distinct().toList());
		Map<String, Integer> groups = this.terms.ids(LineTerms.Kind.GROUP,
				lines.stream().map(ReportLine::populationGroup).distinct().toList());
		Map<String, Integer> breakdowns = this.terms.ids(LineTerms.Kind.BREAKDOWN,
				breakdownCodes.stream().distinct().toList());
		int[][] keys = new int[lines.size()][];
		for (int i = 0; i < keys.length; i++) {
			ReportLine line = lines.get(i);
			keys[i] = new int[] { indicators.get(line.indicator()), locations.get(line.location()),
					groups.get(line.populationGroup()), breakdowns.get(breakdownCodes.get(i)) };
		}
		return new Keys(keys);
	}

	private record Keys(int[][] keys) {

		void bind(PreparedStatement statement, int line, int firstParameter) throws java.sql.SQLException {
			for (int part = 0; part < 4; part++) {
				statement.setInt(firstParameter + part, this.keys[line][part]);
			}
		}

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

	/** The history of a save's value changes, as one row (see {@link LineChanges}). */
	void insertValueEvents(long reportId, Instant at, String actor, LineChanges changes) {
		this.db.insertInto(REPORT_EVENT)
			.set(REPORT_EVENT.REPORT_ID, reportId)
			.set(REPORT_EVENT.OCCURRED_AT, at.atOffset(ZoneOffset.UTC))
			.set(REPORT_EVENT.ACTOR, actor)
			.set(REPORT_EVENT.KIND, "VALUE")
			.set(REPORT_EVENT.CHANGES, changes.history())
			.execute();
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
			.fetch(ReportingRepository::toHistory)
			.stream()
			.flatMap(List::stream)
			.toList();
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
		return query.orderBy(REPORT_EVENT.ID)
			.fetch(ReportingRepository::toHistory)
			.stream()
			.flatMap(List::stream)
			.toList();
	}

	/** The latest return of the report (status change with the reviewer's comment). */
	Optional<ReportHistoryEntry> latestReturn(long reportId) {
		Long returned = latestReturnId(reportId);
		return (returned == null) ? Optional.empty()
				: this.db.selectFrom(REPORT_EVENT)
					.where(REPORT_EVENT.ID.eq(returned))
					.fetchOptional(ReportingRepository::toHistory)
					.map(List::getFirst);
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
			.fetch(ReportingRepository::toHistory)
			.stream()
			.flatMap(List::stream)
			.toList();
	}

	/** A history row as entries: itself, or each value change of a save. */
	private static List<ReportHistoryEntry> toHistory(org.hulul.db.tables.records.ReportEventRecord r) {
		Instant at = r.getOccurredAt().toInstant();
		if (r.getChanges() == null) {
			return List.of(new ReportHistoryEntry(at, r.getActor(), r.getKind(), r.getFromStatus(), r.getToStatus(),
					r.getLineKey(), r.getOldValue(), r.getNewValue(), r.getComment()));
		}
		List<ReportHistoryEntry> entries = new ArrayList<>();
		for (String change : r.getChanges().split("\n")) {
			String[] parts = change.split("\t", -1);
			entries.add(new ReportHistoryEntry(at, r.getActor(), r.getKind(), null, null, parts[0], blank(parts[1]),
					blank(parts[2]), null));
		}
		return entries;
	}

	private static @Nullable String blank(String part) {
		return part.isEmpty() ? null : part;
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
