package org.hulul.analytics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hulul.platform.HululPrincipal;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Targets and progress over the API. */
@RestController
@Tag(name = "Analytics")
class TargetsApiController {

	private final Targets targets;

	TargetsApiController(Targets targets) {
		this.targets = targets;
	}

	@GetMapping("/api/v1/targets")
	@Operation(summary = "A year's targets with their progress",
			description = "achieved comes from the approved values (as the asker may see them) of the indicator in "
					+ "the scope (IQ: Iraq, else a governorate's p-code) and year; expected is the target pro rata "
					+ "of the quarters due for indicators that add up over the year, the target itself for states "
					+ "and rates; status GREEN, AMBER, RED (against the thresholds, percent of expected), NOT_DUE "
					+ "or NO_DATA.")
	Map<String, Object> progress(@AuthenticationPrincipal HululPrincipal me,
			@RequestParam(required = false) @Nullable Integer year) {
		int asked = (year != null) ? year : this.targets.currentYear();
		Targets.Thresholds thresholds = this.targets.thresholds();
		return Map.of("year", asked, "thresholds", thresholds, "targets",
				this.targets.progress(me, asked).stream().map(TargetsApiController::flat).toList());
	}

	private static Map<String, @Nullable Object> flat(Targets.Progress p) {
		Map<String, @Nullable Object> flat = new LinkedHashMap<>();
		Target t = p.target();
		flat.put("id", t.id());
		flat.put("indicator", t.indicator());
		flat.put("scope", t.scope());
		flat.put("year", t.year());
		flat.put("target", t.value());
		flat.put("achieved", p.achieved());
		flat.put("percent", p.percent());
		flat.put("expected", p.expected());
		flat.put("quartersDue", p.quartersDue());
		flat.put("status", p.status().name());
		flat.put("version", t.version());
		return flat;
	}

	/** A target as the API takes it. */
	record TargetBody(@Nullable String indicator, @Nullable String scope, @Nullable Integer year,
			@Nullable Double value, @Nullable Integer version) {
	}

	@PutMapping("/api/v1/targets")
	@Operation(summary = "Set targets (secretariat, administrators)",
			description = "Each names its indicator, scope (IQ or a governorate's p-code) and year; one that exists "
					+ "is changed only with the version it was read at (409 otherwise). All or nothing.")
	List<Target> put(@AuthenticationPrincipal HululPrincipal me, @RequestBody List<TargetBody> rows) {
		return this.targets.putAll(me,
				rows.stream()
					.map((r) -> new Targets.Put(new Targets.Entered(r.indicator(), r.scope(), r.year(), r.value()),
							r.version()))
					.toList());
	}

	@DeleteMapping("/api/v1/targets/{id}")
	@Operation(summary = "Delete a target (secretariat, administrators)")
	ResponseEntity<Void> delete(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			@RequestParam int version) {
		this.targets.delete(me, id, version);
		return ResponseEntity.noContent().build();
	}

}
