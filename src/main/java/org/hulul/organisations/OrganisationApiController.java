package org.hulul.organisations;

import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hulul.platform.InvalidInputException;
import org.hulul.platform.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Organisations over the API: any signed-in caller reads; administrators and the
 * secretariat write (see SecurityConfig). DELETE deactivates: organisations are never
 * erased because reports refer to them.
 */
@RestController
@Tag(name = "Organisations")
class OrganisationApiController {

	private final Organisations organisations;

	OrganisationApiController(Organisations organisations) {
		this.organisations = organisations;
	}

	@GetMapping("/api/v1/organisations")
	@Operation(summary = "List organisations")
	List<OrganisationBody> list(@RequestParam(defaultValue = "false") boolean includeInactive) {
		return this.organisations.list()
			.stream()
			.filter((o) -> includeInactive || o.active())
			.map(OrganisationBody::of)
			.toList();
	}

	@GetMapping("/api/v1/organisations/{code}")
	@Operation(summary = "One organisation by code")
	OrganisationBody one(@PathVariable String code) {
		return OrganisationBody.of(load(code));
	}

	@PostMapping("/api/v1/organisations")
	@Operation(summary = "Create an organisation")
	ResponseEntity<OrganisationBody> create(@RequestBody OrganisationInput input) {
		Organisation created = this.organisations.create(input.toDetails(), false);
		return ResponseEntity.status(HttpStatus.CREATED).body(OrganisationBody.of(created));
	}

	@PutMapping("/api/v1/organisations/{code}")
	@Operation(summary = "Change an organisation",
			description = "Send the version you read (required); a stale version is refused with 409 Conflict.")
	OrganisationBody update(@PathVariable String code, @RequestBody OrganisationInput input) {
		Organisation existing = load(code);
		if (input.version() == null) {
			throw InvalidInputException.of("version", "error.versionRequired");
		}
		return OrganisationBody
			.of(this.organisations.update(existing.id(), input.version(), input.toDetails(), input.active()));
	}

	@DeleteMapping("/api/v1/organisations/{code}")
	@Operation(summary = "Deactivate an organisation")
	OrganisationBody deactivate(@PathVariable String code) {
		Organisation existing = load(code);
		return OrganisationBody.of(this.organisations.setActive(existing.id(), existing.version(), false));
	}

	private Organisation load(String code) {
		return this.organisations.getByCode(code).orElseThrow(() -> new NotFoundException("organisation", code));
	}

	record OrganisationInput(@Nullable String code, @Nullable String name, @Nullable String nameAr,
			@Nullable OrganisationType type, @Nullable Set<Programming> programming, @Nullable Boolean active,
			@Nullable Integer version) {

		OrganisationDetails toDetails() {
			return new OrganisationDetails(this.code, this.name, this.nameAr, this.type, this.programming);
		}

	}

	record OrganisationBody(long id, String code, String name, @Nullable String nameAr, OrganisationType type,
			List<Programming> programming, boolean active, boolean demo, int version) {

		static OrganisationBody of(Organisation o) {
			return new OrganisationBody(o.id(), o.code(), o.nameEn(), o.nameAr(), o.type(),
					o.programming().stream().sorted().toList(), o.active(), o.demo(), o.version());
		}

	}

}
