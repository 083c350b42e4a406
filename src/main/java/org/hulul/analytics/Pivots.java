package org.hulul.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.hulul.platform.HululPrincipal;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Lays analytics answers out as tables with their subtotals and totals (see
 * {@link Pivot}).
 */
@Component
public class Pivots {

	private final Analytics analytics;

	private final AnalyticsLabels labels;

	Pivots(Analytics analytics, AnalyticsLabels labels) {
		this.analytics = analytics;
		this.labels = labels;
	}

	public Pivot pivot(HululPrincipal me, String rowDimension, @Nullable String rowDimension2,
			@Nullable String columnDimension, Map<String, Set<String>> filters, boolean includeSubmitted,
			Locale locale) {
		String second = (rowDimension2 != null && !rowDimension2.equals(rowDimension)) ? rowDimension2 : null;
		List<String> lineDimensions = new ArrayList<>(List.of(rowDimension));
		if (second != null) {
			lineDimensions.add(second);
		}
		Asker ask = new Asker(me, filters, includeSubmitted);
		Map<String, Map<String, Pivot.Cell>> cells = new LinkedHashMap<>();
		Map<String, Pivot.Cell> rowTotals = new LinkedHashMap<>();
		Map<String, Pivot.Header> columns = new LinkedHashMap<>();
		Map<String, Pivot.Header> firsts = new LinkedHashMap<>();
		Map<String, Map<String, Pivot.Header>> seconds = new LinkedHashMap<>();
		// the lines, and their subtotals with a second row dimension
		for (List<String> dims : (second != null) ? List.of(lineDimensions, List.of(rowDimension))
				: List.of(lineDimensions)) {
			boolean subtotal = second != null && dims.size() == 1;
			List<String> withColumns = new ArrayList<>(dims);
			if (columnDimension != null) {
				withColumns.add(columnDimension);
			}
			for (AnalyticsResult.Row row : ask.rows(withColumns)) {
				String key = key(row, rowDimension, subtotal ? null : second);
				String c = (columnDimension != null) ? code(row, columnDimension) : "";
				if (columnDimension != null) {
					columns.computeIfAbsent(c, (k) -> header(columnDimension, k, locale));
				}
				cells.computeIfAbsent(key, (k) -> new LinkedHashMap<>()).put(c, Pivot.Cell.of(row));
			}
			for (AnalyticsResult.Row row : ask.rows(dims)) {
				String first = code(row, rowDimension);
				firsts.computeIfAbsent(first, (k) -> header(rowDimension, k, locale));
				if (second != null && !subtotal) {
					seconds.computeIfAbsent(first, (k) -> new LinkedHashMap<>())
						.computeIfAbsent(code(row, second), (k) -> header(second, k, locale));
				}
				rowTotals.put(key(row, rowDimension, subtotal ? null : second), Pivot.Cell.of(row));
			}
		}
		List<Pivot.Line> lines = new ArrayList<>();
		for (Pivot.Header first : sorted(firsts)) {
			if (second == null) {
				lines.add(new Pivot.Line(first.code(), first, null, false));
				continue;
			}
			for (Pivot.Header two : sorted(seconds.getOrDefault(first.code(), Map.of()))) {
				lines.add(new Pivot.Line(first.code() + Pivot.SEPARATOR + two.code(), first, two, false));
			}
			lines.add(new Pivot.Line(first.code(), first, null, true));
		}
		Map<String, Pivot.Cell> columnTotals = new LinkedHashMap<>();
		if (columnDimension != null) {
			ask.rows(List.of(columnDimension))
				.forEach((row) -> columnTotals.put(code(row, columnDimension), Pivot.Cell.of(row)));
		}
		List<AnalyticsResult.Row> all = ask.rows(List.of());
		Pivot.Cell total = all.isEmpty() ? null : Pivot.Cell.of(all.get(0));
		return new Pivot(rowDimension, second, columnDimension, lines, sorted(columns), cells, rowTotals, columnTotals,
				total);
	}

	/**
	 * The questions of one pivot: the same asker, filters and choice of submitted values.
	 */
	private final class Asker {

		private final HululPrincipal me;

		private final Map<String, Set<String>> filters;

		private final boolean includeSubmitted;

		Asker(HululPrincipal me, Map<String, Set<String>> filters, boolean includeSubmitted) {
			this.me = me;
			this.filters = filters;
			this.includeSubmitted = includeSubmitted;
		}

		List<AnalyticsResult.Row> rows(List<String> dimensions) {
			return Pivots.this.analytics
				.query(this.me, new AnalyticsQuery(dimensions, this.filters, this.includeSubmitted))
				.rows();
		}

	}

	private static String key(AnalyticsResult.Row row, String first, @Nullable String second) {
		return (second != null) ? code(row, first) + Pivot.SEPARATOR + code(row, second) : code(row, first);
	}

	/**
	 * Headers in code order (periods in time, codes as the framework numbers them), none
	 * last.
	 */
	private static List<Pivot.Header> sorted(Map<String, Pivot.Header> headers) {
		List<Pivot.Header> sorted = new ArrayList<>(headers.values());
		sorted.sort(Comparator.comparing((Pivot.Header h) -> h.code().isEmpty()).thenComparing(Pivot.Header::code));
		return sorted;
	}

	private Pivot.Header header(String dimension, String code, Locale locale) {
		return new Pivot.Header(code, this.labels.value(dimension, code, locale));
	}

	private static String code(AnalyticsResult.Row row, String dimension) {
		String code = row.keys().get(dimension);
		return (code != null) ? code : "";
	}

}
