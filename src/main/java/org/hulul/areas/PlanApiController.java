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
import org.springframework.web.bind.annotation.PatchMapping;
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

	private final Activities activities;

	PlanApiController(Plans plans, Activities activities) {
		this.plans = plans;
		this.activities = activities;
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

	/**
	 * An activity as the API takes it: {@link Activities.Entered} and the plan's version.
	 */
	record ActivityBody(@Nullable String objective, @Nullable String title, @Nullable String titleAr,
			@Nullable List<String> indicators, @Nullable List<String> locations,
			@Nullable List<Activities.TargetEntered> targets, @Nullable String lead, @Nullable List<String> supporting,
			@Nullable Boolean governmentLeads, @Nullable String start, @Nullable String end, @Nullable String status,
			@Nullable Integer version) {

		Activities.Entered entered() {
			return new Activities.Entered(this.objective, this.title, this.titleAr, this.indicators, this.locations,
					this.targets, this.lead, this.supporting, this.governmentLeads, this.start, this.end, this.status);
		}

	}

	record StatusChange(@Nullable String status, @Nullable Integer version) {
	}

	/** A target with what was reached, as the API shows it. */
	record Judged(String indicator, String period, double target, @Nullable Double achieved, double expected,
			@Nullable Double percent, String status) {

		static Judged of(Activities.TargetProgress progress) {
			return new Judged(progress.indicator(), progress.period(), progress.target(), progress.reached().achieved(),
					progress.reached().expected(), progress.reached().percent(), progress.reached().status().name());
		}

	}

	record ActivityJudged(long id, String title, String objective, String activityStatus, @Nullable String status,
			List<Judged> targets) {
	}

	record ProgressBody(long plan, @Nullable String status, List<ActivityJudged> activities, List<Judged> overall) {
	}

	@GetMapping("/api/v1/plans/{id}/activities")
	@Operation(summary = "The activities of a plan's implementation plan")
	List<Activity> activities(@PathVariable long id) {
		return this.activities.ofPlan(id);
	}

	@PostMapping("/api/v1/plans/{id}/activities")
	@Operation(summary = "Add an activity to a plan (its editors)",
			description = "{\"objective\":\"SO1\",\"indicators\":[codes of that objective],\"locations\":[p-codes inside "
					+ "the area; none: the whole area],\"targets\":[{\"indicator\",\"period\":\"2026Q3|2026\",\"value\"}],"
					+ "\"lead\":organisation code,\"supporting\":[codes],\"governmentLeads\",\"start\",\"end\","
					+ "\"status\":\"NOT_STARTED|ON_TRACK|DELAYED|COMPLETED|DROPPED\",\"title\",\"titleAr\","
					+ "\"version\" (optional)}; every problem named by its field.")
	ResponseEntity<Activity> addActivity(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			@RequestBody ActivityBody body) {
		Activity added = this.activities.add(me, id, body.version(), body.entered());
		return ResponseEntity.created(URI.create("/api/v1/plans/" + id + "/activities/" + added.id())).body(added);
	}

	@PutMapping("/api/v1/plans/{id}/activities/{activity}")
	@Operation(summary = "Change an activity of a plan",
			description = "As for adding, with the plan's \"version\"; 409 when the plan changed since.")
	Activity changeActivity(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			@PathVariable long activity, @RequestBody ActivityBody body) {
		return this.activities.change(me, id, activity, version(body.version()), body.entered());
	}

	@PatchMapping("/api/v1/plans/{id}/activities/{activity}")
	@Operation(summary = "Set an activity's status", description = "{\"status\",\"version\"}")
	Activity activityStatus(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			@PathVariable long activity, @RequestBody StatusChange body) {
		return this.activities.setStatus(me, id, activity, version(body.version()), body.status());
	}

	@GetMapping("/api/v1/plans/{id}/progress")
	@Operation(summary = "A plan's progress: per activity and indicator the target, what was achieved and its status",
			description = "Achieved: approved values of the indicator reported at the activity's places (the area's "
					+ "when it names none) in the target's period. status GREEN|AMBER|RED against what was expected by "
					+ "now (a year's target pro rata of the quarters due for flows), NOT_DUE, NO_DATA.")
	ProgressBody progress(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id) {
		Activities.PlanProgress progress = this.activities.progress(me, id);
		return new ProgressBody(progress.plan(), name(progress.status()), progress.activities()
			.stream()
			.map((a) -> new ActivityJudged(a.activity().id(), a.activity().titleEn(), a.activity().objective(),
					a.activity().status().name(), name(a.status()), a.targets().stream().map(Judged::of).toList()))
			.toList(), progress.overall().stream().map(Judged::of).toList());
	}

	private static @Nullable String name(@Nullable Enum<?> value) {
		return (value != null) ? value.name() : null;
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
