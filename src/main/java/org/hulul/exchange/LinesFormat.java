package org.hulul.exchange;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.hulul.framework.FrameworkDefinition;
import org.hulul.platform.SpreadsheetText;

/**
 * The columns of a report's lines in a file, in the template, the exports and what the
 * imports read (long format: one row per value). The headers are codes, the same in every
 * language, so a file written in Arabic reads back anywhere. Columns marked as shown only
 * (names, unit) help the reader and are ignored on import.
 */
final class LinesFormat {

	static final String SHEET = "lines";

	static final String INDICATOR = "indicator";

	static final String INDICATOR_NAME = "indicator_name";

	static final String UNIT = "unit";

	static final String LOCATION = "location";

	static final String LOCATION_NAME = "location_name";

	static final String POPULATION_GROUP = "population_group";

	static final String VALUE = "value";

	static final String NUMERATOR = "numerator";

	static final String DENOMINATOR = "denominator";

	static final String COMMENT = "comment";

	/** Columns written for the reader and ignored on import. */
	static final Set<String> SHOWN_ONLY = Set.of(INDICATOR_NAME, UNIT, LOCATION_NAME);

	private LinesFormat() {
	}

	/**
	 * The headers for a framework: the fixed columns, one per breakdown category the
	 * framework's indicators use (its cells hold the option), and the values.
	 */
	static List<String> headers(FrameworkDefinition framework) {
		List<String> headers = new ArrayList<>(
				List.of(INDICATOR, INDICATOR_NAME, UNIT, LOCATION, LOCATION_NAME, POPULATION_GROUP));
		headers.addAll(categories(framework));
		headers.addAll(List.of(VALUE, NUMERATOR, DENOMINATOR, COMMENT));
		return headers;
	}

	/** The breakdown categories the framework's indicators use, in framework order. */
	static List<String> categories(FrameworkDefinition framework) {
		Set<String> used = new LinkedHashSet<>();
		framework.indicators().forEach((i) -> used.addAll(i.disaggregations()));
		return framework.categories().stream().map(FrameworkDefinition.Category::code).filter(used::contains).toList();
	}

	/** A cell's text made safe for a spreadsheet (see {@link SpreadsheetText}). */
	static String neutralised(String text) {
		return SpreadsheetText.neutralised(text);
	}

	/** The text as it was before {@link #neutralised}: what a re-import reads. */
	static String restored(String text) {
		return SpreadsheetText.restored(text);
	}

}
