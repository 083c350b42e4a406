package org.hulul.analytics;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.hulul.platform.HululPrincipal;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The analytics over the API: flat rows as JSON, or CSV. */
@RestController
@Tag(name = "Analytics")
class AnalyticsApiController {

	private final Analytics analytics;

	AnalyticsApiController(Analytics analytics) {
		this.analytics = analytics;
	}

	@GetMapping(path = "/api/v1/analytics", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Values aggregated by the dimensions asked for",
			description = "dimensions: objective, subCriterion, indicator, adm1, adm2, adm3, period, year, "
					+ "organisation, organisationType, populationGroup, or a disaggregation category's code (sex …); "
					+ "filter: dimension:value[,value];… e.g. period:2025Q2;adm1:IQG01. Approved values only, unless "
					+ "a reviewer asks includeSubmitted=true (such rows are marked submitted). Each indicator adds up "
					+ "by its rule; a row where indicators of different units meet has no value (mixed).")
	Map<String, Object> json(@AuthenticationPrincipal HululPrincipal me,
			@RequestParam(required = false) @Nullable String dimensions,
			@RequestParam(required = false) @Nullable String filter,
			@RequestParam(defaultValue = "false") boolean includeSubmitted) {
		AnalyticsResult result = this.analytics.query(me, AnalyticsQuery.parse(dimensions, filter, includeSubmitted));
		List<Map<String, @Nullable Object>> rows = new ArrayList<>();
		for (AnalyticsResult.Row row : result.rows()) {
			Map<String, @Nullable Object> flat = new LinkedHashMap<>(row.keys());
			flat.put("value", row.value());
			if (row.numerator() != null) {
				flat.put("numerator", row.numerator());
				flat.put("denominator", row.denominator());
			}
			if (row.mixed()) {
				flat.put("mixed", true);
			}
			if (row.submitted()) {
				flat.put("submitted", true);
			}
			rows.add(flat);
		}
		return Map.of("dimensions", result.dimensions(), "rows", rows);
	}

	@GetMapping(path = "/api/v1/analytics", produces = "text/csv")
	ResponseEntity<String> csv(@AuthenticationPrincipal HululPrincipal me,
			@RequestParam(required = false) @Nullable String dimensions,
			@RequestParam(required = false) @Nullable String filter,
			@RequestParam(defaultValue = "false") boolean includeSubmitted) throws IOException {
		AnalyticsResult result = this.analytics.query(me, AnalyticsQuery.parse(dimensions, filter, includeSubmitted));
		StringWriter text = new StringWriter();
		try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.DEFAULT)) {
			List<String> header = new ArrayList<>(result.dimensions());
			header.addAll(List.of("value", "numerator", "denominator", "mixed", "submitted"));
			printer.printRecord(header);
			for (AnalyticsResult.Row row : result.rows()) {
				List<@Nullable Object> cells = new ArrayList<>();
				result.dimensions().forEach((d) -> cells.add(row.keys().get(d)));
				cells.add(row.value());
				cells.add(row.numerator());
				cells.add(row.denominator());
				cells.add(row.mixed());
				cells.add(row.submitted());
				printer.printRecord(cells);
			}
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
			.body(text.toString());
	}

}
