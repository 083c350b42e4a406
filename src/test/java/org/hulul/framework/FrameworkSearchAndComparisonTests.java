package org.hulul.framework;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

class FrameworkSearchAndComparisonTests {

	private final FrameworkDocuments documents = new FrameworkDocuments(JsonMapper.builder().build());

	@Test
	void searchFindsIndicatorsInEveryLanguageAndByIascCriterion() throws IOException {
		FrameworkDefinition framework = shipped();
		String arabicName = framework.indicator("SO2-HC-01").orElseThrow().name().ar();
		assertThat(codes(FrameworkSearch.filter(framework, arabicName.substring(0, 12), null))).contains("SO2-HC-01");
		assertThat(codes(FrameworkSearch.filter(framework, "VOTING POLLS", null))).containsExactly("SO1-PPA-02");
		assertThat(codes(FrameworkSearch.filter(framework, "so4-edu", null))).containsExactly("SO4-EDU-01",
				"SO4-EDU-02", "SO4-EDU-03");
		assertThat(codes(FrameworkSearch.filter(framework, "", 3))).allMatch((code) -> code.startsWith("SO3-"));
		assertThat(FrameworkSearch.filter(framework, "no such words at all", null)).isEmpty();
		assertThat(FrameworkSearch.filter(framework, "", null)).hasSize(8);
	}

	@Test
	void aComparisonSaysWhatChanged() throws IOException {
		FrameworkDefinition before = shipped();
		FrameworkDefinition.Indicator polls = before.indicator("SO1-PPA-02").orElseThrow();
		FrameworkDefinition after = before.withIndicator(new FrameworkDefinition.Indicator(polls.code(), polls.name(),
				new Text("# of polling stations", null, null), polls.guidance(), polls.guidanceIncomplete(),
				polls.valueType(), Aggregation.LATEST, null, null, polls.disaggregations(), 2, polls.iascCriterion(),
				polls.note()));
		FrameworkComparison comparison = FrameworkComparison.of(before, after);
		assertThat(comparison.changed()).containsOnlyKeys("SO1-PPA-02");
		assertThat(comparison.changed().get("SO1-PPA-02")).extracting(FrameworkComparison.Change::field)
			.containsExactly("unit", "unit.ar", "unit.ckb", "aggregation", "lowestLevel");
		assertThat(FrameworkComparison.of(before, before).isEmpty()).isTrue();
	}

	@Test
	void codesAreAbbreviatedAndPathsShortened() {
		assertThat(Frameworks.abbreviation("Documentation")).isEqualTo("DOC");
		assertThat(Frameworks.abbreviation("Victims of violence")).isEqualTo("VV");
		assertThat(Frameworks.abbreviation("Property restitution and compensation")).isEqualTo("PRC");
		assertThat(FrameworkDraftController.fieldOf("objectives[1].subCriteria[0].indicators[2].unit.en"))
			.isEqualTo("unit.en");
		assertThat(FrameworkDocuments.readablePath("/objectives/1/subCriteria/0"))
			.isEqualTo("objectives[1].subCriteria[0]");
	}

	private static List<String> codes(List<FrameworkDefinition.Objective> objectives) {
		return objectives.stream()
			.flatMap((o) -> o.subCriteria().stream())
			.flatMap((s) -> s.indicators().stream())
			.map(FrameworkDefinition.Indicator::code)
			.toList();
	}

	private FrameworkDefinition shipped() throws IOException {
		try (InputStream in = new ClassPathResource(FrameworkReferenceData.FILE).getInputStream()) {
			return this.documents.read(in);
		}
	}

}
