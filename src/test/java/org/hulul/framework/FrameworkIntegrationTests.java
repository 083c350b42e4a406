package org.hulul.framework;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.hulul.HululIntegrationTest;
import org.hulul.platform.InvalidInputException;
import org.hulul.platform.Role;
import org.hulul.platform.UserAccounts;
import org.hulul.platform.UserAccounts.NewUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Framework versions through the pages: export, import (all or nothing), drafts, publish,
 * compare, and who may do it.
 */
@HululIntegrationTest
class FrameworkIntegrationTests {

	private static final String PASSWORD = "framework-test-password";

	@Autowired
	MockMvc mvc;

	@Autowired
	Frameworks frameworks;

	@Autowired
	UserAccounts accounts;

	@Test
	void aBrokenFileChangesNothingAndEveryErrorIsListedWithItsPath() throws Exception {
		Cookie secretariat = signIn(Role.SECRETARIAT);
		int before = this.frameworks.versions().size();
		String yaml = exportCurrent(secretariat).replaceFirst("(?m)^version: .*$", "version: \"broken\"")
			.replaceFirst("(?m)^(\\s*)unit:\\n(\\s*en: \"# of houses\"\\n)", "$1unitt:\n$2")
			.replaceFirst("code: \"SO1-PPA-02\"", "code: \"SO1-PPA-01\"");
		MvcResult result = this.mvc
			.perform(multipart("/framework/versions/import").file(file(yaml)).with(csrf()).cookie(secretariat))
			.andExpect(redirectedUrl("/framework/versions"))
			.andReturn();
		@SuppressWarnings("unchecked")
		List<ShownProblem> problems = (List<ShownProblem>) result.getFlashMap().get("problems");
		assertThat(problems).extracting(ShownProblem::where)
			.contains("objectives[1].subCriteria[0].indicators[0].unit",
					"objectives[1].subCriteria[0].indicators[0].unitt",
					"objectives[0].subCriteria[0].indicators[1].code");
		assertThat(problems).extracting(ShownProblem::message).contains("missing", "not a field of a framework file");
		assertThat(this.frameworks.versions()).hasSize(before);
	}

	@Test
	void aDraftIsImportedComparedPublishedAndBecomesCurrent() throws Exception {
		Cookie secretariat = signIn(Role.SECRETARIAT);
		FrameworkVersion current = this.frameworks.current().orElseThrow();
		String label = "test-" + UUID.randomUUID().toString().substring(0, 6);
		String yaml = exportCurrent(secretariat)
			.replace("version: \"" + current.label() + "\"", "version: \"" + label + "\"")
			.replace("Report on the number of voting polls established",
					"Report on the number of voting polls newly established");
		this.mvc.perform(multipart("/framework/versions/import").file(file(yaml)).with(csrf()).cookie(secretariat))
			.andExpect(redirectedUrl("/framework/versions"));
		FrameworkVersion draft = this.frameworks.versions()
			.stream()
			.filter((v) -> v.label().equals(label))
			.findFirst()
			.orElseThrow();
		assertThat(draft.isPublished()).isFalse();
		assertThat(this.frameworks.current().orElseThrow().id()).isEqualTo(current.id());

		this.mvc
			.perform(get("/framework/compare").param("from", "" + current.id())
				.param("to", "" + draft.id())
				.cookie(secretariat))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("SO1-PPA-02")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("newly established")));

		this.mvc
			.perform(post("/framework/versions/" + draft.id() + "/publish").with(csrf())
				.cookie(secretariat)
				.param("version", "" + draft.version()))
			.andExpect(redirectedUrl("/framework/versions"));
		assertThat(this.frameworks.current().orElseThrow().label()).isEqualTo(label);
		assertThat(this.frameworks.indicator("SO1-PPA-02").orElseThrow().guidance().en()).contains("newly established");
		// a published version is read-only: it can be neither published again nor
		// discarded
		this.mvc
			.perform(post("/framework/versions/" + draft.id() + "/delete").with(csrf())
				.cookie(secretariat)
				.param("version", "1"))
			.andExpect(redirectedUrl("/framework/versions"));
		assertThat(this.frameworks.version(draft.id())).isPresent();
	}

	@Test
	void aDraftCopiedFromAVersionCanBeDiscarded() throws Exception {
		Cookie secretariat = signIn(Role.SECRETARIAT);
		long currentId = this.frameworks.current().orElseThrow().id();
		String label = "copy-" + UUID.randomUUID().toString().substring(0, 6);
		this.mvc
			.perform(post("/framework/versions/draft").with(csrf())
				.cookie(secretariat)
				.param("from", "" + currentId)
				.param("label", label))
			.andExpect(redirectedUrl("/framework/versions"));
		FrameworkVersion draft = this.frameworks.versions()
			.stream()
			.filter((v) -> v.label().equals(label))
			.findFirst()
			.orElseThrow();
		assertThat(draft.definition().indicators()).hasSize(45);
		this.mvc
			.perform(post("/framework/versions/draft").with(csrf())
				.cookie(secretariat)
				.param("from", "" + currentId)
				.param("label", label))
			.andExpect(redirectedUrl("/framework/versions"));
		assertThat(this.frameworks.versions()).filteredOn((v) -> v.label().equals(label)).hasSize(1);
		this.mvc
			.perform(post("/framework/versions/" + draft.id() + "/delete").with(csrf())
				.cookie(secretariat)
				.param("version", "" + draft.version()))
			.andExpect(redirectedUrl("/framework/versions"));
		assertThat(this.frameworks.version(draft.id())).isEmpty();
	}

	@Test
	void onlyTheSecretariatChangesTheFrameworkAndSeesDrafts() throws Exception {
		Cookie secretariat = signIn(Role.SECRETARIAT);
		String label = "hidden-" + UUID.randomUUID().toString().substring(0, 6);
		long currentId = this.frameworks.current().orElseThrow().id();
		this.mvc.perform(post("/framework/versions/draft").with(csrf())
			.cookie(secretariat)
			.param("from", "" + currentId)
			.param("label", label));
		long draftId = this.frameworks.versions()
			.stream()
			.filter((v) -> v.label().equals(label))
			.findFirst()
			.orElseThrow()
			.id();
		for (Role role : new Role[] { Role.REPORTER, Role.REVIEWER, Role.VIEWER }) {
			Cookie reader = signIn(role);
			this.mvc
				.perform(multipart("/framework/versions/import").file(file(exportCurrent(reader)))
					.with(csrf())
					.cookie(reader))
				.andExpect(status().isForbidden());
			this.mvc
				.perform(post("/framework/versions/" + draftId + "/publish").with(csrf())
					.cookie(reader)
					.param("version", "0"))
				.andExpect(status().isForbidden());
			this.mvc.perform(get("/framework").param("version", "" + draftId).cookie(reader))
				.andExpect(status().isNotFound());
			this.mvc.perform(get("/framework/versions").cookie(reader))
				.andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(label))));
		}
		this.mvc.perform(get("/framework").param("version", "" + draftId).cookie(secretariat))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(label)));
	}

	@Test
	void anIndicatorOfADraftIsEditedAndAnInvalidChangeSavesNothing() throws Exception {
		Cookie secretariat = signIn(Role.SECRETARIAT);
		long currentId = this.frameworks.current().orElseThrow().id();
		String label = "edit-" + UUID.randomUUID().toString().substring(0, 6);
		FrameworkVersion draft = this.frameworks.createDraft(currentId, label);
		String form = "/framework/versions/" + draft.id() + "/indicators/SO2-HC-02/edit";
		this.mvc.perform(get(form).cookie(secretariat))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("# of houses")));

		// RATIO without numerator and denominator: refused, field by field, nothing saved
		this.mvc
			.perform(post(form).with(csrf())
				.cookie(secretariat)
				.param("nameEn", "# of destroyed houses that are reconstructed")
				.param("unitEn", "# of houses")
				.param("guidanceEn", "Report on the number of houses destroyed that have been reconstructed.")
				.param("valueType", "PERCENTAGE")
				.param("aggregation", "RATIO")
				.param("disaggregations", "damage")
				.param("lowestLevel", "3")
				.param("iascCriterion", "2")
				.param("version", "" + draft.version()))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(">numerator<")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString(">denominator<")));
		assertThat(this.frameworks.version(draft.id()).orElseThrow().version()).isEqualTo(draft.version());

		this.mvc
			.perform(post(form).with(csrf())
				.cookie(secretariat)
				.param("nameEn", "# of destroyed houses that are reconstructed")
				.param("nameAr", "عدد المنازل المدمرة التي أعيد بناؤها")
				.param("unitEn", "# of housing units")
				.param("guidanceEn", "Report on the number of houses destroyed that have been reconstructed.")
				.param("valueType", "COUNT")
				.param("aggregation", "SUM")
				.param("disaggregations", "damage")
				.param("lowestLevel", "2")
				.param("iascCriterion", "4")
				.param("version", "" + draft.version()))
			.andExpect(status().is3xxRedirection());
		FrameworkDefinition.Indicator edited = this.frameworks.version(draft.id())
			.orElseThrow()
			.definition()
			.indicator("SO2-HC-02")
			.orElseThrow();
		assertThat(edited.unit().en()).isEqualTo("# of housing units");
		assertThat(edited.disaggregations()).containsExactly("damage");
		assertThat(edited.lowestLevel()).isEqualTo(2);
		// the published version is untouched, and cannot be edited
		assertThat(this.frameworks.version(currentId)
			.orElseThrow()
			.definition()
			.indicator("SO2-HC-02")
			.orElseThrow()
			.unit()
			.en()).isEqualTo("# of houses");
		this.mvc.perform(get("/framework/versions/" + currentId + "/indicators/SO2-HC-02/edit").cookie(secretariat))
			.andExpect(status().isNotFound());
		this.mvc.perform(get(form).cookie(signIn(Role.REPORTER))).andExpect(status().isForbidden());

		int version = this.frameworks.version(draft.id()).orElseThrow().version();
		this.mvc
			.perform(post("/framework/versions/" + draft.id() + "/translations").with(csrf())
				.cookie(secretariat)
				.param("version", "" + version)
				.param("confirmed", "true"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.frameworks.version(draft.id()).orElseThrow().definition().translationsDraft()).isFalse();
		this.frameworks.deleteDraft(draft.id(), this.frameworks.version(draft.id()).orElseThrow().version());
	}

	@Test
	void aLibraryIndicatorIsAdoptedIntoADraftWithItsSource() throws Exception {
		Cookie secretariat = signIn(Role.SECRETARIAT);
		FrameworkVersion draft = this.frameworks.createDraft(this.frameworks.current().orElseThrow().id(),
				"adopt-" + UUID.randomUUID().toString().substring(0, 6));
		this.mvc.perform(get("/framework/suggestions").param("iasc", "5").cookie(secretariat))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Inter-Agency Durable Solutions")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString(draft.label())));
		this.mvc
			.perform(post("/framework/suggestions/5.1-1/adopt").with(csrf())
				.cookie(secretariat)
				.param("draft", "" + draft.id())
				.param("objective", "SO5"))
			.andExpect(redirectedUrl("/framework?version=" + draft.id() + "#SO5"));
		FrameworkVersion adopted = this.frameworks.version(draft.id()).orElseThrow();
		FrameworkDefinition.Objective so5 = adopted.definition().objectives().get(4);
		assertThat(so5.hasIndicators()).isTrue();
		FrameworkDefinition.Indicator indicator = so5.subCriteria().get(0).indicators().get(0);
		assertThat(indicator.code()).isEqualTo("SO5-DOC-01");
		assertThat(indicator.iascCriterion()).isEqualTo(5);
		assertThat(indicator.note()).contains("Inter-Agency Durable Solutions Indicator Library");
		assertThat(indicator.incompleteGuidance()).isTrue();
		// the same suggestion twice is refused
		this.mvc
			.perform(post("/framework/suggestions/5.1-1/adopt").with(csrf())
				.cookie(secretariat)
				.param("draft", "" + draft.id())
				.param("objective", "SO5"))
			.andExpect(redirectedUrl("/framework/suggestions"));
		assertThat(this.frameworks.version(draft.id()).orElseThrow().definition().indicators()).hasSize(46);
		this.mvc
			.perform(post("/framework/suggestions/5.1-2/adopt").with(csrf())
				.cookie(signIn(Role.REPORTER))
				.param("draft", "" + draft.id())
				.param("objective", "SO5"))
			.andExpect(status().isForbidden());
		this.frameworks.deleteDraft(draft.id(), adopted.version());
	}

	@Test
	void aDraftMadeFromAnOlderVersionIsNotPublishedOverANewerOne() throws Exception {
		Cookie secretariat = signIn(Role.SECRETARIAT);
		FrameworkVersion current = this.frameworks.current().orElseThrow();
		FrameworkVersion old = this.frameworks.createDraft(current.id(),
				"old-" + UUID.randomUUID().toString().substring(0, 6));
		FrameworkVersion newer = this.frameworks.createDraft(current.id(),
				"new-" + UUID.randomUUID().toString().substring(0, 6));
		this.frameworks.publish(newer.id(), newer.version());
		MvcResult result = this.mvc
			.perform(post("/framework/versions/" + old.id() + "/publish").with(csrf())
				.cookie(secretariat)
				.param("version", "" + old.version()))
			.andExpect(redirectedUrl("/framework/versions"))
			.andReturn();
		assertThat(String.valueOf(result.getFlashMap().get("problems"))).contains(newer.label());
		assertThat(this.frameworks.current().orElseThrow().id()).isEqualTo(newer.id());
		// a draft copied from a discarded draft survives it
		FrameworkVersion copy = this.frameworks.createDraft(old.id(),
				"copy-" + UUID.randomUUID().toString().substring(0, 6));
		this.frameworks.deleteDraft(old.id(), old.version());
		assertThat(this.frameworks.version(copy.id())).isPresent();
		this.frameworks.deleteDraft(copy.id(), copy.version());
	}

	@Test
	void labelsAreShortAndPlain() {
		long currentId = this.frameworks.current().orElseThrow().id();
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.frameworks.createDraft(currentId, "a label with spaces"));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.frameworks.createDraft(currentId, "x".repeat(41)));
	}

	private String exportCurrent(Cookie session) throws Exception {
		long id = this.frameworks.current().orElseThrow().id();
		return this.mvc.perform(get("/framework/versions/" + id + "/export").param("format", "yaml").cookie(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static MockMultipartFile file(String content) {
		return new MockMultipartFile("file", "framework.yaml", "application/yaml",
				content.getBytes(StandardCharsets.UTF_8));
	}

	private Cookie signIn(Role role) throws Exception {
		String username = "fw-" + role.name().toLowerCase().replace('_', '-') + "-"
				+ UUID.randomUUID().toString().substring(0, 6);
		this.accounts.create(new NewUser(username, null, PASSWORD, role, "IOM", false, false));
		return this.mvc.perform(post("/login").with(csrf()).param("username", username).param("password", PASSWORD))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getResponse()
			.getCookie("HULUL_SESSION");
	}

}
