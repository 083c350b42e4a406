package org.hulul.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.VisibilityState;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.hulul.framework.FrameworkDefinition;
import org.hulul.framework.Frameworks;
import org.hulul.geo.Location;
import org.hulul.geo.Locations;
import org.hulul.platform.HululPrincipal;
import org.hulul.platform.LocalizedText;
import org.hulul.platform.OrganisationDirectory;
import org.hulul.reporting.Report;
import org.hulul.reporting.ReportLine;
import org.hulul.reporting.Reports;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * A report's lines as files: the XLSX template (the report's lines so far, drop-down
 * lists of indicators, p-codes, population groups and options, guidance in cell notes, a
 * read-me sheet) and exports as XLSX and CSV. All are in {@link LinesFormat}, so what is
 * downloaded is what can be uploaded back: re-importing it changes nothing. Text cells
 * that begin like a formula are neutralised.
 */
@Service
public class LinesFiles {

	/** Rows of the template that offer the drop-down lists. */
	private static final int TEMPLATE_ROWS = 5000;

	private final Reports reports;

	private final Frameworks frameworks;

	private final Locations locations;

	private final OrganisationDirectory organisations;

	private final MessageSource messages;

	LinesFiles(Reports reports, Frameworks frameworks, Locations locations, OrganisationDirectory organisations,
			MessageSource messages) {
		this.reports = reports;
		this.frameworks = frameworks;
		this.locations = locations;
		this.organisations = organisations;
		this.messages = messages;
	}

	/** The file name for a report's file: {@code NRC-2025Q2-lines.xlsx}. */
	public String fileName(HululPrincipal me, long reportId, String suffix) {
		Report report = this.reports.get(me, reportId);
		String code = this.organisations.find(report.organisationId()).map((o) -> o.code()).orElse("report");
		return code.replaceAll("[^A-Za-z0-9_-]", "_") + "-" + report.period() + suffix;
	}

	/** The template: the report's lines, ready to be completed and uploaded. */
	public void template(HululPrincipal me, long reportId, Locale locale, OutputStream out) throws IOException {
		write(me, reportId, locale, out, true);
	}

	/** The report's lines as XLSX (the template's format, without the helps). */
	public void xlsx(HululPrincipal me, long reportId, Locale locale, OutputStream out) throws IOException {
		write(me, reportId, locale, out, false);
	}

	/** The report's lines as CSV, UTF-8 with a byte-order mark (Excel reads it right). */
	public void csv(HululPrincipal me, long reportId, Locale locale, OutputStream out) throws IOException {
		Report report = this.reports.get(me, reportId);
		FrameworkDefinition framework = framework(report);
		List<String> headers = LinesFormat.headers(framework);
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT);
		printer.printRecord(headers);
		for (ReportLine line : this.reports.lines(me, reportId)) {
			List<String> row = new ArrayList<>();
			for (Object cell : row(framework, headers, line, locale)) {
				row.add((cell == null) ? "" : (cell instanceof BigDecimal number) ? number.toPlainString()
						: LinesFormat.neutralised(cell.toString()));
			}
			printer.printRecord(row);
		}
		printer.flush();
	}

	/**
	 * The report's lines as HXL-tagged CSV (the 5W, one row per value;
	 * {@link HxlFormat}): a row of English headers, the hashtag row, then the lines.
	 */
	public void hxl(HululPrincipal me, long reportId, OutputStream out) throws IOException {
		Report report = this.reports.get(me, reportId);
		FrameworkDefinition framework = framework(report);
		var organisation = this.organisations.find(report.organisationId()).orElse(null);
		Map<String, String> headers = new java.util.LinkedHashMap<>(HxlFormat.fixedColumns());
		Map<String, String> values = new java.util.LinkedHashMap<>();
		List<Map<String, String>> rows = new ArrayList<>();
		for (ReportLine line : this.reports.lines(me, reportId)) {
			FrameworkDefinition.Indicator indicator = framework.indicator(line.indicator()).orElse(null);
			Map<String, String> row = new java.util.HashMap<>();
			if (organisation != null) {
				row.put(HxlFormat.ORG_CODE, organisation.code());
				row.put(HxlFormat.ORG_NAME, organisation.nameEn());
			}
			if (indicator != null) {
				row.put(HxlFormat.SECTOR_CODE, indicator.objectiveCode());
				framework.objectives()
					.stream()
					.filter((o) -> o.code().equals(indicator.objectiveCode()))
					.findFirst()
					.ifPresent((o) -> row.put(HxlFormat.SECTOR_NAME, o.shortName().en()));
				row.put(HxlFormat.INDICATOR_NAME, indicator.name().en());
			}
			row.put(HxlFormat.INDICATOR_CODE, line.indicator());
			this.locations.find(line.location()).ifPresentOrElse((location) -> {
				for (Location at : this.locations.path(location)) {
					row.put(HxlFormat.adm(at.level(), "code"), at.pcode());
					row.put(HxlFormat.adm(at.level(), "name"), at.nameEn());
				}
			}, () -> row.put(HxlFormat.adm(3, "code"), line.location()));
			row.put(HxlFormat.QUARTER, report.period().toString());
			row.put(HxlFormat.START, report.period().start().toString());
			row.put(HxlFormat.END, report.period().end().toString());
			row.put(HxlFormat.POPULATION_GROUP, line.populationGroup());
			StringBuilder attributes = new StringBuilder();
			List<String> options = new ArrayList<>();
			for (String category : LinesFormat.categories(framework)) {
				String option = line.disaggregation().get(category);
				if (option != null) {
					attributes.append('+').append(HxlFormat.attribute(category, option));
					options.add(option);
				}
			}
			String breakdown = options.isEmpty() ? "" : " (" + String.join(", ", options) + ")";
			boolean people = indicator != null && HxlFormat.people(indicator);
			value(row, values, (people ? HxlFormat.REACHED : HxlFormat.VALUE) + attributes,
					(people ? "People reached" : "Value") + breakdown, line.value());
			value(row, values, HxlFormat.NUMERATOR + attributes, "Numerator" + breakdown, line.numerator());
			value(row, values, HxlFormat.DENOMINATOR + attributes, "Denominator" + breakdown, line.denominator());
			if (line.comment() != null) {
				row.put(HxlFormat.COMMENT, line.comment());
			}
			rows.add(row);
		}
		headers.putAll(values);
		headers.put(HxlFormat.COMMENT, "Comment");
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT);
		printer.printRecord(headers.values());
		printer.printRecord(headers.keySet());
		for (Map<String, String> row : rows) {
			printer.printRecord(headers.keySet()
				.stream()
				.map((tag) -> values.containsKey(tag) ? row.getOrDefault(tag, "")
						: LinesFormat.neutralised(row.getOrDefault(tag, "")))
				.toList());
		}
		printer.flush();
	}

	private static void value(Map<String, String> row, Map<String, String> columns, String tag, String header,
			@Nullable BigDecimal value) {
		if (value != null) {
			columns.putIfAbsent(tag, header);
			row.put(tag, value.stripTrailingZeros().toPlainString());
		}
	}

	private void write(HululPrincipal me, long reportId, Locale locale, OutputStream out, boolean template)
			throws IOException {
		Report report = this.reports.get(me, reportId);
		FrameworkDefinition framework = framework(report);
		List<String> headers = LinesFormat.headers(framework);
		List<ReportLine> lines = this.reports.lines(me, reportId);
		Workbook workbook = new Workbook(out, "Hulul", "1.0");
		Worksheet sheet = workbook.newWorksheet(LinesFormat.SHEET);
		if (LocalizedText.isRightToLeft(locale)) {
			sheet.rightToLeft();
		}
		for (int c = 0; c < headers.size(); c++) {
			sheet.value(0, c, headers.get(c));
			sheet.width(c, LinesFormat.SHOWN_ONLY.contains(headers.get(c)) ? 40 : 16);
			if (template) {
				String header = headers.get(c);
				sheet.comment(0, c,
						framework.category(header)
							.map((category) -> text("template.column.category", locale, category.name().in(locale),
									String.join(", ",
											category.options().stream().map(FrameworkDefinition.Named::code).toList())))
							.orElseGet(() -> text("template.column." + header, locale)));
			}
		}
		sheet.range(0, 0, 0, headers.size() - 1).style().bold().fillColor("E8F3F7").set();
		sheet.freezePane(0, 1);
		int r = 1;
		String lastIndicator = null;
		for (ReportLine line : lines) {
			List<@Nullable Object> cells = row(framework, headers, line, locale);
			for (int c = 0; c < cells.size(); c++) {
				Object cell = cells.get(c);
				if (cell instanceof BigDecimal number) {
					sheet.value(r, c, number);
				}
				else if (cell != null) {
					sheet.value(r, c, LinesFormat.neutralised(cell.toString()));
				}
			}
			if (template && !line.indicator().equals(lastIndicator)) {
				FrameworkDefinition.Indicator indicator = framework.indicator(line.indicator()).orElseThrow();
				if (indicator.guidance() != null) {
					sheet.comment(r, 0, indicator.guidance().in(locale));
				}
				lastIndicator = line.indicator();
			}
			r++;
		}
		if (template) {
			lists(workbook, sheet, framework, headers, Math.max(TEMPLATE_ROWS, r + 1000));
			readme(workbook, me, report, framework, locale);
		}
		workbook.finish();
	}

	/** The drop-down lists, from a hidden sheet: codes only, as the import reads them. */
	private void lists(Workbook workbook, Worksheet sheet, FrameworkDefinition framework, List<String> headers,
			int rows) {
		Worksheet lists = workbook.newWorksheet("lists");
		Map<String, List<String>> columns = new java.util.LinkedHashMap<>();
		columns.put(LinesFormat.INDICATOR, framework.indicators().map(FrameworkDefinition.Indicator::code).toList());
		columns.put(LinesFormat.LOCATION, this.locations.all().stream().map(Location::pcode).toList());
		columns.put(LinesFormat.POPULATION_GROUP,
				framework.populationGroups().stream().map(FrameworkDefinition.Named::code).toList());
		for (String category : LinesFormat.categories(framework)) {
			columns.put(category,
					framework.category(category)
						.orElseThrow()
						.options()
						.stream()
						.map(FrameworkDefinition.Named::code)
						.toList());
		}
		int c = 0;
		for (Map.Entry<String, List<String>> column : columns.entrySet()) {
			lists.value(0, c, column.getKey());
			for (int i = 0; i < column.getValue().size(); i++) {
				lists.value(i + 1, c, column.getValue().get(i));
			}
			int at = headers.indexOf(column.getKey());
			sheet.range(1, at, rows, at)
				.validateWithList(lists.range(1, c, column.getValue().size(), c))
				.allowBlank(true)
				.showErrorMessage(true);
			c++;
		}
		lists.setVisibilityState(VisibilityState.HIDDEN);
	}

	private void readme(Workbook workbook, HululPrincipal me, Report report, FrameworkDefinition framework,
			Locale locale) {
		Worksheet readme = workbook.newWorksheet(text("template.readme.sheet", locale));
		if (LocalizedText.isRightToLeft(locale)) {
			readme.rightToLeft();
		}
		String organisation = this.organisations.find(report.organisationId()).map((o) -> o.code()).orElse("");
		readme.value(0, 0, text("template.readme.title", locale, organisation, report.period().toString()));
		readme.style(0, 0).bold().set();
		int r = 2;
		for (int i = 1; i <= 7; i++) {
			readme.value(r++, 0, text("template.readme." + i, locale));
		}
		r++;
		readme.value(r++, 0, text("template.readme.indicators", locale));
		for (FrameworkDefinition.Indicator indicator : framework.indicators().toList()) {
			readme.value(r, 0, indicator.code());
			readme.value(r, 1, indicator.name().in(locale));
			readme.value(r, 2, indicator.unit().in(locale));
			readme.value(r, 3, String.join(", ", indicator.disaggregations()));
			readme.value(r, 4, indicator.aggregation().name());
			r++;
		}
		readme.width(0, 16);
		readme.width(1, 80);
		readme.width(2, 20);
		readme.width(3, 24);
		readme.value(r + 1, 0,
				text("template.readme.made", locale, java.time.LocalDate.now().toString(), me.getUsername()));
	}

	/** One line's cells, in the order of {@code headers}: numbers as numbers. */
	private List<@Nullable Object> row(FrameworkDefinition framework, List<String> headers, ReportLine line,
			Locale locale) {
		FrameworkDefinition.Indicator indicator = framework.indicator(line.indicator()).orElse(null);
		List<@Nullable Object> cells = new ArrayList<>(headers.size());
		for (String header : headers) {
			cells.add(switch (header) {
				case LinesFormat.INDICATOR -> line.indicator();
				case LinesFormat.INDICATOR_NAME -> (indicator != null) ? indicator.name().in(locale) : null;
				case LinesFormat.UNIT -> (indicator != null) ? indicator.unit().in(locale) : null;
				case LinesFormat.LOCATION -> line.location();
				case LinesFormat.LOCATION_NAME ->
					this.locations.find(line.location()).map((l) -> l.name(locale)).orElse(null);
				case LinesFormat.POPULATION_GROUP -> line.populationGroup();
				case LinesFormat.VALUE -> plain(line.value());
				case LinesFormat.NUMERATOR -> plain(line.numerator());
				case LinesFormat.DENOMINATOR -> plain(line.denominator());
				case LinesFormat.COMMENT -> line.comment();
				default -> line.disaggregation().get(header);
			});
		}
		return cells;
	}

	private static @Nullable BigDecimal plain(@Nullable BigDecimal number) {
		return (number != null) ? number.stripTrailingZeros() : null;
	}

	private FrameworkDefinition framework(Report report) {
		return this.frameworks.version(report.frameworkVersionId()).orElseThrow().definition();
	}

	private String text(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

}
