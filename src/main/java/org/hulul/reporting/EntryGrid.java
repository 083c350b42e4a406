package org.hulul.reporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

import org.hulul.framework.Aggregation;
import org.hulul.framework.FrameworkDefinition;
import org.hulul.framework.FrameworkDefinition.Category;
import org.hulul.framework.FrameworkDefinition.Named;
import org.jspecify.annotations.Nullable;

/**
 * How one indicator is entered at one location for one population group: an optional
 * total and one cell per combination of the indicator's breakdown options (the full
 * cross, e.g. sex × age), laid out with the first category's options as columns and the
 * combinations of the others as rows; a single category is one column of rows. The grid
 * owns the entry's total line and its fully broken-down lines; lines broken down by only
 * some of the categories (possible over the API) are left alone.
 */
public record EntryGrid(FrameworkDefinition.Indicator indicator, List<Category> categories) {

	public EntryGrid {
		categories = List.copyOf(categories);
	}

	public static EntryGrid of(FrameworkDefinition framework, FrameworkDefinition.Indicator indicator) {
		return new EntryGrid(indicator,
				indicator.disaggregations().stream().map((c) -> framework.category(c).orElseThrow()).toList());
	}

	public boolean ratio() {
		return this.indicator.aggregation() == Aggregation.RATIO;
	}

	public boolean brokenDown() {
		return !this.categories.isEmpty();
	}

	/** The column headings: the first category's options (one column without it). */
	public List<Named> columns() {
		return (this.categories.size() >= 2) ? this.categories.get(0).options() : List.of();
	}

	/** The categories whose options label the rows. */
	public List<Category> rowCategories() {
		return (this.categories.size() >= 2) ? this.categories.subList(1, this.categories.size()) : this.categories;
	}

	/**
	 * The rows: each the options that label it and its cells' breakdowns, left to right.
	 */
	public List<Row> rows() {
		List<Row> rows = new ArrayList<>();
		if (this.categories.isEmpty()) {
			return rows;
		}
		for (List<Named> labels : cross(rowCategories())) {
			List<SortedMap<String, String>> cells = new ArrayList<>();
			if (this.categories.size() >= 2) {
				for (Named column : columns()) {
					SortedMap<String, String> cell = pairs(rowCategories(), labels);
					cell.put(this.categories.get(0).code(), column.code());
					cells.add(cell);
				}
			}
			else {
				cells.add(pairs(rowCategories(), labels));
			}
			rows.add(new Row(labels, cells));
		}
		return rows;
	}

	/** Every cell's breakdown, row by row. */
	public List<SortedMap<String, String>> cells() {
		return rows().stream().flatMap((r) -> r.cells().stream()).toList();
	}

	/** Whether a line of the report is this grid's to show and replace. */
	public boolean owns(ReportLine.Key key, String location, String populationGroup) {
		return key.indicator().equals(this.indicator.code()) && key.location().equals(location)
				&& key.populationGroup().equals(populationGroup) && (key.disaggregation().isEmpty()
						|| key.disaggregation().keySet().equals(new HashSet<>(this.indicator.disaggregations())));
	}

	/**
	 * The lines a filled-in grid stands for: the total when one was entered, then each
	 * cell with a value, in grid order; blank cells are not reported. The comment goes on
	 * the first line.
	 */
	public List<ReportLine> lines(String location, String populationGroup, Map<String, Entered> entered,
			@Nullable String comment) {
		List<ReportLine> lines = new ArrayList<>();
		List<SortedMap<String, String>> keys = new ArrayList<>();
		keys.add(new TreeMap<>());
		keys.addAll(cells());
		for (SortedMap<String, String> key : keys) {
			Entered cell = entered.get(ReportingRepository.breakdown(key));
			if (cell == null || cell.blank()) {
				continue;
			}
			lines.add(new ReportLine(this.indicator.code(), location, populationGroup, key,
					this.ratio() ? null : cell.value(), this.ratio() ? cell.numerator() : null,
					this.ratio() ? cell.denominator() : null, lines.isEmpty() ? comment : null));
		}
		return lines;
	}

	/** The saved lines of this grid, by stored breakdown ("" for the total). */
	public Map<String, ReportLine> saved(List<ReportLine> lines, String location, String populationGroup) {
		Map<String, ReportLine> saved = new LinkedHashMap<>();
		for (ReportLine line : lines) {
			if (owns(line.key(), location, populationGroup)) {
				saved.put(ReportingRepository.breakdown(line.disaggregation()), line);
			}
		}
		return saved;
	}

	/**
	 * The sum of the cells: Σ value, or Σ numerator / Σ denominator for a ratio; null
	 * when no cell is filled.
	 */
	public static @Nullable Entered sum(Iterable<Entered> cells) {
		BigDecimal value = null;
		BigDecimal numerator = null;
		BigDecimal denominator = null;
		for (Entered cell : cells) {
			value = add(value, cell.value());
			numerator = add(numerator, cell.numerator());
			denominator = add(denominator, cell.denominator());
		}
		return (value == null && numerator == null && denominator == null) ? null
				: new Entered(value, numerator, denominator);
	}

	private static @Nullable BigDecimal add(@Nullable BigDecimal sum, @Nullable BigDecimal part) {
		return (part == null) ? sum : (sum == null) ? part : sum.add(part);
	}

	private static SortedMap<String, String> pairs(List<Category> categories, List<Named> options) {
		SortedMap<String, String> pairs = new TreeMap<>();
		for (int i = 0; i < categories.size(); i++) {
			pairs.put(categories.get(i).code(), options.get(i).code());
		}
		return pairs;
	}

	/**
	 * Every combination of one option per category, the last category varying fastest.
	 */
	private static List<List<Named>> cross(List<Category> categories) {
		List<List<Named>> combinations = new ArrayList<>();
		combinations.add(List.of());
		for (Category category : categories) {
			List<List<Named>> longer = new ArrayList<>();
			for (List<Named> combination : combinations) {
				for (Named option : category.options()) {
					List<Named> next = new ArrayList<>(combination);
					next.add(option);
					longer.add(next);
				}
			}
			combinations = longer;
		}
		return combinations;
	}

	/** A row of the grid: the options that label it and its cells' breakdowns. */
	public record Row(List<Named> labels, List<SortedMap<String, String>> cells) {
	}

	/**
	 * What was typed in one cell (or the total): a value, or numerator and denominator.
	 */
	public record Entered(@Nullable BigDecimal value, @Nullable BigDecimal numerator,
			@Nullable BigDecimal denominator) {

		public static Entered of(ReportLine line) {
			return new Entered(line.value(), line.numerator(), line.denominator());
		}

		public boolean blank() {
			return this.value == null && this.numerator == null && this.denominator == null;
		}

		/** As the history shows it: "12", or "3/4" for a ratio. */
		public String shown() {
			return (this.value != null) ? Objects.requireNonNull(ReportingRepository.plain(this.value))
					: ReportingRepository.plain(this.numerator) + "/" + ReportingRepository.plain(this.denominator);
		}

	}

}
