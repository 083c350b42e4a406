package org.hulul.exchange;

import org.jspecify.annotations.Nullable;

/**
 * One row of the mapping table: the external code of a kind and the Hulul value it stands
 * for (for a category option combo, the breakdown in its stored form, e.g.
 * {@code age=0-4;sex=female} or empty for a total, and the population group), with the
 * version the row was read at.
 */
public record CodeMapping(long id, CodeMappingKind kind, String externalCode, String hululValue,
		@Nullable String populationGroup, int version) {
}
