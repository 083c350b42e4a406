package org.hulul.areas;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hulul.platform.HululPrincipal;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Areas over the API. */
@RestController
@Tag(name = "Areas")
class AreaApiController {

	private final Areas areas;

	AreaApiController(Areas areas) {
		this.areas = areas;
	}

	/** An area as the API shows it. */
	record AreaBody(String code, String name, @Nullable String nameAr, AreaType type, AreaStatus status,
			List<String> locations, List<Area.Role> roles, List<String> populationGroups, List<String> coordinators,
			int version) {
	}

	/** An area as the API takes it. */
	record AreaInput(@Nullable String code, @Nullable String name, @Nullable String nameAr, @Nullable String type,
			@Nullable String status, @Nullable List<String> locations, @Nullable List<Areas.RoleEntered> roles,
			@Nullable List<String> populationGroups, @Nullable List<String> coordinators, @Nullable Integer version) {

		Areas.Entered entered() {
			return new Areas.Entered(this.code, this.name, this.nameAr, this.type, this.status, this.locations,
					this.roles, this.populationGroups, this.coordinators);
		}

	}

	private AreaBody body(Area area) {
		return new AreaBody(area.code(), area.nameEn(), area.nameAr(), area.type(), area.status(), area.locations(),
				area.roles(), area.populationGroups(), this.areas.coordinatorNames(area), area.version());
	}

	@GetMapping("/api/v1/areas")
	@Operation(summary = "The areas: JCFs and ABC groups with their locations and groups")
	List<AreaBody> list() {
		return this.areas.all().stream().map(this::body).toList();
	}

	@GetMapping("/api/v1/areas/{code}")
	@Operation(summary = "One area")
	AreaBody get(@PathVariable String code) {
		return body(this.areas.get(code));
	}

	@PostMapping("/api/v1/areas")
	@Operation(summary = "Add an area (secretariat, administrators)",
			description = "{\"code\",\"name\",\"type\":\"JCF|ABC\",\"locations\":[p-codes of any level]}, and "
					+ "optionally nameAr, status (ACTIVE, PAUSED, CLOSED), roles "
					+ "[{\"role\",\"organisation\",\"note\"}], populationGroups, coordinators (user names of area "
					+ "coordinators).")
	ResponseEntity<AreaBody> create(@AuthenticationPrincipal HululPrincipal me, @RequestBody AreaInput input) {
		Area created = this.areas.create(me, input.entered());
		return ResponseEntity.created(URI.create("/api/v1/areas/" + created.code())).body(body(created));
	}

	@PutMapping("/api/v1/areas/{code}")
	@Operation(summary = "Change an area (secretariat, administrators, its coordinators)",
			description = "Everything but the code, with the version read (409 when it changed since). A "
					+ "coordinator cannot change who coordinates.")
	AreaBody update(@AuthenticationPrincipal HululPrincipal me, @PathVariable String code,
			@RequestBody AreaInput input) {
		if (input.version() == null) {
			throw org.hulul.platform.InvalidInputException.of("version", "area.error.version");
		}
		return body(this.areas.update(me, code, input.version(), input.entered()));
	}

}
