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

/** Lays analytics answers out as tables with their totals (see {@link Pivot}). */
@Component
public class Pivots {

	private final Analytics analytics;

	private final AnalyticsLabels labels;

	Pivots(Analytics analytics, AnalyticsLabels labels) {
		this.analytics = analytics;
		this.labels = labels;
	}

	public Pivot pivot(HululPrincipal me, String rowDimension, @Nullable String columnDimension,
			Map<String, Set<String>> filters, boolean includeSubmitted, Locale locale) {
		List<String> both = new ArrayList<>(List.of(rowDimension));
		if (columnDimension != null) {
			both.add(columnDimension);
		}
		AnalyticsResult body = ask(me, both, filters, includeSubmitted);
		AnalyticsResult byRow = ask(me, List.of(rowDimension), filters, includeSubmitted);
		Map<String, Map<String, Pivot.Cell>> cells = new LinkedHashMap<>();
		Map<String, Pivot.Header> rows = new LinkedHashMap<>();
		Map<String, Pivot.Header> columns = new LinkedHashMap<>();
		for (AnalyticsResult.Row row : body.rows()) {
			String r = code(row, rowDimension);
			String c = (columnDimension != null) ? code(row, columnDimension) : "";
			rows.computeIfAbsent(r, (k) -> header(rowDimension, k, locale));
			if (columnDimension != null) {
				columns.computeIfAbsent(c, (k) -> header(columnDimension, k, locale));
			}
			cells.computeIfAbsent(r, (k) -> new LinkedHashMap<>()).put(c, Pivot.Cell.of(row));
		}
		Map<String, Pivot.Cell> rowTotals = new LinkedHashMap<>();
		byRow.rows().forEach((row) -> rowTotals.put(code(row, rowDimension), Pivot.Cell.of(row)));
		Map<String, Pivot.Cell> columnTotals = new LinkedHashMap<>();
		Pivot.Cell total = null;
		if (columnDimension != null) {
			ask(me, List.of(columnDimension), filters, includeSubmitted).rows()
				.forEach((row) -> columnTotals.put(code(row, columnDimension), Pivot.Cell.of(row)));
		}
		List<AnalyticsResult.Row> all = ask(me, List.of(), filters, includeSubmitted).rows();
		if (!all.isEmpty()) {
			total = Pivot.Cell.of(all.get(0));
		}
		return new Pivot(rowDimension, columnDimension, sorted(rows), sorted(columns), cells, rowTotals, columnTotals,
				total);
	}

	private AnalyticsResult ask(HululPrincipal me, List<String> dimensions, Map<String, Set<String>> filters,
			boolean includeSubmitted) {
		return this.analytics.query(me, new AnalyticsQuery(dimensions, filters, includeSubmitted));
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
