package org.hulul.reporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import org.springframework.util.MultiValueMap;

/**
 * The entry grid as the page shows it: what is in each cell (typed or saved), what the
 * person saw saved when they opened it, and the problems of each cell. Form fields:
 * {@code v.<breakdown>} for a value, {@code n.<breakdown>} and {@code d.<breakdown>} for
 * a ratio's numerator and denominator, {@code s.<breakdown>} for the value seen saved
 * ({@code <breakdown>} is the stored form, e.g. {@code age=0-4;sex=female}, empty for the
 * total).
 */
public final class EntryForm {

	/** The sum of cells of which one is not a number. */
	private static final EntryGrid.Entered UNREADABLE = new EntryGrid.Entered(null, null, null);

	final EntryGrid grid;

	final String location;

	final String populationGroup;

	@Nullable String comment;

	/** The comment the form showed when it was opened. */
	@Nullable String seenComment;

	private final Map<String, Cell> cells = new HashMap<>();

	/** Cells whose text is not a number, by field name. */
	final Map<String, String> unreadable = new LinkedHashMap<>();

	EntryForm(EntryGrid grid, String location, String populationGroup) {
		this.grid = grid;
		this.location = location;
		this.populationGroup = populationGroup;
	}

	public EntryGrid getGrid() {
		return this.grid;
	}

	public String getLocation() {
		return this.location;
	}

	public String getPopulationGroup() {
		return this.populationGroup;
	}

	public @Nullable String getComment() {
		return this.comment;
	}

	public @Nullable String getSeenComment() {
		return this.seenComment;
	}

	/** The grid filled with the saved lines, which are also what the person saw. */
	static EntryForm saved(EntryGrid grid, String location, String populationGroup, List<ReportLine> lines) {
		EntryForm form = new EntryForm(grid, location, populationGroup);
		form.seeSaved(lines);
		for (Map.Entry<String, ReportLine> saved : grid.saved(lines, location, populationGroup).entrySet()) {
			ReportLine line = saved.getValue();
			form.cell(saved.getKey())
				.fill(ReportingRepository.plain(line.value()), ReportingRepository.plain(line.numerator()),
						ReportingRepository.plain(line.denominator()));
			if (form.comment == null) {
				form.comment = line.comment();
				form.seenComment = line.comment();
			}
		}
		return form;
	}

	/** The grid as typed in the form. */
	static EntryForm typed(EntryGrid grid, String location, String populationGroup,
			MultiValueMap<String, String> fields) {
		EntryForm form = new EntryForm(grid, location, populationGroup);
		for (String name : names(grid)) {
			Cell cell = form.cell(name);
			cell.fill(text(fields.getFirst("v." + name)), text(fields.getFirst("n." + name)),
					text(fields.getFirst("d." + name)));
			String seen = fields.getFirst("s." + name);
			cell.seen = (seen != null) ? seen : "";
		}
		form.comment = blank(fields.getFirst("comment"));
		form.seenComment = blank(fields.getFirst("s.comment"));
		return form;
	}

	/** Updates what the person saw to the lines saved now. */
	void seeSaved(List<ReportLine> lines) {
		this.cells.values().forEach((c) -> c.seen = "");
		this.grid.saved(lines, this.location, this.populationGroup)
			.forEach((name, line) -> cell(name).seen = EntryGrid.Entered.of(line).shown());
	}

	/**
	 * After someone else saved the same grid meanwhile: the cells the person did not
	 * touch take the value saved now; the cells both changed keep the typed value and
	 * show the other one beside it. What the person has seen becomes what is saved now,
	 * so saving again (after checking) keeps their typed values and nobody else's is
	 * lost.
	 */
	void showOtherChange(List<ReportLine> savedNow) {
		Map<String, ReportLine> now = new HashMap<>();
		for (ReportLine line : savedNow) {
			now.put(ReportingRepository.breakdown(line.disaggregation()), line);
		}
		for (String name : names(this.grid)) {
			EntryForm.Cell cell = cell(name);
			ReportLine line = now.get(name);
			String saved = (line != null) ? line.shown() : "";
			if (saved.equals(cell.seen)) {
				continue;
			}
			if (cell.edited()) {
				cell.savedNow = saved.isEmpty() ? "–" : saved;
			}
			else if (line != null) {
				cell.fill(ReportingRepository.plain(line.value()), ReportingRepository.plain(line.numerator()),
						ReportingRepository.plain(line.denominator()));
			}
			else {
				cell.fill(null, null, null);
			}
		}
		seeSaved(savedNow);
	}

	/**
	 * Puts the cells changed in the form over this saved grid (not those still showing
	 * the value saved where the form was before), what was seen staying the saved.
	 */
	void keepTyped(EntryForm typed) {
		for (String name : names(this.grid)) {
			EntryForm.Cell from = typed.cell(name);
			if (from.edited()) {
				cell(name).fill(from.value, from.numerator, from.denominator);
			}
		}
		if (!java.util.Objects.equals(typed.comment, typed.seenComment)) {
			this.comment = typed.comment;
		}
	}

	/** The field names of a grid's cells: the total ("") and each breakdown. */
	private static List<String> names(EntryGrid grid) {
		List<String> names = new ArrayList<>();
		names.add("");
		grid.cells().forEach((c) -> names.add(ReportingRepository.breakdown(c)));
		return names;
	}

	/** What the person saw saved, by line key. */
	Map<ReportLine.Key, String> seen() {
		Map<ReportLine.Key, String> seen = new HashMap<>();
		this.cells.forEach((name, cell) -> {
			if (!cell.seen.isEmpty()) {
				seen.put(new ReportLine.Key(this.grid.indicator().code(), this.location, this.populationGroup,
						ReportingRepository.parseBreakdown(name)), cell.seen);
			}
		});
		return seen;
	}

	/**
	 * The numbers typed, by breakdown; cells that are not numbers are recorded in
	 * {@link #unreadable}.
	 */
	Map<String, EntryGrid.Entered> entered() {
		Map<String, EntryGrid.Entered> entered = new HashMap<>();
		this.cells.forEach((name, cell) -> {
			BigDecimal value = number("v." + name, cell.value);
			BigDecimal numerator = number("n." + name, cell.numerator);
			BigDecimal denominator = number("d." + name, cell.denominator);
			entered.put(name, new EntryGrid.Entered(value, numerator, denominator));
		});
		return entered;
	}

	List<ReportLine> lines() {
		return this.grid.lines(this.location, this.populationGroup, entered(), this.comment);
	}

	private @Nullable BigDecimal number(String field, String text) {
		try {
			return EnteredNumber.parse(text);
		}
		catch (NumberFormatException ex) {
			this.unreadable.put(field, text);
			return null;
		}
	}

	/** The cell of a breakdown (empty for the total). */
	Cell cell(String name) {
		return this.cells.computeIfAbsent(name, (n) -> new Cell());
	}

	/** The cell of a breakdown, for the page. */
	public Cell at(@Nullable Map<String, String> breakdown) {
		return cell(name(breakdown));
	}

	/** The field-name part of a breakdown. */
	public String name(@Nullable Map<String, String> breakdown) {
		return (breakdown == null) ? "" : ReportingRepository.breakdown(new TreeMap<>(breakdown));
	}

	/** The computed total of the cells, as shown: "22", or "45 / 60" for a ratio. */
	public @Nullable String sum() {
		return shown(sumOf(this.grid.cells()));
	}

	/** The computed total of one column (by its first-category option). */
	public @Nullable String columnSum(String option) {
		String category = this.grid.categories().get(0).code();
		return shown(sumOf(this.grid.cells().stream().filter((c) -> option.equals(c.get(category))).toList()));
	}

	private EntryGrid.@Nullable Entered sumOf(List<SortedMap<String, String>> breakdowns) {
		List<EntryGrid.Entered> parts = new ArrayList<>();
		for (SortedMap<String, String> breakdown : breakdowns) {
			Cell cell = cell(ReportingRepository.breakdown(breakdown));
			try {
				parts.add(new EntryGrid.Entered(EnteredNumber.parse(cell.value), EnteredNumber.parse(cell.numerator),
						EnteredNumber.parse(cell.denominator)));
			}
			catch (NumberFormatException ex) {
				return UNREADABLE;
			}
		}
		return EntryGrid.sum(parts);
	}

	private @Nullable String shown(EntryGrid.@Nullable Entered sum) {
		if (sum == null) {
			return null;
		}
		if (sum == UNREADABLE) {
			return "?";
		}
		return this.grid.ratio()
				? ReportingRepository.plain(sum.numerator()) + " / " + ReportingRepository.plain(sum.denominator())
				: ReportingRepository.plain(sum.value());
	}

	private static @Nullable String blank(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/**
	 * The lines of the grid with their comments: the comments already saved on lines
	 * stay; the grid's comment goes on its first line when the person changed it.
	 */
	List<ReportLine> lines(List<ReportLine> saved) {
		Map<String, ReportLine> before = this.grid.saved(saved, this.location, this.populationGroup);
		boolean commentChanged = !java.util.Objects.equals(this.comment, this.seenComment);
		List<ReportLine> lines = new ArrayList<>();
		for (ReportLine line : lines()) {
			ReportLine was = before.get(line.breakdownCode());
			String comment = (commentChanged && lines.isEmpty()) ? this.comment : (was != null) ? was.comment() : null;
			lines.add(new ReportLine(line.indicator(), line.location(), line.populationGroup(), line.disaggregation(),
					line.value(), line.numerator(), line.denominator(), comment));
		}
		return lines;
	}

	private static String text(@Nullable String text) {
		return (text == null) ? "" : text.strip();
	}

	/** One cell: its texts, the value seen saved, and what to tell about it. */
	public static final class Cell {

		String value = "";

		String numerator = "";

		String denominator = "";

		/** The value seen saved when the form was opened ("" when there was none). */
		String seen = "";

		/** Problems of the cell, in the reader's language. */
		final List<String> errors = new ArrayList<>();

		final List<String> warnings = new ArrayList<>();

		/** Someone else's value saved meanwhile, when it differs from what was seen. */
		@Nullable String savedNow;

		/**
		 * Whether the text differs from the value seen saved: typed and not yet saved.
		 */
		boolean edited() {
			String typed;
			try {
				EntryGrid.Entered entered = new EntryGrid.Entered(EnteredNumber.parse(this.value),
						EnteredNumber.parse(this.numerator), EnteredNumber.parse(this.denominator));
				typed = entered.blank() ? "" : entered.shown();
			}
			catch (NumberFormatException ex) {
				return true;
			}
			return !typed.equals(this.seen);
		}

		void fill(@Nullable String value, @Nullable String numerator, @Nullable String denominator) {
			this.value = (value != null) ? value : "";
			this.numerator = (numerator != null) ? numerator : "";
			this.denominator = (denominator != null) ? denominator : "";
		}

		public String getValue() {
			return this.value;
		}

		public String getNumerator() {
			return this.numerator;
		}

		public String getDenominator() {
			return this.denominator;
		}

		public String getSeen() {
			return this.seen;
		}

		public List<String> getErrors() {
			return this.errors;
		}

		public List<String> getWarnings() {
			return this.warnings;
		}

		public @Nullable String getSavedNow() {
			return this.savedNow;
		}

	}

}
