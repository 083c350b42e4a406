package org.hulul.framework;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The inter-agency durable-solutions indicator library (mapped to the IRIS solutions
 * measure), shipped in framework/ds-library/: suggestions for objectives whose guidelines
 * define no indicators yet.
 */
@Component
public class LibraryIndicators {

	static final String SOURCE = "Inter-Agency Durable Solutions Indicator Library, via the IRIS solutions measure "
			+ "(EGRIS, March 2020)";

	private final List<Suggestion> all;

	LibraryIndicators() {
		Map<String, Integer> occurrences = new LinkedHashMap<>();
		List<Suggestion> suggestions = new ArrayList<>();
		for (CSVRecord row : read("framework/ds-library/iris-ds-library-indicators-by-subcriterion.csv")) {
			String subCriterion = row.get("subcriterion_code");
			int n = occurrences.merge(subCriterion, 1, Integer::sum);
			suggestions.add(new Suggestion(subCriterion + "-" + n, subCriterion, row.get("subcriterion"),
					Integer.parseInt(subCriterion.substring(0, subCriterion.indexOf('.'))), row.get("indicator")));
		}
		this.all = List.copyOf(suggestions);
	}

	public List<Suggestion> all() {
		return this.all;
	}

	public Optional<Suggestion> find(String id) {
		return this.all.stream().filter((s) -> s.id().equals(id)).findFirst();
	}

	private static List<CSVRecord> read(String resource) {
		CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
		try (Reader reader = new InputStreamReader(new ClassPathResource(resource).getInputStream(),
				StandardCharsets.UTF_8)) {
			return format.parse(reader).getRecords();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A library indicator: its IRIS sub-criterion, IASC criterion and wording. */
	public record Suggestion(String id, String subCriterionCode, String subCriterion, int iascCriterion, String text) {

		public String source() {
			return SOURCE + ", sub-criterion " + this.subCriterionCode + " " + this.subCriterion;
		}

	}

}
