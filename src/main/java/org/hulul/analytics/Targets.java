package org.hulul.analytics;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hulul.framework.Aggregation;
import org.hulul.framework.FrameworkDefinition;
import org.hulul.framework.FrameworkVersion;
import org.hulul.framework.Frameworks;
import org.hulul.geo.Location;
import org.hulul.geo.Locations;
import org.hulul.platform.AuditAction;
import org.hulul.platform.AuditLog;
import org.hulul.platform.HululPrincipal;
import org.hulul.platform.InvalidInputException;
import org.hulul.platform.NotFoundException;
import org.hulul.platform.Role;
import org.hulul.platform.Settings;
import org.hulul.platform.StaleEditException;
import org.hulul.reporting.Period;
import org.hulul.reporting.ReportingCalendar;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Targets and progress towards them. The secretariat sets a target per indicator,
 * governorate (or Iraq as a whole) and year; what was achieved is what the analytics give
 * for the same indicator, place and year, from the values the asker may see.
 *
 * The status compares the achieved value with what should have been achieved by now: for
 * an indicator that adds up over the year (SUM, MAX_PER_LOCATION) the target pro rata of
 * the year's quarters whose reporting deadline has passed; for a state (LATEST) or a rate
 * (RATIO) the target itself. At or above the green threshold (percent of the expectation)
 * it is green, at or above the amber threshold amber, else red. The thresholds are
 * settings the secretariat changes.
 */
@Service
public class Targets {

	/** The scope of a target for Iraq as a whole: the country's COD-AB code. */
	public static final String NATIONAL = "IQ";

	static final String ENTITY = "indicator_target";

	static final String GREEN_SETTING = "target_thresholds.green";

	static final String AMBER_SETTING = "target_thresholds.amber";

	static final int DEFAULT_GREEN = 90;

	static final int DEFAULT_AMBER = 60;

	private final TargetRepository repository;

	private final Analytics analytics;

	private final AnalyticsStore store;

	private final Frameworks frameworks;

	private final Locations locations;

	private final ReportingCalendar calendar;

	private final Settings settings;

	private final AuditLog audit;

	private final Clock clock;

	Targets(TargetRepository repository, Analytics analytics, AnalyticsStore store, Frameworks frameworks,
			Locations locations, ReportingCalendar calendar, Settings settings, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.analytics = analytics;
		this.store = store;
		this.frameworks = frameworks;
		this.locations = locations;
		this.calendar = calendar;
		this.settings = settings;
		this.audit = audit;
		this.clock = clock;
	}

	/** Where a target stands. */
	public enum Status {

		/** At or above the green threshold of the expectation. */
		GREEN,
		/** At or above the amber threshold. */
		AMBER,
		/** Below the amber threshold. */
		RED,
		/** No quarter of the year is due yet. */
		NOT_DUE,
		/** Quarters are due but no approved value is there. */
		NO_DATA;

		public String key() {
			return "targets.status." + name();
		}

	}

	/** The thresholds, in percent of the expectation. */
	public record Thresholds(int green, int amber) {
	}

	/**
	 * A target with its progress: achieved (null: nothing approved), percent of the
	 * target, what was expected by now and the status.
	 */
	public record Progress(Target target, @Nullable Double achieved, @Nullable Double percent, double expected,
			int quartersDue, boolean proRata, Status status) {

		/** The percent of the target as a page shows it: whole, rounded. */
		public @Nullable Long percentShown() {
			return (this.percent != null) ? Math.round(this.percent) : null;
		}

	}

	public static boolean mayEdit(HululPrincipal me) {
		return me.is(Role.SECRETARIAT) || me.is(Role.ADMIN);
	}

	public List<Target> all(@Nullable Integer year) {
		return this.repository.all(year);
	}

	public int currentYear() {
		return this.calendar.today().getYear();
	}

	/** The years that have targets, and the current one. */
	public List<Integer> years() {
		Set<Integer> years = new java.util.TreeSet<>(this.repository.years());
		years.add(currentYear());
		return List.copyOf(years);
	}

	public Thresholds thresholds() {
		return new Thresholds(setting(GREEN_SETTING, DEFAULT_GREEN), setting(AMBER_SETTING, DEFAULT_AMBER));
	}

	private int setting(String name, int fallback) {
		return this.settings.find(name).map(Integer::parseInt).orElse(fallback);
	}

	/** Changes the thresholds: both between 1 and 100, amber below green. */
	@Transactional
	public Thresholds changeThresholds(HululPrincipal me, int green, int amber) {
		requireEditor(me);
		if (green < 1 || green > 100) {
			throw InvalidInputException.of("green", "targets.error.threshold", green);
		}
		if (amber < 1 || amber >= green) {
			throw InvalidInputException.of("amber", "targets.error.amber", amber, green);
		}
		Thresholds before = thresholds();
		this.settings.put(GREEN_SETTING, Integer.toString(green));
		this.settings.put(AMBER_SETTING, Integer.toString(amber));
		Thresholds after = thresholds();
		this.audit.record(AuditAction.UPDATE, "setting", "targets",
				AuditLog.summary("audit.summary.targetThresholds", green, amber), before, after);
		return after;
	}

	/**
	 * The progress of a year's targets, as the asker sees the values; each status judged
	 * on today's date.
	 */
	public List<Progress> progress(HululPrincipal me, int year) {
		List<Target> targets = this.repository.all(year);
		if (targets.isEmpty()) {
			return List.of();
		}
		FrameworkDefinition framework = this.frameworks.current().map(FrameworkVersion::definition).orElse(null);
		Set<String> indicators = new LinkedHashSet<>();
		targets.forEach((t) -> indicators.add(t.indicator()));
		Map<String, Set<String>> filters = Map.of("year", Set.of(Integer.toString(year)), "indicator", indicators);
		Map<String, @Nullable Double> achieved = new HashMap<>();
		for (AnalyticsResult.Row row : this.analytics
			.query(me, new AnalyticsQuery(List.of("indicator"), filters, false))
			.rows()) {
			achieved.put(row.keys().get("indicator") + "@" + NATIONAL, row.value());
		}
		for (AnalyticsResult.Row row : this.analytics
			.query(me, new AnalyticsQuery(List.of("indicator", "adm1"), filters, false))
			.rows()) {
			achieved.put(row.keys().get("indicator") + "@" + row.keys().get("adm1"), row.value());
		}
		int due = quartersDue(year);
		Thresholds thresholds = thresholds();
		List<Progress> progress = new ArrayList<>();
		for (Target target : targets) {
			Aggregation rule = (framework != null) ? framework.indicator(target.indicator())
				.map(FrameworkDefinition.Indicator::aggregation)
				.orElse(null) : null;
			boolean proRata = rule == null || rule == Aggregation.SUM || rule == Aggregation.MAX_PER_LOCATION;
			progress
				.add(judge(target, achieved.get(target.indicator() + "@" + target.scope()), due, proRata, thresholds));
		}
		return progress;
	}

	/**
	 * What was achieved against targets set outside this module (the activities of a
	 * plan): for each, the approved values of one indicator reported inside its places
	 * (p-codes of any level; none: anywhere) in its period (a quarter {@code 2026Q3} or a
	 * year {@code 2026}), judged as the targets here are: pro rata of the quarters due
	 * for a year of a flow, the whole target once a quarter is due. One question to the
	 * analytics answers them all: values by indicator, quarter and place, added up again
	 * per target by the indicator's rule.
	 */
	public List<Reached> reached(HululPrincipal me, List<Ask> asks) {
		if (asks.isEmpty()) {
			return List.of();
		}
		Set<String> indicators = new LinkedHashSet<>();
		Set<String> years = new LinkedHashSet<>();
		Set<String> places = new LinkedHashSet<>();
		boolean anywhere = false;
		for (Ask ask : asks) {
			indicators.add(ask.indicator());
			years.add(ask.period().substring(0, 4));
			places.addAll(ask.places());
			anywhere |= ask.places().isEmpty();
		}
		Map<String, Set<String>> filters = new HashMap<>();
		filters.put("indicator", indicators);
		filters.put("year", years);
		if (!anywhere) {
			filters.put(Analytics.PLACE, places);
		}
		List<AnalyticsResult.Row> rows = this.analytics
			.query(me, new AnalyticsQuery(List.of("indicator", "period", Analytics.PLACE), filters, false))
			.rows();
		FrameworkDefinition framework = this.frameworks.current().map(FrameworkVersion::definition).orElse(null);
		Map<Integer, Integer> due = new HashMap<>();
		Thresholds thresholds = thresholds();
		List<Reached> reached = new ArrayList<>();
		for (Ask ask : asks) {
			FrameworkDefinition.Indicator indicator = (framework != null)
					? framework.indicator(ask.indicator()).orElse(null) : null;
			Aggregation rule = (indicator != null) ? indicator.aggregation() : Aggregation.SUM;
			boolean quarter = ask.period().contains("Q");
			int year = Integer.parseInt(ask.period().substring(0, 4));
			List<AnalyticsResult.Row> matching = rows.stream()
				.filter((r) -> ask.indicator().equals(r.keys().get("indicator")))
				.filter((r) -> in(r.keys().get("period"), ask.period()))
				.filter((r) -> ask.places().isEmpty() || inside(r.keys().get(Analytics.PLACE), ask.places()))
				.toList();
			Double achieved = combine(rule, indicator, matching);
			int quartersDue = due.computeIfAbsent(year, this::quartersDue);
			int dueNow = quarter ? ((quartersDue >= Period.parse(ask.period()).quarter()) ? 4 : 0) : quartersDue;
			boolean proRata = rule == Aggregation.SUM || rule == Aggregation.MAX_PER_LOCATION;
			Progress judged = judge(new Target(0, ask.indicator(), ask.period(), year, ask.target(), 0), achieved,
					dueNow, proRata, thresholds);
			reached.add(new Reached(judged.achieved(), judged.percent(), judged.expected(), judged.status()));
		}
		return reached;
	}

	/**
	 * A target to judge: an indicator, where (p-codes; none: anywhere), when, how much.
	 */
	public record Ask(String indicator, Set<String> places, String period, double target) {

		public Ask {
			places = Set.copyOf(places);
		}

	}

	private static boolean in(@Nullable String quarter, String period) {
		return quarter != null && (quarter.equals(period) || quarter.startsWith(period + "Q"));
	}

	private static boolean inside(@Nullable String pcode, Set<String> places) {
		if (pcode == null) {
			return false;
		}
		for (String place : places) {
			if (pcode.startsWith(place)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The rows of one indicator (by quarter and place) added up by its rule: flows and
	 * people reached added, ratios from the sums of their parts, stocks at their latest
	 * quarter.
	 */
	private static @Nullable Double combine(Aggregation rule, FrameworkDefinition.@Nullable Indicator indicator,
			List<AnalyticsResult.Row> rows) {
		if (rows.isEmpty()) {
			return null;
		}
		switch (rule) {
			case RATIO -> {
				double numerator = 0;
				double denominator = 0;
				for (AnalyticsResult.Row row : rows) {
					numerator += (row.numerator() != null) ? row.numerator() : 0;
					denominator += (row.denominator() != null) ? row.denominator() : 0;
				}
				boolean percent = indicator != null
						&& indicator.valueType() == org.hulul.framework.ValueType.PERCENTAGE;
				return (denominator == 0) ? null : numerator / denominator * (percent ? 100 : 1);
			}
			case LATEST -> {
				String latest = rows.stream()
					.map((r) -> r.keys().get("period"))
					.filter(java.util.Objects::nonNull)
					.max(String::compareTo)
					.orElse(null);
				return sum(
						rows.stream().filter((r) -> java.util.Objects.equals(latest, r.keys().get("period"))).toList());
			}
			default -> {
				return sum(rows);
			}
		}
	}

	private static @Nullable Double sum(List<AnalyticsResult.Row> rows) {
		double sum = 0;
		boolean any = false;
		for (AnalyticsResult.Row row : rows) {
			if (row.value() != null) {
				sum += row.value();
				any = true;
			}
		}
		return any ? sum : null;
	}

	/**
	 * What was achieved (null: nothing approved), its percent of the target, what was
	 * expected by now, and the status.
	 */
	public record Reached(@Nullable Double achieved, @Nullable Double percent, double expected, Status status) {

		public @Nullable Long percentShown() {
			return (this.percent != null) ? Math.round(this.percent) : null;
		}

	}

	/** The status of a target, given what was achieved and how many quarters are due. */
	static Progress judge(Target target, @Nullable Double achieved, int quartersDue, boolean proRata,
			Thresholds thresholds) {
		double expected = proRata ? target.value() * quartersDue / 4 : target.value();
		Double percent = (achieved != null) ? achieved / target.value() * 100 : null;
		Status status;
		if (quartersDue == 0 && achieved == null) {
			status = Status.NOT_DUE;
		}
		else if (achieved == null) {
			status = Status.NO_DATA;
		}
		else if (expected == 0) {
			status = Status.GREEN;
		}
		else {
			double ofExpected = achieved / expected * 100;
			status = (ofExpected >= thresholds.green()) ? Status.GREEN
					: (ofExpected >= thresholds.amber()) ? Status.AMBER : Status.RED;
		}
		return new Progress(target, achieved, percent, expected, quartersDue, proRata, status);
	}

	/**
	 * How many of the year's quarters are due: those past their reporting deadline, or up
	 * to the latest with approved values when that is later.
	 */
	int quartersDue(int year) {
		int due = 0;
		for (String held : this.store.approvedPeriodCodes()) {
			Period period = Period.parse(held);
			if (period.year() == year) {
				due = Math.max(due, period.quarter());
			}
		}
		for (int quarter = 1; quarter <= 4; quarter++) {
			if (this.calendar.dates(new Period(year, quarter)).deadline().isBefore(this.calendar.today())) {
				due = Math.max(due, quarter);
			}
		}
		return due;
	}

	/**
	 * Sets the target of an indicator, scope and year: adds it, or changes it when
	 * {@code version} is the version of the one there (refused when it is not or not
	 * given).
	 */
	@Transactional
	public Target put(HululPrincipal me, Entered entered, @Nullable Integer version) {
		requireEditor(me);
		Entered row = check(entered);
		Target existing = this.repository.find(row.indicator(), row.scope(), row.year()).orElse(null);
		if (existing == null) {
			long id;
			try {
				id = this.repository.insert(row.indicator(), row.scope(), row.year(), row.value(),
						this.clock.instant());
			}
			catch (DataIntegrityViolationException ex) {
				throw new StaleEditException(ENTITY, name(row));
			}
			Target created = this.repository.find(id).orElseThrow();
			this.audit.record(AuditAction.CREATE, ENTITY, id,
					AuditLog.summary("audit.summary.targetSet", created.indicator(), created.scope(), created.year()),
					null, snapshot(created));
			return created;
		}
		if (version == null || version != existing.version()) {
			throw new StaleEditException(ENTITY, name(row));
		}
		if (existing.value() == row.value()) {
			return existing;
		}
		if (!this.repository.update(existing.id(), version, row.value(), this.clock.instant())) {
			throw new StaleEditException(ENTITY, name(row));
		}
		Target after = this.repository.find(existing.id()).orElseThrow();
		this.audit.record(AuditAction.UPDATE, ENTITY, existing.id(),
				AuditLog.summary("audit.summary.targetChanged", after.indicator(), after.scope(), after.year()),
				snapshot(existing), snapshot(after));
		return after;
	}

	/** Several targets as {@link #put} takes them, all or none. */
	@Transactional
	public List<Target> putAll(HululPrincipal me, List<Put> rows) {
		requireEditor(me);
		List<Target> saved = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			try {
				saved.add(put(me, rows.get(i).entered(), rows.get(i).version()));
			}
			catch (InvalidInputException ex) {
				int row = i;
				throw new InvalidInputException(ex.problems()
					.stream()
					.map((p) -> new InvalidInputException.FieldProblem("[" + row + "]." + p.field(), p.messageKey(),
							p.args()))
					.toList());
			}
		}
		return saved;
	}

	@Transactional
	public void delete(HululPrincipal me, long id, int version) {
		requireEditor(me);
		Target before = this.repository.find(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
		if (!this.repository.delete(id, version)) {
			throw new StaleEditException(ENTITY, before.indicator() + " " + before.scope() + " " + before.year());
		}
		this.audit.record(AuditAction.DELETE, ENTITY, id,
				AuditLog.summary("audit.summary.targetDeleted", before.indicator(), before.scope(), before.year()),
				snapshot(before), null);
	}

	private Entered check(Entered entered) {
		FrameworkDefinition framework = this.frameworks.current().map(FrameworkVersion::definition).orElse(null);
		String indicator = (entered.indicator() != null) ? entered.indicator().strip() : "";
		if (framework == null || framework.indicator(indicator).isEmpty()) {
			throw InvalidInputException.of("indicator", "targets.error.indicator", indicator);
		}
		String scope = (entered.scope() == null || entered.scope().isBlank()) ? NATIONAL
				: entered.scope().strip().toUpperCase(java.util.Locale.ROOT);
		if (!NATIONAL.equals(scope)) {
			Location place = this.locations.find(scope).orElse(null);
			if (place == null || place.level() != 1) {
				throw InvalidInputException.of("scope", "targets.error.scope", scope);
			}
		}
		if (entered.year() == null || entered.year() < 2000 || entered.year() > 2100) {
			throw InvalidInputException.of("year", "targets.error.year", String.valueOf(entered.year()));
		}
		Double value = entered.value();
		if (value == null || !Double.isFinite(value) || value <= 0 || value >= 1e16) {
			throw InvalidInputException.of("value", "targets.error.value", String.valueOf(value));
		}
		return new Entered(indicator, scope, entered.year(), value);
	}

	private static String name(Entered row) {
		return row.indicator() + " " + row.scope() + " " + row.year();
	}

	private static void requireEditor(HululPrincipal me) {
		if (!mayEdit(me)) {
			throw new AccessDeniedException("Only the secretariat and administrators set targets");
		}
	}

	private static Map<String, Object> snapshot(Target target) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("indicator", target.indicator());
		state.put("scope", target.scope());
		state.put("year", target.year());
		state.put("value", target.value());
		return state;
	}

	/** A target to set, with the version it was read at when it exists. */
	public record Put(Entered entered, @Nullable Integer version) {
	}

	/** A target as someone entered it. */
	public record Entered(@Nullable String indicator, @Nullable String scope, @Nullable Integer year,
			@Nullable Double value) {
	}

}
