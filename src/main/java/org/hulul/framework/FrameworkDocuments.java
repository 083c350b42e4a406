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
		if (!problems.isEmpty()) {
			throw new InvalidFrameworkException(problems);
		}
		FrameworkDefinition definition = this.json.treeToValue(document, FrameworkDefinition.class);
		problems.addAll(checkConsistency(definition));
		if (!problems.isEmpty()) {
			throw new InvalidFrameworkException(problems);
		}
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

	/** What the schema cannot check: unique codes, known categories, codes that nest. */
	static List<DocumentProblem> checkConsistency(FrameworkDefinition definition) {
		List<DocumentProblem> problems = new ArrayList<>();
		Set<String> categories = new HashSet<>();
		for (int c = 0; c < definition.categories().size(); c++) {
			FrameworkDefinition.Category category = definition.categories().get(c);
			String path = "categories[" + c + "]";
			unique(categories, category.code(), path + ".code", problems);
			Set<String> options = new HashSet<>();
			for (int o = 0; o < category.options().size(); o++) {
				unique(options, category.options().get(o).code(), path + ".options[" + o + "].code", problems);
			}
		}
		Set<String> groups = new HashSet<>();
		for (int g = 0; g < definition.populationGroups().size(); g++) {
			unique(groups, definition.populationGroups().get(g).code(), "populationGroups[" + g + "].code", problems);
		}
		Set<String> codes = new HashSet<>();
		for (int o = 0; o < definition.objectives().size(); o++) {
			FrameworkDefinition.Objective objective = definition.objectives().get(o);
			String objectivePath = "objectives[" + o + "]";
			unique(codes, objective.code(), objectivePath + ".code", problems);
			for (int s = 0; s < objective.subCriteria().size(); s++) {
				FrameworkDefinition.SubCriterion sub = objective.subCriteria().get(s);
				String subPath = objectivePath + ".subCriteria[" + s + "]";
				unique(codes, sub.code(), subPath + ".code", problems);
				if (!sub.code().startsWith(objective.code() + "-")) {
					problems.add(DocumentProblem.of(subPath + ".code", "framework.error.codePrefix", sub.code(),
							objective.code()));
				}
				for (int i = 0; i < sub.indicators().size(); i++) {
					FrameworkDefinition.Indicator indicator = sub.indicators().get(i);
					String path = subPath + ".indicators[" + i + "]";
					unique(codes, indicator.code(), path + ".code", problems);
					if (!indicator.code().startsWith(sub.code() + "-")) {
						problems.add(DocumentProblem.of(path + ".code", "framework.error.codePrefix", indicator.code(),
								sub.code()));
					}
					for (int d = 0; d < indicator.disaggregations().size(); d++) {
						String category = indicator.disaggregations().get(d);
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

	private static void unique(Set<String> seen, String code, String path, List<DocumentProblem> problems) {
		if (!seen.add(code)) {
			problems.add(DocumentProblem.of(path, "framework.error.duplicate", code));
		}
	}

}
