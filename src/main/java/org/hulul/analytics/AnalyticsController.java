package org.hulul.analytics;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.hulul.framework.FrameworkDefinition;
import org.hulul.framework.Frameworks;
import org.hulul.geo.Locations;
import org.hulul.organisations.OrganisationType;
import org.hulul.platform.HululPrincipal;
import org.hulul.platform.Role;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The pivot page: rows and columns by any dimension, filters, the table with its totals,
 * a chart or a map of it; every choice is in the address, so a pivot can be shared; the
 * table downloads as CSV or XLSX.
 */
@Controller
class AnalyticsController {

	private final Pivots pivots;

	private final AnalyticsLabels labels;

	private final Frameworks frameworks;

	private final Locations locations;

	private final AnalyticsStore store;

	private final tools.jackson.databind.json.JsonMapper json;

	AnalyticsController(Pivots pivots, AnalyticsLabels labels, Frameworks frameworks, Locations locations,
			AnalyticsStore store, tools.jackson.databind.json.JsonMapper json) {
		this.json = json;
		this.pivots = pivots;
		this.labels = labels;
		this.frameworks = frameworks;
		this.locations = locations;
		this.store = store;
	}

	/** What the page's form asks: the layout and the filters. */
	static final class Question {

		String rows = "indicator";

		@Nullable String rows2;

		@Nullable String columns = "period";

		String view = "table";

		List<String> indicator = new ArrayList<>();

		List<String> objective = new ArrayList<>();

		List<String> period = new ArrayList<>();

		List<String> adm1 = new ArrayList<>();

		List<String> adm2 = new ArrayList<>();

		List<String> organisationType = new ArrayList<>();

		List<String> populationGroup = new ArrayList<>();

		List<String> subCriterion = new ArrayList<>();

		List<String> adm3 = new ArrayList<>();

		List<String> organisation = new ArrayList<>();

		List<String> year = new ArrayList<>();

		boolean submitted;

		public void setRows(String rows) {
			this.rows = rows;
		}

		public void setRows2(@Nullable String rows2) {
			this.rows2 = (rows2 == null || rows2.isBlank()) ? null : rows2;
		}

		public @Nullable String getRows2() {
			return this.rows2;
		}

		public void setColumns(@Nullable String columns) {
			this.columns = (columns == null || columns.isBlank()) ? null : columns;
		}

		public void setView(String view) {
			this.view = List.of("table", "chart", "map").contains(view) ? view : "table";
		}

		public void setIndicator(List<String> indicator) {
			this.indicator = indicator;
		}

		public void setObjective(List<String> objective) {
			this.objective = objective;
		}

		public void setPeriod(List<String> period) {
			this.period = period;
		}

		public void setAdm1(List<String> adm1) {
			this.adm1 = adm1;
		}

		public void setAdm2(List<String> adm2) {
			this.adm2 = adm2;
		}

		public void setOrganisationType(List<String> organisationType) {
			this.organisationType = organisationType;
		}

		public void setPopulationGroup(List<String> populationGroup) {
			this.populationGroup = populationGroup;
		}

		public void setYear(List<String> year) {
			this.year = year;
		}

		public List<String> getYear() {
			return this.year;
		}

		public void setOrganisation(List<String> organisation) {
			this.organisation = organisation;
		}

		public List<String> getOrganisation() {
			return this.organisation;
		}

		public void setAdm3(List<String> adm3) {
			this.adm3 = adm3;
		}

		public List<String> getAdm3() {
			return this.adm3;
		}

		public void setSubCriterion(List<String> subCriterion) {
			this.subCriterion = subCriterion;
		}

		public List<String> getSubCriterion() {
			return this.subCriterion;
		}

		public void setSubmitted(boolean submitted) {
			this.submitted = submitted;
		}

		public String getRows() {
			return this.rows;
		}

		public @Nullable String getColumns() {
			return this.columns;
		}

		public String getView() {
			return this.view;
		}

		public List<String> getIndicator() {
			return this.indicator;
		}

		public List<String> getObjective() {
			return this.objective;
		}

		public List<String> getPeriod() {
			return this.period;
		}

		public List<String> getAdm1() {
			return this.adm1;
		}

		public List<String> getAdm2() {
			return this.adm2;
		}

		public List<String> getOrganisationType() {
			return this.organisationType;
		}

		public List<String> getPopulationGroup() {
			return this.populationGroup;
		}

		public boolean isSubmitted() {
			return this.submitted;
		}

		/** How many dimensions are filtered on. */
		public int getFilterCount() {
			return filters().size();
		}

		Map<String, Set<String>> filters() {
			Map<String, Set<String>> filters = new LinkedHashMap<>();
			put(filters, "indicator", this.indicator);
			put(filters, "objective", this.objective);
			put(filters, "period", this.period);
			put(filters, "adm1", this.adm1);
			put(filters, "adm2", this.adm2);
			put(filters, "organisationType", this.organisationType);
			put(filters, "populationGroup", this.populationGroup);
			put(filters, "subCriterion", this.subCriterion);
			put(filters, "adm3", this.adm3);
			put(filters, "organisation", this.organisation);
			put(filters, "year", this.year);
			return filters;
		}

		private static void put(Map<String, Set<String>> filters, String dimension, List<String> values) {
			Set<String> chosen = new LinkedHashSet<>();
			values.stream().filter((v) -> v != null && !v.isBlank()).forEach(chosen::add);
			if (!chosen.isEmpty()) {
				filters.put(dimension, chosen);
			}
		}

	}

	/** A choice in a list: its code and label. */
	record Choice(String code, String label) {
	}

	@GetMapping("/analytics")
	String page(@AuthenticationPrincipal HululPrincipal me, @ModelAttribute("question") Question question,
			Locale locale, Model model, jakarta.servlet.http.HttpServletRequest request) {
		model.addAttribute("query", (request.getQueryString() != null) ? "?" + request.getQueryString() : "");
		Pivot pivot = this.pivots.pivot(me, question.rows, question.rows2, question.columns, question.filters(),
				question.submitted, locale);
		model.addAttribute("pivot", pivot);
		model.addAttribute("onlyMixed", !pivot.isEmpty()
				&& pivot.rowTotals().values().stream().allMatch((c) -> c.value() == null && c.mixed()));
		model.addAttribute("mayIncludeSubmitted", me.is(Role.REVIEWER) || me.is(Role.SECRETARIAT) || me.is(Role.ADMIN));
		model.addAttribute("dimensions", dimensions(locale));
		FrameworkDefinition framework = this.frameworks.current().map((v) -> v.definition()).orElse(null);
		List<Choice> indicators = new ArrayList<>();
		List<Choice> objectives = new ArrayList<>();
		List<Choice> groups = new ArrayList<>();
		if (framework != null) {
			framework.indicators()
				.forEach((i) -> indicators.add(new Choice(i.code(), i.code() + " " + i.name().in(locale))));
			framework.objectives()
				.forEach((o) -> objectives.add(new Choice(o.code(), o.code() + " " + o.shortName().in(locale))));
			framework.populationGroups().forEach((g) -> groups.add(new Choice(g.code(), g.name().in(locale))));
		}
		model.addAttribute("indicators", indicators);
		model.addAttribute("objectives", objectives);
		model.addAttribute("groups", groups);
		model.addAttribute("periods", this.store.periodCodes());
		model.addAttribute("years",
				this.store.periodCodes().stream().map((p) -> p.substring(0, 4)).distinct().toList());
		model.addAttribute("organisations",
				this.store.organisationCodes()
					.stream()
					.map((o) -> new Choice(o, this.labels.value("organisation", o, locale)))
					.sorted(java.util.Comparator.comparing(Choice::label))
					.toList());
		model.addAttribute("governorates",
				this.locations.atLevel(1).stream().map((l) -> new Choice(l.pcode(), l.name(locale))).toList());
		model.addAttribute("types",
				java.util.Arrays.stream(OrganisationType.values())
					.map((t) -> new Choice(t.name(), this.labels.value("organisationType", t.name(), locale)))
					.toList());
		model.addAttribute("rowLabel", this.labels.dimension(question.rows, locale));
		model.addAttribute("rowLabel2",
				(pivot.rowDimension2() != null) ? this.labels.dimension(pivot.rowDimension2(), locale) : null);
		model.addAttribute("columnLabel",
				(question.columns != null) ? this.labels.dimension(question.columns, locale) : null);
		int level = question.rows.startsWith("adm") ? question.rows.charAt(3) - '0' : 0;
		model.addAttribute("mapLevel", level);
		if (level > 0) {
			Map<String, @Nullable Double> values = new LinkedHashMap<>();
			for (Pivot.Line line : pivot.topLines()) {
				Pivot.Cell cell = pivot.rowTotals().get(line.key());
				values.put(line.code(), (cell != null) ? cell.value() : null);
			}
			model.addAttribute("mapValues", this.json.writeValueAsString(values));
			model.addAttribute("mapWithin", mapWithin(question, level));
		}
		model.addAttribute("chart", this.json.writeValueAsString(chart(pivot, question)));
		return "analytics/pivot";
	}

	/**
	 * The chart of a pivot: a line per row over the quarters (or years) when those are
	 * the columns, else a bar per row with a series per column.
	 */
	private static Map<String, Object> chart(Pivot pivot, Question question) {
		boolean overTime = "period".equals(question.columns) || "year".equals(question.columns);
		List<Pivot.Header> tops = pivot.topLines().stream().map((l) -> new Pivot.Header(l.key(), l.label())).toList();
		List<Pivot.Header> across = overTime ? pivot.columns() : tops;
		List<Pivot.Header> series = overTime ? tops
				: (pivot.columnDimension() != null) ? pivot.columns() : List.of(new Pivot.Header("", ""));
		List<Map<String, Object>> lines = new ArrayList<>();
		for (Pivot.Header one : series) {
			List<@Nullable Double> data = new ArrayList<>();
			for (Pivot.Header at : across) {
				Pivot.Cell cell = (pivot.columnDimension() == null) ? pivot.rowTotals().get(at.code())
						: overTime ? pivot.cell(one.code(), at.code()) : pivot.cell(at.code(), one.code());
				data.add((cell != null) ? cell.value() : null);
			}
			lines.add(Map.of("name", one.label(), "data", data));
		}
		return Map.of("type", overTime ? "line" : "bar", "categories",
				across.stream().map(Pivot.Header::label).toList(), "series", lines);
	}

	/**
	 * The area a map is drawn in: the governorate or district filtered on, else all Iraq.
	 */
	private String mapWithin(Question question, int level) {
		if (level == 3 && question.adm2.size() == 1) {
			return question.adm2.get(0);
		}
		if (level >= 2 && question.adm1.size() == 1) {
			return question.adm1.get(0);
		}
		return "";
	}

	private List<Choice> dimensions(Locale locale) {
		List<Choice> dimensions = new ArrayList<>();
		Analytics.DIMENSIONS.forEach((d) -> dimensions.add(new Choice(d, this.labels.dimension(d, locale))));
		this.frameworks.current()
			.ifPresent((v) -> v.definition()
				.categories()
				.forEach((c) -> dimensions.add(new Choice(c.code(), c.name().in(locale)))));
		return dimensions;
	}

	@GetMapping(path = "/analytics.csv", produces = "text/csv")
	ResponseEntity<String> csv(@AuthenticationPrincipal HululPrincipal me,
			@ModelAttribute("question") Question question, Locale locale) throws IOException {
		Pivot pivot = this.pivots.pivot(me, question.rows, question.rows2, question.columns, question.filters(),
				question.submitted, locale);
		StringBuilder csv = new StringBuilder("\uFEFF");
		try (org.apache.commons.csv.CSVPrinter printer = new org.apache.commons.csv.CSVPrinter(csv,
				org.apache.commons.csv.CSVFormat.DEFAULT)) {
			for (List<@Nullable Object> line : table(pivot, question, locale)) {
				printer.printRecord(line);
			}
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"hulul-pivot.csv\"")
			.contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
			.body(csv.toString());
	}

	@GetMapping("/analytics.xlsx")
	ResponseEntity<StreamingResponseBody> xlsx(@AuthenticationPrincipal HululPrincipal me,
			@ModelAttribute("question") Question question, Locale locale) {
		Pivot pivot = this.pivots.pivot(me, question.rows, question.rows2, question.columns, question.filters(),
				question.submitted, locale);
		List<List<@Nullable Object>> table = table(pivot, question, locale);
		StreamingResponseBody body = (OutputStream out) -> {
			Workbook workbook = new Workbook(out, "Hulul", "1.0");
			Worksheet sheet = workbook.newWorksheet("pivot");
			for (int r = 0; r < table.size(); r++) {
				List<@Nullable Object> line = table.get(r);
				for (int c = 0; c < line.size(); c++) {
					Object cell = line.get(c);
					if (cell instanceof Double number) {
						sheet.value(r, c, number);
					}
					else if (cell != null) {
						sheet.value(r, c, org.hulul.platform.SpreadsheetText.neutralised(cell.toString()));
					}
				}
			}
			sheet.style(0, 0).bold().set();
			workbook.finish();
		};
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"hulul-pivot.xlsx\"")
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.body(body);
	}

	/**
	 * The table as downloaded: a header line, a line per row with its total, the totals
	 * line.
	 */
	private List<List<@Nullable Object>> table(Pivot pivot, Question question, Locale locale) {
		List<List<@Nullable Object>> table = new ArrayList<>();
		List<@Nullable Object> header = new ArrayList<>();
		header.add(this.labels.dimension(question.rows, locale));
		if (pivot.rowDimension2() != null) {
			header.add(this.labels.dimension(pivot.rowDimension2(), locale));
		}
		pivot.columns().forEach((c) -> header.add(c.label()));
		String totalLabel = this.labels.total(locale);
		header.add((pivot.columnDimension() != null) ? totalLabel : this.labels.valueHeader(locale));
		table.add(header);
		for (Pivot.Line row : pivot.rows()) {
			List<@Nullable Object> line = new ArrayList<>();
			line.add(row.first().label());
			if (pivot.rowDimension2() != null) {
				line.add(row.subtotal() ? this.labels.subtotal(locale) : row.second().label());
			}
			pivot.columns().forEach((c) -> line.add(number(pivot.cell(row.key(), c.code()))));
			line.add(number(pivot.rowTotals().get(row.key())));
			table.add(line);
		}
		List<@Nullable Object> totals = new ArrayList<>();
		totals.add(totalLabel);
		if (pivot.rowDimension2() != null) {
			totals.add(null);
		}
		pivot.columns().forEach((c) -> totals.add(number(pivot.columnTotals().get(c.code()))));
		totals.add(number(pivot.total()));
		table.add(totals);
		return table;
	}

	private static @Nullable Double number(Pivot.@Nullable Cell cell) {
		return (cell != null) ? cell.value() : null;
	}

}
