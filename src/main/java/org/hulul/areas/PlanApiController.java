package org.hulul.areas;

import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hulul.platform.HululPrincipal;
import org.hulul.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Plans of Action over the API. */
@RestController
@Tag(name = "Areas")
class PlanApiController {

	private final Plans plans;

	PlanApiController(Plans plans) {
		this.plans = plans;
	}

	/** A plan as the API shows it: sections by name, each with its en and ar texts. */
	record PlanBody(long id, String area, String title, @Nullable String titleAr, int step, List<Plan.Step> steps,
			Map<String, Map<String, String>> sections, List<Plan.Input> inputs, boolean inputByAuthorities,
			int version) {

		static PlanBody of(Plan plan) {
			Map<String, Map<String, String>> sections = new LinkedHashMap<>();
			for (PlanSection section : PlanSection.values()) {
				Map<String, String> texts = new LinkedHashMap<>();
				texts.put("en", plan.section(section, "en"));
				texts.put("ar", plan.section(section, "ar"));
				sections.put(section.name(), texts);
			}
			return new PlanBody(plan.id(), plan.area(), plan.titleEn(), plan.titleAr(), plan.step(), plan.steps(),
					sections, plan.inputs(), plan.inputByAuthorities(), plan.version());
		}

	}

	record NewPlan(@Nullable String title, @Nullable String titleAr) {
	}

	record SectionText(@Nullable String language, @Nullable String text, @Nullable Integer version) {
	}

	record StepMove(@Nullable Integer step, @Nullable LocalDate on, @Nullable Integer version) {
	}

	record InputBody(@Nullable String organisation, @Nullable LocalDate on, @Nullable String summary,
			@Nullable Integer version) {
	}

	@GetMapping("/api/v1/areas/{code}/plans")
	@Operation(summary = "An area's Plans of Action")
	List<PlanBody> list(@PathVariable String code) {
		return this.plans.ofArea(code).stream().map(PlanBody::of).toList();
	}

	@PostMapping("/api/v1/areas/{code}/plans")
	@Operation(summary = "Start a Plan of Action for an area (its editors)",
			description = "{\"title\",\"titleAr\"}; the plan starts at step 1 today, its ten sections empty.")
	ResponseEntity<PlanBody> create(@AuthenticationPrincipal HululPrincipal me, @PathVariable String code,
			@RequestBody NewPlan body) {
		Plan plan = this.plans.create(me, code, body.title(), body.titleAr());
		return ResponseEntity.created(URI.create("/api/v1/plans/" + plan.id())).body(PlanBody.of(plan));
	}

	@GetMapping("/api/v1/plans/{id}")
	@Operation(summary = "A Plan of Action")
	PlanBody get(@PathVariable long id) {
		return PlanBody.of(this.plans.get(id));
	}

	@PutMapping("/api/v1/plans/{id}/sections/{section}")
	@Operation(summary = "Write a section of a plan in English or Arabic (Markdown)",
			description = "Sections: INTRODUCTION, PURPOSE, GUIDING_PRINCIPLES, PRIORITY_TARGET_GROUPS, "
					+ "SITUATION_ANALYSIS, RESPONSE_STRATEGY, IMPLEMENTATION_PLAN, INTER_GOVERNORATE_COORDINATION, "
					+ "ROLES_AND_RESPONSIBILITIES, MONITORING_AND_TRACKING. {\"language\":\"en|ar\",\"text\","
					+ "\"version\"}; 409 when the plan changed since that version.")
	PlanBody section(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id, @PathVariable String section,
			@RequestBody SectionText body) {
		return PlanBody.of(this.plans.writeSection(me, id, version(body.version()), section(section), body.language(),
				body.text()));
	}

	@PostMapping("/api/v1/plans/{id}/step")
	@Operation(summary = "Move a plan to a step of the eight-step process",
			description = "{\"step\":1-8,\"on\":\"yyyy-mm-dd\" (today when left out),\"version\"}")
	PlanBody step(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id, @RequestBody StepMove body) {
		if (body.step() == null) {
			throw InvalidInputException.of("step", "plan.error.step", "");
		}
		return PlanBody.of(this.plans.moveTo(me, id, version(body.version()), body.step(), body.on()));
	}

	@PostMapping("/api/v1/plans/{id}/inputs")
	@Operation(summary = "Record input from the authorities on a plan",
			description = "{\"organisation\" (a government body's code),\"on\",\"summary\",\"version\"}")
	PlanBody input(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id, @RequestBody InputBody body) {
		return PlanBody.of(this.plans.recordInput(me, id, version(body.version()), body.organisation(), body.on(),
				body.summary()));
	}

	static @Nullable PlanSection section(String name) {
		try {
			return PlanSection.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static int version(@Nullable Integer version) {
		if (version == null) {
			throw InvalidInputException.of("version", "plan.error.version");
		}
		return version;
	}

}
