package org.hulul.exchange;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.hulul.framework.FrameworkDefinition;
import org.hulul.platform.OrganisationDirectory;
import org.hulul.platform.OrganisationRef;
import org.jspecify.annotations.Nullable;

/**
 * The mapping table as one import or export reads it, both ways: an external code with a
 * row maps to the row's Hulul value; one without a row maps to itself when it is a Hulul
 * code (an indicator code, a p-code, an organisation code, or a category option combo
 * written {@code returnee;age=0-4;sex=female}), so Hulul-to-Hulul exchange needs no rows.
 * Exports write the first row's external code of a Hulul value, or the Hulul value
 * itself.
 */
final class Dhis2Codes {

	/** DHIS2's code of the default category option combo and attribute option combo. */
	static final String DEFAULT = "default";

	private final Map<CodeMappingKind, Map<String, CodeMapping>> rows = new EnumMap<>(CodeMappingKind.class);

	private final Map<CodeMappingKind, Map<String, String>> reverse = new EnumMap<>(CodeMappingKind.class);

	private final @Nullable FrameworkDefinition framework;

	private final Predicate<String> locationExists;

	private final OrganisationDirectory organisations;

	private final Set<String> populationGroups = new HashSet<>();

	Dhis2Codes(List<CodeMapping> mappings, @Nullable FrameworkDefinition framework, Predicate<String> locationExists,
			OrganisationDirectory organisations) {
		this.framework = framework;
		this.locationExists = locationExists;
		this.organisations = organisations;
		if (framework != null) {
			framework.populationGroups().forEach((g) -> this.populationGroups.add(g.code()));
		}
		for (CodeMappingKind kind : CodeMappingKind.values()) {
			this.rows.put(kind, new HashMap<>());
			this.reverse.put(kind, new HashMap<>());
		}
		for (CodeMapping mapping : mappings) {
			this.rows.get(mapping.kind()).put(mapping.externalCode(), mapping);
			this.reverse.get(mapping.kind()).putIfAbsent(hululKey(mapping), mapping.externalCode());
		}
	}

	// external → Hulul

	Optional<Element> dataElement(String external) {
		CodeMapping row = this.rows.get(CodeMappingKind.DATA_ELEMENT).get(external);
		return element((row != null) ? row.hululValue() : external);
	}

	Optional<String> orgUnit(String external) {
		CodeMapping row = this.rows.get(CodeMappingKind.ORG_UNIT).get(external);
		return location((row != null) ? row.hululValue() : external);
	}

	/** A category option combo; none given is DHIS2's {@code default}. */
	Optional<Combo> categoryOptionCombo(@Nullable String external) {
		String code = blankToDefault(external);
		CodeMapping row = this.rows.get(CodeMappingKind.CATEGORY_OPTION_COMBO).get(code);
		if (row != null) {
			return combo(row.hululValue(), String.valueOf(row.populationGroup()));
		}
		return parseCombo(code);
	}

	/**
	 * The organisation an attribute option combo stands for; none given (or DHIS2's
	 * {@code default}) is {@code caller}'s own, when there is no row for it.
	 */
	Optional<String> attributeOptionCombo(@Nullable String external, @Nullable String caller) {
		String code = blankToDefault(external);
		CodeMapping row = this.rows.get(CodeMappingKind.ATTRIBUTE_OPTION_COMBO).get(code);
		if (row != null) {
			return organisation(row.hululValue());
		}
		if (code.equals(DEFAULT)) {
			return Optional.ofNullable(caller);
		}
		return organisation(code);
	}

	// Hulul → external

	String dataElementCode(String indicator, Part part) {
		String value = part.append(indicator.toUpperCase(Locale.ROOT));
		return this.reverse.get(CodeMappingKind.DATA_ELEMENT).getOrDefault(value, value);
	}

	String orgUnitCode(String pcode) {
		String value = pcode.toUpperCase(Locale.ROOT);
		return this.reverse.get(CodeMappingKind.ORG_UNIT).getOrDefault(value, value);
	}

	String comboCode(SortedMap<String, String> breakdown, String populationGroup) {
		String key = comboKey(stored(breakdown), populationGroup);
		String mapped = this.reverse.get(CodeMappingKind.CATEGORY_OPTION_COMBO).get(key);
		if (mapped != null) {
			return mapped;
		}
		String pairs = stored(breakdown);
		return pairs.isEmpty() ? populationGroup : populationGroup + ";" + pairs;
	}

	String attributeCode(String organisation) {
		String value = organisation.toUpperCase(Locale.ROOT);
		return this.reverse.get(CodeMappingKind.ATTRIBUTE_OPTION_COMBO).getOrDefault(value, organisation);
	}

	/**
	 * Whether a category option combo has a row, so exports name it rather than spell it
	 * out (ADX writes unmapped ones as one attribute per category).
	 */
	boolean comboMapped(SortedMap<String, String> breakdown, String populationGroup) {
		return this.reverse.get(CodeMappingKind.CATEGORY_OPTION_COMBO)
			.containsKey(comboKey(stored(breakdown), populationGroup));
	}

	// Hulul values, checked

	/** An indicator code, with ".numerator" or ".denominator" for a part of a ratio. */
	Optional<Element> element(String value) {
		String code = value.strip();
		Part part = Part.VALUE;
		for (Part candidate : List.of(Part.NUMERATOR, Part.DENOMINATOR)) {
			if (code.toLowerCase(Locale.ROOT).endsWith(candidate.suffix)) {
				part = candidate;
				code = code.substring(0, code.length() - candidate.suffix.length());
			}
		}
		if (this.framework == null) {
			return Optional.empty();
		}
		Part found = part;
		return this.framework.indicator(code).map((i) -> new Element(i.code().toUpperCase(Locale.ROOT), found));
	}

	Optional<String> location(String value) {
		String pcode = value.strip().toUpperCase(Locale.ROOT);
		return this.locationExists.test(pcode) ? Optional.of(pcode) : Optional.empty();
	}

	Optional<String> organisation(String value) {
		return this.organisations.findByCode(value.strip()).map(OrganisationRef::code);
	}

	/** A breakdown in its stored form ('' for a total) and a population group. */
	Optional<Combo> combo(String breakdown, String populationGroup) {
		if (!this.populationGroups.contains(populationGroup.strip())) {
			return Optional.empty();
		}
		SortedMap<String, String> pairs = new TreeMap<>();
		if (!breakdown.isBlank()) {
			for (String pair : breakdown.split(";")) {
				int at = pair.indexOf('=');
				if (at <= 0 || !option(pair.substring(0, at).strip(), pair.substring(at + 1).strip())
						|| pairs.put(pair.substring(0, at).strip(), pair.substring(at + 1).strip()) != null) {
					return Optional.empty();
				}
			}
		}
		return Optional.of(new Combo(pairs, populationGroup.strip()));
	}

	/** Hulul's own spelling: the group and the pairs, in any order, joined by ';'. */
	private Optional<Combo> parseCombo(String code) {
		String group = null;
		StringBuilder pairs = new StringBuilder();
		for (String part : code.split(";")) {
			if (part.indexOf('=') < 0) {
				if (group != null) {
					return Optional.empty();
				}
				group = part.strip();
			}
			else {
				pairs.append((pairs.length() > 0) ? ";" : "").append(part);
			}
		}
		return (group != null) ? combo(pairs.toString(), group) : Optional.empty();
	}

	private boolean option(String category, String option) {
		return this.framework != null && this.framework.category(category)
			.map((c) -> c.options().stream().anyMatch((o) -> o.code().equals(option)))
			.orElse(false);
	}

	private static String blankToDefault(@Nullable String code) {
		return (code == null || code.isBlank()) ? DEFAULT : code.strip();
	}

	private static String stored(SortedMap<String, String> breakdown) {
		StringBuilder pairs = new StringBuilder();
		breakdown.forEach((category,
				option) -> pairs.append((pairs.length() > 0) ? ";" : "").append(category).append('=').append(option));
		return pairs.toString();
	}

	private static String comboKey(String breakdown, String populationGroup) {
		return populationGroup + "|" + breakdown;
	}

	private static String hululKey(CodeMapping mapping) {
		return switch (mapping.kind()) {
			case CATEGORY_OPTION_COMBO -> comboKey(mapping.hululValue(), String.valueOf(mapping.populationGroup()));
			case DATA_ELEMENT -> {
				String value = mapping.hululValue();
				int dot = value.lastIndexOf('.');
				yield (dot > 0) ? value.substring(0, dot).toUpperCase(Locale.ROOT) + value.substring(dot)
						: value.toUpperCase(Locale.ROOT);
			}
			default -> mapping.hululValue().toUpperCase(Locale.ROOT);
		};
	}

	/** Which number of a line a data element carries. */
	enum Part {

		VALUE(""), NUMERATOR(".numerator"), DENOMINATOR(".denominator");

		private final String suffix;

		Part(String suffix) {
			this.suffix = suffix;
		}

		String append(String indicator) {
			return indicator + this.suffix;
		}

	}

	/** An indicator and the part of its line a data element carries. */
	record Element(String indicator, Part part) {
	}

	/** A breakdown and a population group. */
	record Combo(SortedMap<String, String> breakdown, String populationGroup) {
	}

}
