package org.hulul.reporting;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * One reported value: an indicator at a location for a population group, broken down by
 * explicit category → option pairs (none for a total), with a value, or a numerator and a
 * denominator for ratio indicators.
 */
public record ReportLine(String indicator, String location, String populationGroup,
		SortedMap<String, String> disaggregation, @Nullable BigDecimal value, @Nullable BigDecimal numerator,
		@Nullable BigDecimal denominator, @Nullable String comment) {

	public ReportLine {
		indicator = indicator.strip().toUpperCase(java.util.Locale.ROOT);
		location = location.strip().toUpperCase(java.util.Locale.ROOT);
		populationGroup = populationGroup.strip();
		disaggregation = shared(disaggregation);
	}

	/** Breakdowns met so far: a report has few, and its 100,000 lines share them. */
	private static final Map<SortedMap<String, String>, SortedMap<String, String>> BREAKDOWNS = new java.util.concurrent.ConcurrentHashMap<>();

	private static SortedMap<String, String> shared(SortedMap<String, String> pairs) {
		SortedMap<String, String> known = BREAKDOWNS.get(pairs);
		if (known != null) {
			return known;
		}
		SortedMap<String, String> copy = Collections.unmodifiableSortedMap(new TreeMap<>(pairs));
		if (BREAKDOWNS.size() < 10_000) {
			BREAKDOWNS.putIfAbsent(copy, copy);
		}
		return copy;
	}

	public static ReportLine of(String indicator, String location, String populationGroup,
			Map<String, String> disaggregation, @Nullable BigDecimal value) {
		return new ReportLine(indicator, location, populationGroup, new TreeMap<>(disaggregation), value, null, null,
				null);
	}

	/** The breakdown as stored: category=option pairs, sorted, joined by ';'. */
	public String breakdownCode() {
		return ReportingRepository.breakdown(this.disaggregation);
	}

	/** The value as the history writes it: "12", or "3/4" for a ratio. */
	public String shown() {
		return EntryGrid.Entered.of(this).shown();
	}

	/**
	 * The line's key as the history writes it: "SO2-TS-01 IQG15Q05 returnee sex=female".
	 */
	public String label() {
		return Reports.describe(key());
	}

	/**
	 * What identifies the line within a report: two lines with the same key are
	 * duplicates.
	 */
	public Key key() {
		return new Key(this.indicator, this.location, this.populationGroup, this.disaggregation);
	}

	/** A line's identity: indicator, location, population group and breakdown. */
	public record Key(String indicator, String location, String populationGroup,
			SortedMap<String, String> disaggregation) {

		/** The key of the total this breakdown belongs to. */
		public Key total() {
			return new Key(this.indicator, this.location, this.populationGroup, new TreeMap<>());
		}

	}

}
