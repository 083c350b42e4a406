package org.hulul.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hulul.framework.Aggregation;
import org.hulul.framework.ValueType;
import org.hulul.platform.HululPrincipal;
import org.hulul.platform.InvalidInputException;
import org.hulul.platform.Role;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Pivots over the reports' values: any dimensions, any filters, each indicator aggregated
 * by its rule. SUM adds; RATIO divides the sum of numerators by the sum of denominators;
 * LATEST keeps, per indicator, only the most recent quarter in the row; MAX_PER_LOCATION
 * takes the largest organisation's figure per location, quarter, population group and
 * breakdown cell, then adds those. Indicators meet in a row only when their units are the
 * same and none is a ratio; otherwise the row has no value.
 *
 * Everyone signed in sees approved values; reviewers, the secretariat and administrators
 * may count submitted ones too, marked.
 */
@Service
public class Analytics {

	/**
	 * The dimensions every question may use; the codes of the categories are dimensions
	 * too.
	 */
	public static final List<String> DIMENSIONS = List.of("objective", "subCriterion", "indicator", "adm1", "adm2",
			"adm3", "period", "year", "organisation", "organisationType", "populationGroup");

	/**
	 * The place a value was reported for, by p-code; as a filter it takes p-codes of any
	 * level and keeps the values reported inside any of them (an area that spans
	 * governorates, districts and sub-districts).
	 */
	public static final String PLACE = "place";

	private final AnalyticsStore store;

	Analytics(AnalyticsStore store) {
		this.store = store;
	}

	public AnalyticsResult query(HululPrincipal me, AnalyticsQuery query) {
		boolean submitted = query.includeSubmitted()
				&& (me.is(Role.REVIEWER) || me.is(Role.SECRETARIAT) || me.is(Role.ADMIN));
		return run(query, submitted);
	}

	AnalyticsResult run(AnalyticsQuery query, boolean withSubmitted) {
		List<Segment> segments = this.store.segments();
		Lookup lookup = new Lookup(this.store);
		List<Dim> dims = new ArrayList<>();
		for (String name : query.dimensions()) {
			dims.add(dimension(name, lookup));
		}
		Map<Dim, boolean[]> filters = new LinkedHashMap<>();
		query.filters().forEach((name, values) -> {
			Dim dim = dimension(name, lookup);
			filters.put(dim, PLACE.equals(name) ? within(lookup, values) : allowed(dim, values));
		});
		boolean byCategory = dims.stream().anyMatch(Dim::category) || filters.keySet().stream().anyMatch(Dim::category);
		try {
			return scan(query, segments, lookup, dims, filters, byCategory, withSubmitted);
		}
		catch (ArithmeticException ex) {
			throw InvalidInputException.of("dimensions", "analytics.error.tooMany", query.dimensions().size());
		}
	}

	private AnalyticsResult scan(AnalyticsQuery query, List<Segment> segments, Lookup lookup, List<Dim> dims,
			Map<Dim, boolean[]> filters, boolean byCategory, boolean withSubmitted) {
		Dim[] by = dims.toArray(new Dim[0]);
		Dim[] filtered = filters.keySet().toArray(new Dim[0]);
		boolean[][] allowed = filters.values().toArray(new boolean[0][]);

		int indicatorCount = this.store.indicators.size();
		Map<Integer, AnalyticsStore.IndicatorInfo> infos = new HashMap<>(this.store.indicatorInfo);
		int[] periodRank = periodRanks();
		Cells cells = new Cells();
		Map<Long, Map<Long, Double>> largest = new HashMap<>();
		for (Segment segment : segments) {
			if ((!segment.approved() && !withSubmitted) || !reportPasses(filtered, allowed, segment)) {
				continue;
			}
			for (int row = 0; row < segment.size(); row++) {
				byte kind = segment.kind()[row];
				if (byCategory ? kind == Segment.TOTAL : kind == Segment.CELL) {
					continue;
				}
				if (!passes(filtered, allowed, segment, row)) {
					continue;
				}
				long key = 0;
				for (Dim dim : by) {
					key = Math.addExact(Math.multiplyExact(key, dim.cardinality() + 1L), dim.code(segment, row));
				}
				int indicator = segment.indicator()[row];
				Aggregation rule = lookup.rule[indicator];
				long slotKey = Math.addExact(Math.multiplyExact(key, indicatorCount), indicator);
				int slot = cells.slot(slotKey, key, indicator);
				if (!segment.approved()) {
					cells.submitted[slot] = true;
				}
				double a = segment.a()[row];
				switch (rule) {
					case SUM -> cells.a[slot] += a;
					case RATIO -> {
						cells.a[slot] += a;
						cells.b[slot] += segment.b()[row];
					}
					case LATEST -> {
						int rank = periodRank[segment.period()];
						if (rank > cells.latest[slot]) {
							cells.latest[slot] = rank;
							cells.a[slot] = a;
						}
						else if (rank == cells.latest[slot]) {
							cells.a[slot] += a;
						}
					}
					case MAX_PER_LOCATION -> {
						long where = (((long) segment.location()[row] * (this.store.periods.size() + 1)
								+ segment.period()) * (this.store.groups.size() + 1) + segment.group()[row])
								* (this.store.breakdowns.size() + 1) + segment.breakdown()[row];
						largest.computeIfAbsent((long) slot, (k) -> new HashMap<>()).merge(where, a, Math::max);
					}
				}
			}
		}
		// people reached: the largest organisation's figure per place, added over the
		// places
		for (Map.Entry<Long, Map<Long, Double>> slot : largest.entrySet()) {
			double sum = 0;
			for (double largestFigure : slot.getValue().values()) {
				sum += largestFigure;
			}
			cells.a[slot.getKey().intValue()] = sum;
		}
		return result(query, dims, cells, infos);
	}

	private AnalyticsResult result(AnalyticsQuery query, List<Dim> dims, Cells cells,
			Map<Integer, AnalyticsStore.IndicatorInfo> infos) {
		Map<Long, List<Integer>> byCell = new LinkedHashMap<>();
		for (int slot = 0; slot < cells.size; slot++) {
			byCell.computeIfAbsent(cells.cell[slot], (k) -> new ArrayList<>()).add(slot);
		}
		List<AnalyticsResult.Row> rows = new ArrayList<>();
		byCell.forEach((cell, slots) -> {
			Map<String, @Nullable String> keys = new LinkedHashMap<>();
			long rest = cell;
			String[] labels = new String[dims.size()];
			for (int d = dims.size() - 1; d >= 0; d--) {
				Dim dim = dims.get(d);
				int code = (int) (rest % (dim.cardinality() + 1L));
				rest /= dim.cardinality() + 1L;
				labels[d] = (code < dim.cardinality()) ? dim.label(code) : null;
			}
			for (int d = 0; d < dims.size(); d++) {
				keys.put(dims.get(d).name(), labels[d]);
			}
			boolean submitted = slots.stream().anyMatch((s) -> cells.submitted[s]);
			rows.add(row(Collections.unmodifiableMap(keys), slots, cells, infos, submitted));
		});
		Comparator<AnalyticsResult.Row> order = (x, y) -> 0;
		for (Dim dim : dims) {
			order = order.thenComparing((r) -> r.keys().get(dim.name()),
					Comparator.nullsLast(Comparator.naturalOrder()));
		}
		rows.sort(order);
		return new AnalyticsResult(query.dimensions(), rows);
	}

	private static AnalyticsResult.Row row(Map<String, @Nullable String> keys, List<Integer> slots, Cells cells,
			Map<Integer, AnalyticsStore.IndicatorInfo> infos, boolean submitted) {
		if (slots.size() == 1) {
			int slot = slots.get(0);
			AnalyticsStore.IndicatorInfo info = infos.get(cells.indicator[slot]);
			if (info != null && info.aggregation() == Aggregation.RATIO) {
				Double value = (cells.b[slot] == 0) ? null
						: cells.a[slot] / cells.b[slot] * ((info.valueType() == ValueType.PERCENTAGE) ? 100 : 1);
				return new AnalyticsResult.Row(keys, value, cells.a[slot], cells.b[slot], false, submitted);
			}
			return new AnalyticsResult.Row(keys, cells.a[slot], null, null, false, submitted);
		}
		String unit = null;
		double sum = 0;
		for (int slot : slots) {
			AnalyticsStore.IndicatorInfo info = infos.get(cells.indicator[slot]);
			if (info == null || info.aggregation() == Aggregation.RATIO
					|| (unit != null && !unit.equals(info.unit()))) {
				return new AnalyticsResult.Row(keys, null, null, null, true, submitted);
			}
			unit = info.unit();
			sum += cells.a[slot];
		}
		return new AnalyticsResult.Row(keys, sum, null, null, false, submitted);
	}

	/** Each period's place in time, by period number. */
	private int[] periodRanks() {
		int n = this.store.periods.size();
		Integer[] order = new Integer[n];
		for (int i = 0; i < n; i++) {
			order[i] = i;
		}
		Arrays.sort(order, Comparator.comparing(this.store.periods::value));
		int[] rank = new int[n];
		for (int i = 0; i < n; i++) {
			rank[order[i]] = i;
		}
		return rank;
	}

	/**
	 * Whether the report's own dimensions (quarter, year, organisation, type) pass the
	 * filters.
	 */
	private static boolean reportPasses(Dim[] filtered, boolean[][] allowed, Segment segment) {
		for (int f = 0; f < filtered.length; f++) {
			if (filtered[f].perReport() && !allowed[f][filtered[f].code(segment, 0)]) {
				return false;
			}
		}
		return true;
	}

	private static boolean passes(Dim[] filtered, boolean[][] allowed, Segment segment, int row) {
		for (int f = 0; f < filtered.length; f++) {
			if (!allowed[f][filtered[f].code(segment, row)]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The locations inside any of the p-codes (of any level): the filter of
	 * {@link #PLACE}.
	 */
	private boolean[] within(Lookup lookup, Set<String> pcodes) {
		Dictionary locations = this.store.locations;
		boolean[] allowed = new boolean[locations.size() + 1];
		for (int l = 0; l < locations.size(); l++) {
			boolean inside = pcodes.contains(locations.value(l));
			for (int level = 0; level < 3 && !inside; level++) {
				int ancestor = lookup.adm[level][l];
				inside = ancestor >= 0 && pcodes.contains(locations.value(ancestor));
			}
			allowed[l] = inside;
		}
		return allowed;
	}

	private static boolean[] allowed(Dim dim, Set<String> values) {
		boolean[] allowed = new boolean[dim.cardinality() + 1];
		for (int code = 0; code < dim.cardinality(); code++) {
			allowed[code] = values.contains(dim.label(code));
		}
		return allowed;
	}

	/**
	 * A dimension: its values numbered, and each row's number (cardinality() when it has
	 * none).
	 */
	private interface Dim {

		String name();

		int cardinality();

		int code(Segment segment, int row);

		String label(int code);

		default boolean category() {
			return false;
		}

		/** Whether its value is the report's, the same for all its rows. */
		default boolean perReport() {
			return false;
		}

	}

	private Dim dimension(String name, Lookup lookup) {
		AnalyticsStore s = this.store;
		return switch (name) {
			case "indicator" -> simple(name, s.indicators, (seg, r) -> seg.indicator()[r]);
			case "objective" -> simple(name, s.objectives, (seg, r) -> lookup.objective[seg.indicator()[r]]);
			case "subCriterion" -> simple(name, s.subCriteria, (seg, r) -> lookup.subCriterion[seg.indicator()[r]]);
			case "adm1", "adm2", "adm3" -> {
				int[] level = lookup.adm[name.charAt(3) - '1'];
				yield simple(name, s.locations, (seg, r) -> level[seg.location()[r]]);
			}
			case "period" -> perReport(simple(name, s.periods, (seg, r) -> seg.period()));
			case "year" -> perReport(simple(name, s.years, (seg, r) -> seg.year()));
			case "organisation" -> perReport(simple(name, s.organisations, (seg, r) -> seg.organisation()));
			case "organisationType" -> perReport(simple(name, s.organisationTypes, (seg, r) -> seg.organisationType()));
			case "populationGroup" -> simple(name, s.groups, (seg, r) -> seg.group()[r]);
			case PLACE -> simple(name, s.locations, (seg, r) -> seg.location()[r]);
			default -> category(name, lookup);
		};
	}

	private static Dim perReport(Dim dim) {
		return new Dim() {

			@Override
			public String name() {
				return dim.name();
			}

			@Override
			public int cardinality() {
				return dim.cardinality();
			}

			@Override
			public int code(Segment segment, int row) {
				return dim.code(segment, row);
			}

			@Override
			public String label(int code) {
				return dim.label(code);
			}

			@Override
			public boolean perReport() {
				return true;
			}

		};
	}

	private interface Code {

		int of(Segment segment, int row);

	}

	/** A dimension read from one dictionary; a code of -1 means the row has none. */
	private static Dim simple(String name, Dictionary values, Code code) {
		int cardinality = values.size();
		return new Dim() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public int cardinality() {
				return cardinality;
			}

			@Override
			public int code(Segment segment, int row) {
				int found = code.of(segment, row);
				return (found < 0 || found >= cardinality) ? cardinality : found;
			}

			@Override
			public String label(int number) {
				return values.value(number);
			}

		};
	}

	/** A disaggregation category: the option of each cell, none for a total. */
	private Dim category(String name, Lookup lookup) {
		int category = this.store.categories.find(name);
		if (category < 0 && !this.store.knownCategory(name)) {
			throw InvalidInputException.of("dimensions", "analytics.error.unknownDimension", name,
					String.join(", ", DIMENSIONS));
		}
		Dictionary options = this.store.options;
		int cardinality = options.size();
		String prefix = name + "=";
		int[] optionOf = lookup.options(category);
		Dim simple = simple(name, options, (seg, r) -> optionOf[seg.breakdown()[r]]);
		return new Dim() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public int cardinality() {
				return cardinality;
			}

			@Override
			public int code(Segment segment, int row) {
				return simple.code(segment, row);
			}

			@Override
			public String label(int number) {
				String option = options.value(number);
				return option.startsWith(prefix) ? option.substring(prefix.length()) : option;
			}

			@Override
			public boolean category() {
				return true;
			}

		};
	}

	/**
	 * What a question looks up for every row, as arrays by dictionary number: read once
	 * per question from the store's maps, so the scan over millions of rows does no map
	 * lookups.
	 */
	private static final class Lookup {

		final Aggregation[] rule;

		final int[] objective;

		final int[] subCriterion;

		final int[][] adm = new int[3][];

		private final AnalyticsStore store;

		private final int breakdowns;

		Lookup(AnalyticsStore store) {
			this.store = store;
			int indicators = store.indicators.size();
			this.rule = new Aggregation[indicators];
			this.objective = new int[indicators];
			this.subCriterion = new int[indicators];
			for (int i = 0; i < indicators; i++) {
				AnalyticsStore.IndicatorInfo info = store.indicatorInfo.get(i);
				this.rule[i] = (info != null) ? info.aggregation() : Aggregation.SUM;
				this.objective[i] = (info != null) ? info.objective() : -1;
				this.subCriterion[i] = (info != null) ? info.subCriterion() : -1;
			}
			int locations = store.locations.size();
			for (int level = 0; level < 3; level++) {
				this.adm[level] = new int[locations];
				for (int l = 0; l < locations; l++) {
					int[] path = store.locationPath.get(l);
					this.adm[level][l] = (path != null) ? path[level] : -1;
				}
			}
			this.breakdowns = store.breakdowns.size();
		}

		/** Each breakdown's option of the category (-1 for none). */
		int[] options(int category) {
			int[] options = new int[this.breakdowns];
			for (int b = 0; b < this.breakdowns; b++) {
				Map<Integer, Integer> pairs = this.store.breakdownOptions.get(b);
				Integer option = (pairs != null && category >= 0) ? pairs.get(category) : null;
				options[b] = (option != null) ? option : -1;
			}
			return options;
		}

	}

	/** The accumulators of a question: one slot per row of the answer and indicator. */
	private static final class Cells {

		/**
		 * Open addressing from a slot's key to its number: the scan's hot path, without
		 * boxing.
		 */
		private long[] keys = new long[1024];

		private int[] numbers = new int[1024];

		private int mask = 1023;

		long[] cell = new long[64];

		int[] indicator = new int[64];

		double[] a = new double[64];

		double[] b = new double[64];

		int[] latest = new int[64];

		boolean[] submitted = new boolean[64];

		int size;

		int slot(long key, long cellKey, int indicatorNumber) {
			int at = (int) (mix(key) & this.mask);
			while (this.numbers[at] != 0) {
				if (this.keys[at] == key) {
					return this.numbers[at] - 1;
				}
				at = (at + 1) & this.mask;
			}
			if (this.size == this.cell.length) {
				int n = this.size * 2;
				this.cell = Arrays.copyOf(this.cell, n);
				this.indicator = Arrays.copyOf(this.indicator, n);
				this.a = Arrays.copyOf(this.a, n);
				this.b = Arrays.copyOf(this.b, n);
				this.latest = Arrays.copyOf(this.latest, n);
				this.submitted = Arrays.copyOf(this.submitted, n);
			}
			int slot = this.size++;
			this.cell[slot] = cellKey;
			this.indicator[slot] = indicatorNumber;
			this.latest[slot] = -1;
			this.keys[at] = key;
			this.numbers[at] = slot + 1;
			if (this.size * 2 > this.mask) {
				grow();
			}
			return slot;
		}

		private void grow() {
			long[] oldKeys = this.keys;
			int[] oldNumbers = this.numbers;
			this.keys = new long[oldKeys.length * 2];
			this.numbers = new int[oldNumbers.length * 2];
			this.mask = this.keys.length - 1;
			for (int i = 0; i < oldKeys.length; i++) {
				if (oldNumbers[i] != 0) {
					int at = (int) (mix(oldKeys[i]) & this.mask);
					while (this.numbers[at] != 0) {
						at = (at + 1) & this.mask;
					}
					this.keys[at] = oldKeys[i];
					this.numbers[at] = oldNumbers[i];
				}
			}
		}

		private static long mix(long key) {
			long h = key * 0x9E3779B97F4A7C15L;
			return h ^ (h >>> 32);
		}

	}

}
