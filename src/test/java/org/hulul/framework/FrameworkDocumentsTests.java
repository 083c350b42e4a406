package org.hulul.framework;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The shipped framework file against the seed (DSTWG #49 guidelines), and what a broken
 * file gets told.
 */
class FrameworkDocumentsTests {

	private final FrameworkDocuments documents = new FrameworkDocuments(JsonMapper.builder().build());

	private static final String MINIMAL = """
			code: test
			version: "1"
			title: {en: Test framework}
			source: a test
			strategicObjective: {en: Solutions for all}
			categories:
			  - code: sex
			    name: {en: Sex}
			    options:
			      - {code: female, name: {en: Female}}
			      - {code: male, name: {en: Male}}
			populationGroups:
			  - {code: returnee, name: {en: Returnees}}
			objectives:
			  - code: SO1
			    shortName: {en: One}
			    statement: {en: The first objective}
			    subCriteria:
			      - code: SO1-AB
			        name: {en: A sub-criterion}
			        indicators:
			          - code: SO1-AB-01
			            name: {en: "# of people"}
			            unit: {en: "# of persons"}
			            guidance: {en: Count them.}
			            valueType: COUNT
			            aggregation: SUM
			            disaggregations: [sex]
			            lowestLevel: 3
			            iascCriterion: 7
			""";

	@Test
	void theShippedFrameworkHasTheSeedsIndicatorsPerObjective() throws IOException {
		FrameworkDefinition framework = shipped();
		Map<String, Long> perObjective = framework.objectives()
			.stream()
			.collect(Collectors.toMap(FrameworkDefinition.Objective::code,
					FrameworkDefinition.Objective::indicatorCount, (a, b) -> a, LinkedHashMap::new));
		assertThat(perObjective).containsExactly(Map.entry("SO1", 9L), Map.entry("SO2", 7L), Map.entry("SO3", 12L),
				Map.entry("SO4", 17L), Map.entry("SO5", 0L), Map.entry("SO6", 0L), Map.entry("SO7", 0L),
				Map.entry("SO8", 0L));
		assertThat(framework.indicators()).hasSize(45);
		assertThat(framework.objectives().subList(4, 8)).noneMatch(FrameworkDefinition.Objective::hasIndicators);
		assertThat(framework.strategicObjective().en()).startsWith(
				"IDPs, returnees and other displacement-affected populations are supported to pursue and ultimately achieve");
	}

	@Test
	void indicatorNamesAreTheSeedsWords() throws IOException {
		List<String> names = shipped().indicators().map((i) -> i.name().en()).toList();
		assertThat(names).contains("# of eligible adult registered voters who voted in national/local elections",
				"# of voting polls established", "# of houses rehabilitated (disaggregated per damage category)",
				"# of destroyed houses that are reconstructed", "# of job placement opportunities",
				"# of individuals working X days/month");
		assertThat(shipped().indicators()).allSatisfy((indicator) -> {
			assertThat(indicator.name().ar()).as(indicator.code()).isNotBlank();
			assertThat(indicator.name().ckb()).as(indicator.code()).isNotBlank();
			assertThat(indicator.unit().en()).as(indicator.code()).isNotBlank();
		});
	}

	@Test
	void sharedCategoriesHaveTheirStableCodes() throws IOException {
		FrameworkDefinition framework = shipped();
		assertThat(framework.category("sex").orElseThrow().options()).extracting(FrameworkDefinition.Named::code)
			.containsExactly("female", "male");
		assertThat(framework.category("age").orElseThrow().options()).extracting(FrameworkDefinition.Named::code)
			.containsExactly("0-4", "5-17", "18-59", "60+");
		assertThat(framework.populationGroups()).extracting(FrameworkDefinition.Named::code)
			.contains("idp_in_camp", "idp_out_of_camp", "returnee", "host_community", "relocated",
					"locally_integrated");
		assertThat(framework.indicator("SO2-HC-01").orElseThrow().disaggregations()).contains("damage");
	}

	@Test
	void aFileWrittenOutReadsBackTheSame() throws IOException {
		FrameworkDefinition framework = shipped();
		String yaml = this.documents.toYaml(framework);
		assertThat(this.documents.toJson(this.documents.read(yaml))).isEqualTo(this.documents.toJson(framework));
		assertThat(this.documents.read(yaml)).isEqualTo(framework);
		assertThat(this.documents.read(this.documents.toJson(framework))).isEqualTo(framework);
	}

	@Test
	void aMinimalFileIsRead() {
		FrameworkDefinition framework = this.documents.read(MINIMAL);
		assertThat(framework.indicator("so1-ab-01")).hasValueSatisfying((i) -> {
			assertThat(i.valueType()).isEqualTo(ValueType.COUNT);
			assertThat(i.aggregation()).isEqualTo(Aggregation.SUM);
		});
	}

	@Test
	void everyProblemOfABrokenFileIsReportedWithItsPath() {
		String broken = MINIMAL.replace("            unit: {en: \"# of persons\"}\n", "")
			.replace("disaggregations: [sex]", "disaggregations: [sex, colour]")
			.replace("iascCriterion: 7", "iascCriterion: 9");
		assertThatExceptionOfType(InvalidFrameworkException.class).isThrownBy(() -> this.documents.read(broken))
			.satisfies((ex) -> assertThat(ex.problems()).extracting(DocumentProblem::path, DocumentProblem::messageKey)
				.contains(org.assertj.core.groups.Tuple.tuple("objectives[0].subCriteria[0].indicators[0].unit",
						"framework.error.missing"))
				.anySatisfy((tuple) -> assertThat(tuple.toList().get(0))
					.isEqualTo("objectives[0].subCriteria[0].indicators[0].iascCriterion")));
		// the unknown category is found once the structure is right
		String unknownCategory = MINIMAL.replace("disaggregations: [sex]", "disaggregations: [sex, colour]");
		assertThatExceptionOfType(InvalidFrameworkException.class)
			.isThrownBy(() -> this.documents.read(unknownCategory))
			.satisfies((ex) -> assertThat(ex.problems())
				.containsExactly(DocumentProblem.of("objectives[0].subCriteria[0].indicators[0].disaggregations[1]",
						"framework.error.unknownCategory", "colour")));
	}

	@Test
	void duplicateAndMisplacedCodesAreErrors() {
		String twice = MINIMAL.replace("""
				            iascCriterion: 7
				""", """
				            iascCriterion: 7
				          - code: SO1-AB-01
				            name: {en: "# of others"}
				            unit: {en: "# of persons"}
				            guidance: {en: Count them too.}
				            valueType: COUNT
				            aggregation: SUM
				            disaggregations: []
				            lowestLevel: 3
				            iascCriterion: 7
				          - code: SO2-XY-01
				            name: {en: "# of strays"}
				            unit: {en: "# of persons"}
				            guidance: {en: Misplaced.}
				            valueType: COUNT
				            aggregation: SUM
				            disaggregations: []
				            lowestLevel: 3
				            iascCriterion: 7
				""");
		assertThatExceptionOfType(InvalidFrameworkException.class).isThrownBy(() -> this.documents.read(twice))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactly(
					DocumentProblem.of("objectives[0].subCriteria[0].indicators[1].code", "framework.error.duplicate",
							"SO1-AB-01"),
					DocumentProblem.of("objectives[0].subCriteria[0].indicators[2].code", "framework.error.codePrefix",
							"SO2-XY-01", "SO1-AB")));
	}

	@Test
	void aFileThatIsNotYamlSaysWhere() {
		assertThatExceptionOfType(InvalidFrameworkException.class)
			.isThrownBy(() -> this.documents.read("code: test\nobjectives: [\n  - {"))
			.satisfies((ex) -> assertThat(ex.problems().get(0).path()).startsWith("line "));
	}

	private FrameworkDefinition shipped() throws IOException {
		try (InputStream in = new ClassPathResource(FrameworkReferenceData.FILE).getInputStream()) {
			return this.documents.read(in);
		}
	}

}
