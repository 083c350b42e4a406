package org.hulul.exchange;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.hulul.framework.FrameworkDefinition;
import org.hulul.framework.Frameworks;
import org.hulul.geo.Location;
import org.hulul.geo.LocationMatch;
import org.hulul.geo.Locations;
import org.hulul.platform.HululPrincipal;
import org.hulul.reporting.EnteredNumber;
import org.hulul.reporting.LineProblem;
import org.hulul.reporting.LineSource;
import org.hulul.reporting.Report;
import org.hulul.reporting.ReportLine;
import org.hulul.reporting.Reports;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Imports a file of report lines (the template, or any XLSX or CSV in its long format)
 * into a report. Every problem of every row is found before anything is saved, each with
 * its sheet, row, column and value; a file with any error changes nothing. Locations are
 * read as p-codes or as names in English or Arabic (with the nearest names suggested when
 * one is not found), population groups and breakdown options as codes or names, numbers
 * as people type them. The report's lines of the indicators the file covers are replaced
 * by the file's; importing the same file again changes nothing.
 */
@Service
public class ReportImport {

	private final Reports reports;

	private final Frameworks frameworks;

	private final Locations locations;

	private final MessageSource messages;

	private final ImportLimits limits;

	ReportImport(Reports reports, Frameworks frameworks, Locations locations, MessageSource messages,
			ImportLimits limits) {
		this.reports = reports;
		this.frameworks = frameworks;
		this.locations = locations;
		this.messages = messages;
		this.limits = limits;
	}

	/**
	 * Imports {@code file} (named {@code filename}: ".xlsx" is read as a workbook,
	 * anything else as CSV; a CSV named ".hxl.csv", or with an HXL hashtag row in its
	 * first rows, is read as HXL by {@link HxlRows}) into the report; with
	 * {@code dryRun}, says what it would do and saves nothing.
	 */
	public ImportResult importFile(HululPrincipal me, long reportId, Path file, String filename, boolean dryRun,
			Locale locale) {
		Report report = this.reports.get(me, reportId);
		FrameworkDefinition framework = this.frameworks.version(report.frameworkVersionId()).orElseThrow().definition();
		Reader reader = new Reader(framework, locale);
		ReadAhead ahead = new ReadAhead(reader, () -> {
			if (java.nio.file.Files.size(file) > this.limits.maxFileSize().toBytes()) {
				throw new FileRefusedException("import.error.tooBig", this.limits.maxFileSize().toMegabytes());
			}
			rows(file, filename, framework, reader::accept);
		});
		Reports.ImportOutcome outcome;
		try {
			outcome = this.reports.importLines(me, reportId, ahead, dryRun);
		}
		finally {
			ahead.cancel();
		}
		try {
			ahead.rethrow();
		}
		catch (HxlRows.TagsRefused ex) {
			return ImportResult.refused(dryRun, ex.tags().stream().map((tag) -> {
				List<Object> args = new ArrayList<>(List.of(tag.tag(), String.valueOf(tag.column())));
				args.addAll(List.of(tag.args()));
				return new ImportProblem(null, ex.row(), (tag.column() > 0) ? String.valueOf(tag.column()) : null,
						tag.tag(), text(tag.messageKey(), locale, args.toArray()));
			}).toList());
		}
		catch (FileRefusedException ex) {
			return ImportResult.refused(dryRun, List.of(new ImportProblem(null, 0, null, null,
					this.messages.getMessage(ex.messageKey(), ex.args(), locale))));
		}
		catch (IOException ex) {
			return ImportResult.refused(dryRun, List.of(new ImportProblem(null, 0, null, null,
					this.messages.getMessage("import.error.corrupt", new Object[] { ex.getMessage() }, locale))));
		}
		if (reader.headers == null) {
			return ImportResult.refused(dryRun,
					List.of(new ImportProblem(null, 0, null, null, text("import.error.noHeader", locale))));
		}
		if (!reader.problems.isEmpty()) {
			return new ImportResult(reader.lines.size() + reader.refusedRows, 0, 0, 0, 0, dryRun, false,
					reader.problems, List.of());
		}
		List<ImportProblem> errors = new ArrayList<>();
		List<ImportProblem> warnings = new ArrayList<>();
		Map<Integer, Cells> cells = problemCells(file, filename, framework, reader, outcome.problems());
		for (LineProblem problem : outcome.problems()) {
			int row = reader.rows[problem.line()];
			String column = reader.column(problem.field());
			Cells written = cells.get(row);
			ImportProblem shown = new ImportProblem(reader.sheet, row, column,
					(column != null && written != null) ? written.get(column) : null,
					this.messages.getMessage(problem.messageKey(), problem.args().toArray(), locale));
			(problem.severity() == LineProblem.Severity.ERROR ? errors : warnings).add(shown);
		}
		return new ImportResult(reader.lines.size(), outcome.imported(), outcome.updated(), outcome.unchanged(),
				outcome.deleted(), dryRun, outcome.saved(), errors, warnings);
	}

	private String text(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

	/** Reads the file's rows: a workbook's lines sheet, or a CSV (HXL-tagged or not). */
	private void rows(Path file, String filename, FrameworkDefinition framework,
			java.util.function.Consumer<SourceRow> each) throws IOException {
		if (filename.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
			XlsxRows.read(file, LinesFormat.SHEET, this.limits, each);
		}
		else {
			HxlRows rows = new HxlRows(framework, HxlRows.named(filename), each);
			CsvRows.read(file, this.limits.maxRows(), rows);
			rows.finish();
		}
	}

	/**
	 * The cells of the rows that have problems, read again from the file: lines are kept
	 * without the text they were read from, so an import holds little more than its
	 * lines.
	 */
	private Map<Integer, Cells> problemCells(Path file, String filename, FrameworkDefinition framework, Reader reader,
			List<LineProblem> problems) {
		Set<Integer> wanted = new java.util.HashSet<>();
		problems.forEach((p) -> wanted.add(reader.rows[p.line()]));
		Map<Integer, Cells> found = new HashMap<>();
		if (!wanted.isEmpty()) {
			try {
				rows(file, filename, framework, (row) -> {
					if (row.row() > reader.headerRow && wanted.contains(row.row())) {
						found.put(row.row(), reader.cells(row));
					}
				});
			}
			catch (IOException | RuntimeException ex) {
				// read once already; should it fail now, the problems are shown without
				// their values
			}
		}
		return found;
	}

	/** Reading a file: what may refuse it. */
	private interface Reading {

		void read() throws IOException;

	}

	/**
	 * Reads the file on a thread of its own and hands its lines over in parts as they
	 * come, so the report's values are written while the rest of the file is read.
	 */
	private static final class ReadAhead implements LineSource {

		private static final int PART = 5000;

		private final List<ReportLine> end = new ArrayList<>(0);

		private final java.util.concurrent.BlockingQueue<List<ReportLine>> parts = new java.util.concurrent.ArrayBlockingQueue<>(
				4);

		private final Reader reader;

		private volatile boolean cancelled;

		private volatile @Nullable Exception failure;

		private int handed;

		private boolean ended;

		ReadAhead(Reader reader, Reading reading) {
			this.reader = reader;
			reader.read = this::handOver;
			Thread.ofVirtual().name("hulul-import-read").start(() -> {
				try {
					reading.read();
				}
				catch (Exception ex) {
					this.failure = ex;
				}
				finally {
					try {
						hand(new ArrayList<>(reader.lines.subList(this.handed, reader.lines.size())));
						hand(this.end);
					}
					catch (java.util.concurrent.CancellationException ex) {
						// no one is waiting any more
					}
				}
			});
		}

		/** Called by the reader after each line: a part is full. */
		private void handOver() {
			if (this.reader.lines.size() - this.handed >= PART) {
				List<ReportLine> part = new ArrayList<>(
						this.reader.lines.subList(this.handed, this.reader.lines.size()));
				this.handed = this.reader.lines.size();
				hand(part);
			}
		}

		private void hand(List<ReportLine> part) {
			try {
				while (!this.parts.offer(part, 50, java.util.concurrent.TimeUnit.MILLISECONDS)) {
					if (this.cancelled) {
						throw new java.util.concurrent.CancellationException();
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new java.util.concurrent.CancellationException();
			}
		}

		@Override
		public @Nullable List<ReportLine> next() {
			if (this.ended) {
				return null;
			}
			try {
				List<ReportLine> part = this.parts.take();
				this.ended = (part == this.end);
				return this.ended ? null : part;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while reading the file", ex);
			}
		}

		@Override
		public Set<String> indicators() {
			return this.reader.indicators;
		}

		@Override
		public boolean refused() {
			return this.failure != null || this.reader.refusing;
		}

		void cancel() {
			this.cancelled = true;
		}

		/** What refused the file while it was read, if anything. */
		void rethrow() throws IOException {
			Exception failed = this.failure;
			if (failed instanceof IOException io) {
				throw io;
			}
			if (failed instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (failed != null) {
				throw new IOException(failed);
			}
		}

	}

	/** Reads rows into lines, collecting every problem of every row. */
	private final class Reader {

		private final FrameworkDefinition framework;

		private final Locale locale;

		private final Set<String> categories;

		private final Map<String, String> groups = new HashMap<>();

		private final Map<String, Map<String, String>> options = new HashMap<>();

		private @Nullable List<@Nullable String> headers;

		/** Each column's position (the last, should a header repeat). */
		private final Map<String, Integer> columns = new HashMap<>();

		final List<ReportLine> lines = new ArrayList<>();

		/** The row each line was read from, by the line's place in {@link #lines}. */
		int[] rows = new int[1024];

		@Nullable String sheet;

		int headerRow;

		final Set<String> indicators = new LinkedHashSet<>();

		final List<ImportProblem> problems = new ArrayList<>();

		int refusedRows;

		/**
		 * Whether a problem was found (read by the writing thread while this one reads).
		 */
		volatile boolean refusing;

		/** Called after each line read. */
		Runnable read = () -> {
		};

		private final Map<String, LocationMatch> matched = new HashMap<>();

		/** Codes and names as written and as looked up: a file repeats the same few. */
		private final Map<String, String> keys = new HashMap<>();

		Reader(FrameworkDefinition framework, Locale locale) {
			this.framework = framework;
			this.locale = locale;
			this.categories = new LinkedHashSet<>(LinesFormat.categories(framework));
			// codes, and names in every language, read the same
			framework.populationGroups()
				.forEach((g) -> names(g.code(), g.name()).forEach((n) -> this.groups.put(n, g.code())));
			framework.categories().forEach((c) -> {
				Map<String, String> byName = new HashMap<>();
				c.options().forEach((o) -> names(o.code(), o.name()).forEach((n) -> byName.put(n, o.code())));
				this.options.put(c.code(), byName);
			});
		}

		void accept(SourceRow row) {
			if (this.problems.size() >= 1000) {
				return; // enough to say what to fix; the rest would bury it
			}
			if (this.headers == null) {
				header(row);
				this.sheet = row.sheet();
				this.headerRow = row.row();
				return;
			}
			if (row.blank()) {
				return;
			}
			Cells cells = cells(row);
			int before = this.problems.size();
			for (int i = 0; i < this.headers.size(); i++) {
				String header = this.headers.get(i);
				SourceRow.Cell cell = row.cell(i);
				if (header != null && cell != null && cell.formula() && !cell.text().isBlank()
						&& !LinesFormat.SHOWN_ONLY.contains(header)) {
					problem(row, header, cell.text(), "import.error.formula");
				}
			}
			for (int i = this.headers.size(); i < row.cells().size(); i++) {
				SourceRow.Cell cell = row.cell(i);
				if (cell != null && !cell.text().isBlank()) {
					problem(row, null, cell.text(), "import.error.noColumn", i + 1);
				}
			}
			ReportLine line = (this.problems.size() == before) ? line(row, cells) : null;
			if (line == null) {
				this.refusedRows++;
				return;
			}
			if (this.lines.size() == this.rows.length) {
				this.rows = java.util.Arrays.copyOf(this.rows, this.rows.length * 2);
			}
			this.rows[this.lines.size()] = row.row();
			this.lines.add(line);
			this.indicators.add(line.indicator());
			this.read.run();
		}

		/** A row's cells by column, as read (trimmed, formula protection taken off). */
		Cells cells(SourceRow row) {
			List<@Nullable String> names = java.util.Objects.requireNonNull(this.headers);
			Cells cells = new Cells(this.columns, new String[names.size()]);
			for (int i = 0; i < names.size(); i++) {
				SourceRow.Cell cell = row.cell(i);
				if (names.get(i) != null && cell != null && !cell.text().isBlank()) {
					cells.texts[i] = LinesFormat.restored(cell.text().strip());
				}
			}
			return cells;
		}

		private void header(SourceRow row) {
			List<@Nullable String> names = new ArrayList<>();
			boolean found = false;
			for (SourceRow.Cell cell : row.cells()) {
				String name = (cell != null)
						? cell.text().strip().toLowerCase(Locale.ROOT).replace('\uFEFF', ' ').strip() : null;
				names.add((name == null || name.isEmpty()) ? null : name);
				found |= LinesFormat.INDICATOR.equals(name);
			}
			if (!found) {
				return; // title rows above the headers
			}
			Set<String> known = new java.util.HashSet<>(LinesFormat.headers(this.framework));
			known.addAll(this.framework.categories().stream().map(FrameworkDefinition.Category::code).toList());
			for (int i = 0; i < names.size(); i++) {
				String name = names.get(i);
				if (name != null && !known.contains(name)) {
					problem(row, name, name, "import.error.unknownColumn",
							String.join(", ", LinesFormat.headers(this.framework)));
				}
			}
			for (String required : List.of(LinesFormat.INDICATOR, LinesFormat.LOCATION, LinesFormat.POPULATION_GROUP)) {
				if (!names.contains(required)) {
					problem(row, required, null, "import.error.missingColumn", required);
				}
			}
			this.headers = names;
			for (int i = 0; i < names.size(); i++) {
				if (names.get(i) != null) {
					this.columns.put(names.get(i), i);
				}
			}
		}

		private @Nullable ReportLine line(SourceRow row, Cells cells) {
			String indicatorCode = cells.get(LinesFormat.INDICATOR);
			if (indicatorCode == null) {
				problem(row, LinesFormat.INDICATOR, null, "import.error.required", LinesFormat.INDICATOR);
				return null;
			}
			FrameworkDefinition.Indicator indicator = this.framework.indicator(indicatorCode).orElse(null);
			if (indicator == null) {
				problem(row, LinesFormat.INDICATOR, indicatorCode, "report.line.unknownIndicator", indicatorCode);
				return null;
			}
			String location = location(row, cells.get(LinesFormat.LOCATION));
			String group = coded(row, LinesFormat.POPULATION_GROUP, cells.get(LinesFormat.POPULATION_GROUP),
					this.groups, "report.line.unknownPopulationGroup");
			TreeMap<String, String> breakdown = new TreeMap<>();
			for (String category : this.categories) {
				String option = cells.get(category);
				if (option == null) {
					continue;
				}
				if (!indicator.disaggregations().contains(category)) {
					problem(row, category, option, "report.line.categoryNotAllowed", category, indicator.code());
					continue;
				}
				String code = coded(row, category, option, this.options.getOrDefault(category, Map.of()),
						"import.error.unknownOption", category);
				if (code != null) {
					breakdown.put(category, code);
				}
			}
			BigDecimal value = number(row, cells, LinesFormat.VALUE);
			BigDecimal numerator = number(row, cells, LinesFormat.NUMERATOR);
			BigDecimal denominator = number(row, cells, LinesFormat.DENOMINATOR);
			if (location == null || group == null) {
				return null;
			}
			return new ReportLine(indicator.code(), location, group, breakdown, value, numerator, denominator,
					cells.get(LinesFormat.COMMENT));
		}

		private @Nullable String location(SourceRow row, @Nullable String written) {
			if (written == null) {
				problem(row, LinesFormat.LOCATION, null, "import.error.required", LinesFormat.LOCATION);
				return null;
			}
			LocationMatch match = this.matched.computeIfAbsent(written, ReportImport.this.locations::match);
			if (match.found() != null) {
				return match.found().pcode();
			}
			if (!match.ambiguous().isEmpty()) {
				problem(row, LinesFormat.LOCATION, written, "import.error.ambiguousLocation", written,
						shown(match.ambiguous()));
			}
			else if (!match.suggestions().isEmpty()) {
				problem(row, LinesFormat.LOCATION, written, "import.error.unknownLocationSuggest", written,
						shown(match.suggestions()));
			}
			else {
				problem(row, LinesFormat.LOCATION, written, "import.error.unknownLocation", written);
			}
			return null;
		}

		private String shown(List<Location> locations) {
			return String.join("; ",
					locations.stream().map((l) -> l.name(this.locale) + " (" + l.pcode() + ")").toList());
		}

		private @Nullable String coded(SourceRow row, String column, @Nullable String written,
				Map<String, String> codes, String messageKey, Object... more) {
			if (written == null) {
				problem(row, column, null, "import.error.required", column);
				return null;
			}
			String code = codes.get(this.keys.computeIfAbsent(written, ReportImport::key));
			if (code == null) {
				List<Object> args = new ArrayList<>(List.of(written));
				args.addAll(List.of(more));
				problem(row, column, written, messageKey, args.toArray());
			}
			return code;
		}

		private @Nullable BigDecimal number(SourceRow row, Cells cells, String column) {
			String text = cells.get(column);
			try {
				return EnteredNumber.parse(text);
			}
			catch (NumberFormatException ex) {
				problem(row, column, text, "import.error.notANumber", text);
				return null;
			}
		}

		/** The column a line problem's field is read from. */
		@Nullable String column(String field) {
			return switch (field) {
				case "indicator" -> LinesFormat.INDICATOR;
				case "location" -> LinesFormat.LOCATION;
				case "populationGroup" -> LinesFormat.POPULATION_GROUP;
				case "value" -> LinesFormat.VALUE;
				case "numerator" -> LinesFormat.NUMERATOR;
				case "denominator" -> LinesFormat.DENOMINATOR;
				case "disaggregation" -> String.join(", ", this.categories);
				default -> null;
			};
		}

		private void problem(SourceRow row, @Nullable String column, @Nullable String value, String messageKey,
				Object... args) {
			this.refusing = true;
			this.problems.add(new ImportProblem(row.sheet(), row.row(), column, value,
					ReportImport.this.messages.getMessage(messageKey, args, this.locale)));
		}

	}

	/** A row's cells: their texts in the order of the headers, looked up by column. */
	private record Cells(Map<String, Integer> columns, @Nullable String[] texts) {

		@Nullable String get(String column) {
			Integer at = this.columns.get(column);
			return (at != null) ? this.texts[at] : null;
		}

	}

	private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

	/** A code or name as looked up: trimmed, case and spacing aside. */
	private static String key(String written) {
		return SPACES.matcher(written.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
	}

	private static List<String> names(String code, org.hulul.framework.Text name) {
		List<String> names = new ArrayList<>();
		names.add(key(code));
		names.add(key(name.en()));
		if (name.ar() != null) {
			names.add(key(name.ar()));
		}
		if (name.ckb() != null) {
			names.add(key(name.ckb()));
		}
		return names;
	}

}
