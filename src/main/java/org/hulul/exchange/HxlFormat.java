package org.hulul.exchange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hulul.framework.FrameworkDefinition;
import org.jspecify.annotations.Nullable;

/**
 * A report's lines as HXL (the Humanitarian Exchange Language): the 5W in long format,
 * one row per value, each column tagged with a hashtag of the HXL core dictionary and
 * attributes. The breakdown of a value is in the attributes of its column: sex as
 * {@code +f}/{@code +m}, age bands as {@code +age0_4}…, other categories as
 * {@code +category_option}. The mapping is in docs/hxl.md.
 */
final class HxlFormat {

	/**
	 * The hashtags of the HXL core dictionary (HXL 1.1 and later, without the rejected
	 * {@code #delivery}).
	 */
	static final Set<String> CORE_HASHTAGS = Set.of("access", "activity", "adm1", "adm2", "adm3", "adm4", "adm5",
			"affected", "beneficiary", "capacity", "cause", "channel", "contact", "country", "crisis", "currency",
			"date", "description", "event", "frequency", "geo", "group", "impact", "indicator", "inneed", "item", "loc",
			"meta", "modality", "need", "operations", "org", "output", "population", "reached", "region", "respondee",
			"sector", "service", "severity", "status", "subsector", "targeted", "value");

	static final String ORG_CODE = "#org+impl+code";

	static final String ORG_NAME = "#org+impl+name";

	static final String SECTOR_CODE = "#sector+code";

	static final String SECTOR_NAME = "#sector+name";

	static final String INDICATOR_CODE = "#indicator+code";

	static final String INDICATOR_NAME = "#indicator+name";

	static final String QUARTER = "#date+reported";

	static final String START = "#date+start";

	static final String END = "#date+end";

	static final String POPULATION_GROUP = "#population+type";

	static final String COMMENT = "#description+notes";

	/**
	 * A value's column: people reached, another value, a ratio's numerator or
	 * denominator.
	 */
	static final String REACHED = "#reached";

	static final String VALUE = "#indicator+value";

	static final String NUMERATOR = "#indicator+num";

	static final String DENOMINATOR = "#indicator+denom";

	private HxlFormat() {
	}

	/** The fixed columns, before the values: hashtag and English header. */
	static Map<String, String> fixedColumns() {
		Map<String, String> columns = new LinkedHashMap<>();
		columns.put(ORG_CODE, "Reporting partner code");
		columns.put(ORG_NAME, "Reporting partner");
		columns.put(SECTOR_CODE, "Strategic objective code");
		columns.put(SECTOR_NAME, "Strategic objective");
		columns.put(INDICATOR_CODE, "Indicator code");
		columns.put(INDICATOR_NAME, "Indicator");
		for (int level = 1; level <= 3; level++) {
			String name = new String[] { "Governorate", "District", "Sub-district" }[level - 1];
			columns.put(adm(level, "code"), name + " p-code");
			columns.put(adm(level, "name"), name);
		}
		columns.put(QUARTER, "Quarter");
		columns.put(START, "Quarter start");
		columns.put(END, "Quarter end");
		columns.put(POPULATION_GROUP, "Population group");
		return columns;
	}

	static String adm(int level, String attribute) {
		return "#adm" + level + "+" + attribute;
	}

	/**
	 * The attribute of a breakdown option: {@code +f} and {@code +m} for sex (HXL core),
	 * {@code +age0_4} for an age band, else {@code +category_option}; lowercase letters,
	 * digits and underscores, as HXL attributes are.
	 */
	static String attribute(String category, String option) {
		if ("sex".equals(category) && ("female".equals(option) || "male".equals(option))) {
			return option.substring(0, 1);
		}
		String prefix = "age".equals(category) ? "age" : category + "_";
		return (prefix + option.replace("+", "_plus")).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
	}

	/** Every breakdown attribute of a framework: attribute → category and option. */
	static Map<String, Map.Entry<String, String>> attributes(FrameworkDefinition framework) {
		Map<String, Map.Entry<String, String>> attributes = new LinkedHashMap<>();
		for (FrameworkDefinition.Category category : framework.categories()) {
			for (FrameworkDefinition.Named option : category.options()) {
				attributes.put(attribute(category.code(), option.code()), Map.entry(category.code(), option.code()));
			}
		}
		return attributes;
	}

	/** An indicator counted in people: its values are {@code #reached}. */
	static boolean people(FrameworkDefinition.Indicator indicator) {
		String unit = indicator.unit().en().toLowerCase(Locale.ROOT);
		return indicator.valueType() == org.hulul.framework.ValueType.COUNT
				&& (unit.contains("person") || unit.contains("individual"));
	}

	/**
	 * An HXL tag: a hashtag and its attributes, lowercase (HXL is case-insensitive), the
	 * attributes as a set (their order does not matter).
	 */
	record Tag(String hashtag, SortedSet<String> attributes) {

		private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

		private static final Pattern TAG = Pattern.compile("#([a-z][a-z0-9_]*)((?:\\s*\\+\\s*[a-z][a-z0-9_]*)*)");

		/** The tag written, or null when it is not HXL's syntax. */
		static @Nullable Tag parse(String text) {
			Matcher matcher = TAG.matcher(text.strip().toLowerCase(Locale.ROOT));
			if (!matcher.matches()) {
				return null;
			}
			SortedSet<String> attributes = new TreeSet<>();
			for (String attribute : matcher.group(2).split("\\+")) {
				if (NAME.matcher(attribute.strip()).matches()) {
					attributes.add(attribute.strip());
				}
			}
			return new Tag(matcher.group(1), attributes);
		}

		boolean is(String hashtag, String... attributes) {
			return this.hashtag.equals(hashtag) && this.attributes.containsAll(List.of(attributes));
		}

		boolean core() {
			return CORE_HASHTAGS.contains(this.hashtag);
		}

		@Override
		public String toString() {
			return "#" + this.hashtag + String.join("", this.attributes.stream().map((a) -> "+" + a).toList());
		}

	}

}
