package org.hulul.exchange;

import org.jspecify.annotations.Nullable;

/**
 * One data value as DHIS2 data value sets and ADX carry it, with the codes as the file
 * writes them (not yet mapped).
 */
record Dhis2DataValue(@Nullable String dataElement, @Nullable String period, @Nullable String orgUnit,
		@Nullable String categoryOptionCombo, @Nullable String attributeOptionCombo, @Nullable String value,
		@Nullable String comment) {
}
