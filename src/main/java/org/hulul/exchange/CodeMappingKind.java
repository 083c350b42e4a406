package org.hulul.exchange;

/**
 * What an external code of a DHIS2 data value set or an ADX document stands for in Hulul.
 * Periods are not mapped: {@link Dhis2Period} converts them.
 */
public enum CodeMappingKind {

	/** A DHIS2 data element: an indicator code, or one part of a ratio indicator. */
	DATA_ELEMENT,

	/** A DHIS2 organisation unit: a location's p-code. */
	ORG_UNIT,

	/** A DHIS2 category option combo: a breakdown and a population group. */
	CATEGORY_OPTION_COMBO,

	/** A DHIS2 attribute option combo: the reporting organisation. */
	ATTRIBUTE_OPTION_COMBO;

	public String labelKey() {
		return "dhis2.kind." + name();
	}

}
