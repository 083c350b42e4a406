package org.hulul.analytics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.hulul.framework.Aggregation;
import org.hulul.framework.FrameworkDefinition;
import org.hulul.framework.Frameworks;
import org.hulul.framework.ValueType;
import org.hulul.geo.Location;
import org.hulul.geo.Locations;
import org.hulul.organisations.Organisation;
import org.hulul.organisations.Organisations;
import org.hulul.reporting.Report;
import org.hulul.reporting.ReportStatusChanged;
import org.hulul.reporting.ReportFacts;
import org.hulul.reporting.ReportLine;
import org.hulul.reporting.ReportStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The values of every approved and submitted report, in columns, one {@link Segment} per
 * report. It compares the reports' versions with the ones it holds at most every half
 * second when asked (so another instance's approval shows within a second) and at once
 * when a report's status changes on this instance; a report changed since is read again,
 * one no longer approved or submitted is dropped.
 */
@Component
class AnalyticsStore {

	private static final Duration FRESH = Duration.ofMillis(500);

	final Dictionary indicators = new Dictionary();

	final Dictionary locations = new Dictionary();

	final Dictionary groups = new Dictionary();

	final Dictionary breakdowns = new Dictionary();

	final Dictionary organisations = new Dictionary();

	final Dictionary organisationTypes = new Dictionary();

	final Dictionary periods = new Dictionary();

	final Dictionary years = new Dictionary();

	final Dictionary objectives = new Dictionary();

	final Dictionary subCriteria = new Dictionary();

	final Dictionary categories = new Dictionary();

	final Dictionary options = new Dictionary();

	/** By indicator number: its objective, sub-criterion, rule and unit. */
	final Map<Integer, IndicatorInfo> indicatorInfo = new ConcurrentHashMap<>();

	/**
	 * By location number: the numbers of its governorate, district and sub-district (-1
	 * above its level).
	 */
	final Map<Integer, int[]> locationPath = new ConcurrentHashMap<>();

	/** By breakdown number: option number by category number. */
	final Map<Integer, Map<Integer, Integer>> breakdownOptions = new ConcurrentHashMap<>();

	private final ReportFacts facts;

	private final Frameworks frameworks;

	private final Locations geography;

	private final Organisations directory;

	private final Clock clock;

	private volatile Map<Long, Segment> segments = Map.of();

	private final org.springframework.beans.factory.ObjectProvider<ComputedValues> computedSources;

	/** The values other modules compute, as segments of no report (negative ids). */
	private volatile List<Segment> computed = List.of();

	private volatile Instant computedAt = Instant.MIN;

	private volatile boolean computedStale = true;

	private volatile Instant checked = Instant.MIN;

	AnalyticsStore(ReportFacts facts, Frameworks frameworks, Locations geography, Organisations directory, Clock clock,
			org.springframework.beans.factory.ObjectProvider<ComputedValues> computedSources) {
		this.computedSources = computedSources;
		this.facts = facts;
		this.frameworks = frameworks;
		this.geography = geography;
		this.directory = directory;
		this.clock = clock;
	}

	record IndicatorInfo(int objective, int subCriterion, Aggregation aggregation, ValueType valueType, String unit) {
	}

	/** The segments as of at most half a second ago, and the computed values. */
	List<Segment> segments() {
		if (Duration.between(this.checked, this.clock.instant()).compareTo(FRESH) > 0) {
			refresh();
		}
		if (this.computedStale || Duration.between(this.computedAt, this.clock.instant()).compareTo(COMPUTED) > 0) {
			compute();
		}
		List<Segment> all = new ArrayList<>(this.segments.values());
		all.addAll(this.computed);
		return all;
	}

	private static final Duration COMPUTED = Duration.ofSeconds(30);

	/** Another module's computed values changed here: they are read again at once. */
	@TransactionalEventListener(fallbackExecution = true)
	void computedChanged(ComputedValuesChanged event) {
		this.computedStale = true;
	}

	/**
	 * Reads the computed values again: one segment per organisation and quarter,
	 * approved, each value a total of its indicator at its place.
	 */
	synchronized void compute() {
		Instant now = this.clock.instant();
		this.computedStale = false;
		this.frameworks.current().ifPresent((v) -> describeIndicators(v.id()));
		Map<String, List<ComputedValues.Value>> byReport = new LinkedHashMap<>();
		this.computedSources.orderedStream()
			.flatMap((source) -> source.values().stream())
			.forEach((v) -> byReport.computeIfAbsent(v.organisation() + "|" + v.period(), (k) -> new ArrayList<>())
				.add(v));
		List<Segment> next = new ArrayList<>();
		long id = -1;
		for (List<ComputedValues.Value> values : byReport.values()) {
			ComputedValues.Value first = values.get(0);
			Organisation organisation = this.directory.getByCode(first.organisation()).orElse(null);
			if (organisation == null) {
				continue;
			}
			int n = values.size();
			int[] indicator = new int[n];
			int[] location = new int[n];
			int[] group = new int[n];
			int[] breakdown = new int[n];
			byte[] kind = new byte[n];
			double[] a = new double[n];
			double[] b = new double[n];
			for (int i = 0; i < n; i++) {
				ComputedValues.Value value = values.get(i);
				indicator[i] = this.indicators.id(value.indicator());
				location[i] = location(value.location());
				group[i] = -1;
				breakdown[i] = breakdown("", Map.of());
				kind[i] = Segment.TOTAL_ONLY;
				a[i] = value.value();
			}
			org.hulul.reporting.Period period = org.hulul.reporting.Period.parse(first.period());
			next.add(new Segment(id--, 0, true, this.organisations.id(organisation.code()),
					this.organisationTypes.id(organisation.type().name()), this.periods.id(period.toString()),
					this.years.id(String.valueOf(period.year())), indicator, location, group, breakdown, kind, a, b));
		}
		this.computed = List.copyOf(next);
		this.computedAt = now;
	}

	/**
	 * A report submitted, returned, approved or reopened here: its values are taken or
	 * dropped now.
	 */
	@TransactionalEventListener
	void changed(ReportStatusChanged event) {
		refresh();
	}

	/**
	 * Reads every report once the application is up, so the first question does not wait
	 * for it.
	 */
	@org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
	void warmUp() {
		Thread.ofVirtual().name("hulul-analytics-load").start(() -> {
			try {
				long start = System.nanoTime();
				refresh();
				long values = this.segments.values().stream().mapToLong(Segment::size).sum();
				org.slf4j.LoggerFactory.getLogger(AnalyticsStore.class)
					.info("Analytics holds {} rows of {} approved and submitted reports, read in {} ms", values,
							this.segments.size(), (System.nanoTime() - start) / 1_000_000);
			}
			catch (RuntimeException ex) {
				org.slf4j.LoggerFactory.getLogger(AnalyticsStore.class)
					.warn("Analytics could not read the reports yet; the first question will", ex);
			}
		});
	}

	/** Reads the reports that changed since the last look. */
	synchronized void refresh() {
		Instant now = this.clock.instant();
		Map<Long, Segment> held = this.segments;
		Map<Long, Segment> next = new LinkedHashMap<>();
		for (Report report : this.facts.reports()) {
			boolean approved = report.status() == ReportStatus.APPROVED;
			if (!approved && report.status() != ReportStatus.SUBMITTED) {
				continue;
			}
			Segment segment = held.get(report.id());
			next.put(report.id(),
					(segment != null && segment.version() == report.version()) ? segment : load(report, approved));
		}
		this.segments = next;
		this.checked = now;
	}

	private Segment load(Report report, boolean approved) {
		describeIndicators(report.frameworkVersionId());
		Organisation organisation = this.directory.get(report.organisationId()).orElseThrow();
		List<Row> rows = rows(this.facts.lines(report.id()));
		int n = rows.size();
		int[] indicator = new int[n];
		int[] location = new int[n];
		int[] group = new int[n];
		int[] breakdown = new int[n];
		byte[] kind = new byte[n];
		double[] a = new double[n];
		double[] b = new double[n];
		for (int i = 0; i < n; i++) {
			Row row = rows.get(i);
			ReportLine line = row.line();
			indicator[i] = this.indicators.id(line.indicator());
			location[i] = location(line.location());
			group[i] = this.groups.id(line.populationGroup());
			breakdown[i] = breakdown(line.breakdownCode(), line.disaggregation());
			kind[i] = row.kind();
			a[i] = row.a();
			b[i] = row.b();
		}
		return new Segment(report.id(), report.version(), approved, this.organisations.id(organisation.code()),
				this.organisationTypes.id(organisation.type().name()), this.periods.id(report.period().toString()),
				this.years.id(String.valueOf(report.period().year())), indicator, location, group, breakdown, kind, a,
				b);
	}

	private record Row(ReportLine line, byte kind, double a, double b) {
	}

	/**
	 * A report's lines as rows: per indicator, location and group, the total (entered, or
	 * the sum of the cells) and the cells of the breakdown (the lines with the most
	 * categories).
	 */
	private static List<Row> rows(List<ReportLine> lines) {
		Map<String, List<ReportLine>> parts = new LinkedHashMap<>();
		for (ReportLine line : lines) {
			if (line.value() != null || (line.numerator() != null && line.denominator() != null)) {
				parts
					.computeIfAbsent(line.indicator() + '|' + line.location() + '|' + line.populationGroup(),
							(k) -> new ArrayList<>())
					.add(line);
			}
		}
		List<Row> rows = new ArrayList<>(lines.size() + parts.size());
		for (List<ReportLine> part : parts.values()) {
			ReportLine total = null;
			int most = 0;
			for (ReportLine line : part) {
				if (line.disaggregation().isEmpty()) {
					total = line;
				}
				most = Math.max(most, line.disaggregation().size());
			}
			List<ReportLine> cells = new ArrayList<>();
			for (ReportLine line : part) {
				if (most > 0 && line.disaggregation().size() == most) {
					cells.add(line);
				}
			}
			if (cells.isEmpty()) {
				rows.add(new Row(total, Segment.TOTAL_ONLY, a(total), b(total)));
				continue;
			}
			double sumA = 0;
			double sumB = 0;
			for (ReportLine cell : cells) {
				rows.add(new Row(cell, Segment.CELL, a(cell), b(cell)));
				sumA += a(cell);
				sumB += b(cell);
			}
			ReportLine first = cells.get(0);
			rows.add(
					(total != null) ? new Row(total, Segment.TOTAL, a(total), b(total))
							: new Row(
									new ReportLine(first.indicator(), first.location(), first.populationGroup(),
											new java.util.TreeMap<>(), null, null, null, null),
									Segment.TOTAL, sumA, sumB));
		}
		return rows;
	}

	private static double a(ReportLine line) {
		return (line.value() != null) ? line.value().doubleValue() : line.numerator().doubleValue();
	}

	private static double b(ReportLine line) {
		return (line.denominator() != null) ? line.denominator().doubleValue() : 0;
	}

	private int location(String pcode) {
		int id = this.locations.id(pcode);
		this.locationPath.computeIfAbsent(id, (k) -> {
			int[] path = { -1, -1, -1 };
			this.geography.find(pcode).ifPresent((found) -> {
				for (Location step : this.geography.path(found)) {
					path[step.level() - 1] = this.locations.id(step.pcode());
				}
			});
			return path;
		});
		return id;
	}

	private int breakdown(String code, Map<String, String> pairs) {
		int id = this.breakdowns.id(code);
		this.breakdownOptions.computeIfAbsent(id, (k) -> {
			Map<Integer, Integer> byCategory = new HashMap<>();
			pairs.forEach((category, option) -> byCategory.put(this.categories.id(category),
					this.options.id(category + "=" + option)));
			return byCategory;
		});
		return id;
	}

	private final Map<Long, Boolean> described = new ConcurrentHashMap<>();

	private void describeIndicators(long frameworkVersionId) {
		if (this.described.putIfAbsent(frameworkVersionId, true) != null) {
			return;
		}
		FrameworkDefinition framework = this.frameworks.version(frameworkVersionId).orElseThrow().definition();
		framework.categories().forEach((c) -> this.frameworkCategories.add(c.code()));
		for (FrameworkDefinition.Objective objective : framework.objectives()) {
			for (FrameworkDefinition.SubCriterion sub : objective.subCriteria()) {
				for (FrameworkDefinition.Indicator indicator : sub.indicators()) {
					this.indicatorInfo.put(this.indicators.id(indicator.code()),
							new IndicatorInfo(this.objectives.id(objective.code()), this.subCriteria.id(sub.code()),
									indicator.aggregation(), indicator.valueType(), indicator.unit().en()));
				}
			}
		}
	}

	private final java.util.Set<String> frameworkCategories = ConcurrentHashMap.newKeySet();

	/** Whether a framework read names the category (it may have no values yet). */
	boolean knownCategory(String code) {
		return this.frameworkCategories.contains(code)
				|| this.frameworks.current().map((v) -> v.definition().category(code).isPresent()).orElse(false);
	}

	/** The quarters that have values, oldest first. */
	List<String> periodCodes() {
		java.util.TreeSet<String> held = new java.util.TreeSet<>();
		for (Segment segment : segments()) {
			held.add(this.periods.value(segment.period()));
		}
		return List.copyOf(held);
	}

	/**
	 * The quarters with approved reports, in order (computed values do not make a quarter
	 * due).
	 */
	List<String> approvedPeriodCodes() {
		segments();
		java.util.TreeSet<String> held = new java.util.TreeSet<>();
		for (Segment segment : this.segments.values()) {
			if (segment.approved()) {
				held.add(this.periods.value(segment.period()));
			}
		}
		return List.copyOf(held);
	}

	/** The organisations with approved values, by code. */
	List<String> organisationCodes() {
		java.util.TreeSet<String> held = new java.util.TreeSet<>();
		for (Segment segment : segments()) {
			if (segment.approved()) {
				held.add(this.organisations.value(segment.organisation()));
			}
		}
		return List.copyOf(held);
	}

	/** An indicator's description, if a framework that has it was read. */
	@Nullable IndicatorInfo indicator(int id) {
		return this.indicatorInfo.get(id);
	}

}
