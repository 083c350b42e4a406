package org.hulul.exchange;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a DHIS2 data value set in JSON: {@code {"dataValues": [{"dataElement", "period",
 * "orgUnit", "categoryOptionCombo", "attributeOptionCombo", "value", "comment"}]}}, where
 * the set may give {@code period}, {@code orgUnit} and {@code attributeOptionCombo} once
 * for all its values, as DHIS2 allows. Other fields (storedBy, created, followup …) are
 * ignored.
 */
final class Dhis2JsonReader {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Dhis2JsonReader() {
	}

	static List<Dhis2DataValue> read(byte[] content) {
		JsonNode root;
		try {
			root = JSON.readTree(content);
		}
		catch (JacksonException ex) {
			TokenStreamLocation at = ex.getLocation();
			throw new Dhis2FileException("dhis2.error.json", (at != null) ? at.getLineNr() : 0,
					(at != null) ? at.getColumnNr() : 0, ex.getOriginalMessage());
		}
		if (root == null || !root.isObject()) {
			throw new Dhis2FileException("dhis2.error.jsonShape");
		}
		JsonNode values = root.get("dataValues");
		if (values == null || values.isNull()) {
			values = JSON.createArrayNode();
		}
		if (!values.isArray()) {
			throw new Dhis2FileException("dhis2.error.jsonShape");
		}
		String period = text(root, "period");
		String orgUnit = text(root, "orgUnit");
		String attributeOptionCombo = text(root, "attributeOptionCombo");
		List<Dhis2DataValue> read = new ArrayList<>(values.size());
		for (JsonNode value : values) {
			if (!value.isObject()) {
				throw new Dhis2FileException("dhis2.error.jsonShape");
			}
			read.add(new Dhis2DataValue(text(value, "dataElement"), or(text(value, "period"), period),
					or(text(value, "orgUnit"), orgUnit), text(value, "categoryOptionCombo"),
					or(text(value, "attributeOptionCombo"), attributeOptionCombo), text(value, "value"),
					text(value, "comment")));
		}
		return read;
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull() || value.isContainer()) {
			return null;
		}
		return value.asString();
	}

	private static @Nullable String or(@Nullable String value, @Nullable String fallback) {
		return (value != null) ? value : fallback;
	}

}
