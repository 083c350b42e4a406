package org.hulul.geo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

/**
 * The boundary polygons of the OCHA COD-AB (shipped as GeoJSON in {@code static/geo/}),
 * served in pieces: a map of one governorate should not download the whole country's
 * sub-districts over a field office's connection.
 */
@Service
public class Boundaries {

	private static final String FILE = "static/geo/iraq-adm%d.geojson";

	private final JsonMapper json;

	private final List<List<JsonNode>> byLevel = new ArrayList<>();

	Boundaries(JsonMapper json) {
		this.json = json;
	}

	/**
	 * A GeoJSON FeatureCollection of the units of a level (1–3) whose p-code starts with
	 * {@code within}, or with one of several p-codes separated by commas (all of them
	 * when it is blank). Feature properties: pcode, name_en, name_ar and the parents'
	 * p-codes.
	 */
	public ObjectNode features(int level, String within) {
		if (level < 1 || level > 3) {
			throw new IllegalArgumentException("level must be 1, 2 or 3");
		}
		List<String> prefixes = java.util.Arrays.stream(within.toUpperCase(Locale.ROOT).split(","))
			.map(String::strip)
			.toList();
		ObjectNode collection = this.json.createObjectNode();
		collection.put("type", "FeatureCollection");
		ArrayNode features = collection.putArray("features");
		for (JsonNode feature : level(level)) {
			String pcode = feature.path("properties").path("pcode").asString("");
			if (prefixes.stream().anyMatch(pcode::startsWith)) {
				features.add(feature);
			}
		}
		return collection;
	}

	private synchronized List<JsonNode> level(int level) {
		while (this.byLevel.size() < 3) {
			this.byLevel.add(null);
		}
		List<JsonNode> features = this.byLevel.get(level - 1);
		if (features == null) {
			try (InputStream in = new ClassPathResource(FILE.formatted(level)).getInputStream()) {
				features = new ArrayList<>();
				this.json.readTree(in).path("features").forEach(features::add);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.byLevel.set(level - 1, List.copyOf(features));
		}
		return features;
	}

}
