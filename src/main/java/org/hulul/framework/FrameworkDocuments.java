package org.hulul.framework;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Reads and writes framework files (YAML, or JSON which is YAML too). A file is checked
 * against framework.schema.json, then for what a schema cannot say (unique codes, known
 * categories, codes that nest); every problem is reported with its path and nothing is
 * returned unless there is none.
 */
@Component
public class FrameworkDocuments {

	static final String SCHEMA = "framework/framework.schema.json";

	private final Schema schema;

	private final YAMLMapper yaml = YAMLMapper.builder().build();

	private final JsonMapper json;

	FrameworkDocuments(JsonMapper json) {
		// absent optional fields stay absent when a definition is written out
		this.json = json.rebuild()
			.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
			.build();
		try (InputStream in = new ClassPathResource(SCHEMA).getInputStream()) {
			this.schema = SchemaRegistry.withDialect(Dialects.getDraft202012())
				.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Reads a framework file, or says everything that is wrong with it. */
	public FrameworkDefinition read(String content) {
		JsonNode document;
		try {
			document = this.yaml.readTree(content);
		}
		catch (JacksonException ex) {
			TokenStreamLocation at = ex.getLocation();
			String where = (at != null) ? "line " + at.getLineNr() + ", column " + at.getColumnNr() : "";
			throw new InvalidFrameworkException(
					List.of(DocumentProblem.of(where, "framework.error.syntax", ex.getOriginalMessage())));
		}
		if (document == null || !document.isObject()) {
			throw new InvalidFrameworkException(List.of(DocumentProblem.of("", "framework.error.notAnObject")));
		}
		List<DocumentProblem> problems = new ArrayList<>();
		for (Error error : this.schema.validate(document)) {
			problems.add(toProblem(error));
		}
		// what a schema cannot say, in the same pass, so one import lists every problem
		problems.addAll(checkConsistency(document));
		if (!problems.isEmpty()) {
			throw new InvalidFrameworkException(problems);
		}
		FrameworkDefinition definition = this.json.treeToValue(document, FrameworkDefinition.class);
		return definition;
	}

	public FrameworkDefinition read(InputStream in) {
		try {
			return read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String toJson(FrameworkDefinition definition) {
		return this.json.writeValueAsString(definition);
	}

	public String toYaml(FrameworkDefinition definition) {
		return this.yaml.writeValueAsString(this.json.valueToTree(definition));
	}

	private static DocumentProblem toProblem(Error error) {
		String path = readablePath(error.getInstanceLocation().toString());
		if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
			return DocumentProblem.of(join(path, error.getProperty()), "framework.error.missing");
		}
		if ("additionalProperties".equals(error.getKeyword()) && error.getProperty() != null) {
			return DocumentProblem.of(join(path, error.getProperty()), "framework.error.unknownField");
		}
		return DocumentProblem.of(path, "framework.error.schema", error.getMessage());
	}

	/**
	 * {@code /objectives/1/subCriteria/0} or {@code $.objectives[1]…} →
	 * {@code objectives[1].subCriteria[0]}.
	 */
	static String readablePath(String location) {
		if (!location.startsWith("/")) {
			return location.replaceFirst("^\\$\\.?", "");
		}
		StringBuilder path = new StringBuilder();
		for (String segment : location.substring(1).split("/")) {
			if (segment.isEmpty()) {
				continue;
			}
			if (segment.chars().allMatch(Character::isDigit)) {
				path.append('[').append(segment).append(']');
			}
			else {
				path.append(path.isEmpty() ? "" : ".").append(segment.replace("~1", "/").replace("~0", "~"));
			}
		}
		return path.toString();
	}

	private static String join(String path, String property) {
		return path.isEmpty() ? property : path + "." + property;
	}

	/**
	 * What the schema cannot check: unique codes, known categories, codes that nest.
	 * Works on the document as read, so it runs even when the schema found problems.
	 */
	static List<DocumentProblem> checkConsistency(JsonNode document) {
		List<DocumentProblem> problems = new ArrayList<>();
		Set<String> categories = new HashSet<>();
		JsonNode categoryList = document.path("categories");
		for (int c = 0; c < categoryList.size(); c++) {
			String path = "categories[" + c + "]";
			unique(categories, categoryList.get(c).path("code"), path + ".code", problems);
			Set<String> options = new HashSet<>();
			JsonNode optionList = categoryList.get(c).path("options");
			for (int o = 0; o < optionList.size(); o++) {
				unique(options, optionList.get(o).path("code"), path + ".options[" + o + "].code", problems);
			}
		}
		Set<String> groups = new HashSet<>();
		JsonNode groupList = document.path("populationGroups");
		for (int g = 0; g < groupList.size(); g++) {
			unique(groups, groupList.get(g).path("code"), "populationGroups[" + g + "].code", problems);
		}
		Set<String> codes = new HashSet<>();
		JsonNode objectives = document.path("objectives");
		for (int o = 0; o < objectives.size(); o++) {
			JsonNode objective = objectives.get(o);
			String objectivePath = "objectives[" + o + "]";
			unique(codes, objective.path("code"), objectivePath + ".code", problems);
			JsonNode subCriteria = objective.path("subCriteria");
			for (int s = 0; s < subCriteria.size(); s++) {
				JsonNode sub = subCriteria.get(s);
				String subPath = objectivePath + ".subCriteria[" + s + "]";
				unique(codes, sub.path("code"), subPath + ".code", problems);
				nested(sub.path("code"), objective.path("code"), subPath + ".code", problems);
				JsonNode indicators = sub.path("indicators");
				for (int i = 0; i < indicators.size(); i++) {
					JsonNode indicator = indicators.get(i);
					String path = subPath + ".indicators[" + i + "]";
					unique(codes, indicator.path("code"), path + ".code", problems);
					nested(indicator.path("code"), sub.path("code"), path + ".code", problems);
					JsonNode disaggregations = indicator.path("disaggregations");
					for (int d = 0; d < disaggregations.size(); d++) {
						String category = disaggregations.get(d).asString("");
						if (!categories.contains(category)) {
							problems.add(DocumentProblem.of(path + ".disaggregations[" + d + "]",
									"framework.error.unknownCategory", category));
						}
					}
				}
			}
		}
		return problems;
	}

	private static void nested(JsonNode code, JsonNode parent, String path, List<DocumentProblem> problems) {
		if (code.isString() && parent.isString() && !code.asString().startsWith(parent.asString() + "-")) {
			problems.add(DocumentProblem.of(path, "framework.error.codePrefix", code.asString(), parent.asString()));
		}
	}

	private static void unique(Set<String> seen, JsonNode code, String path, List<DocumentProblem> problems) {
		if (code.isString() && !seen.add(code.asString())) {
			problems.add(DocumentProblem.of(path, "framework.error.duplicate", code.asString()));
		}
	}

}
