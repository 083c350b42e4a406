package org.hulul.geo;

import java.time.Duration;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hulul.platform.InvalidInputException;
import org.hulul.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Locations over the API. Open data (OCHA COD-AB), so no token is needed.
 */
@RestController
@Tag(name = "Locations")
class LocationApiController {

	private final Locations locations;

	private final Boundaries boundaries;

	LocationApiController(Locations locations, Boundaries boundaries) {
		this.locations = locations;
		this.boundaries = boundaries;
	}

	@GetMapping(path = "/api/v1/boundaries", produces = "application/geo+json")
	@Operation(summary = "Boundary polygons as GeoJSON",
			description = "The units of one level, optionally only those within a p-code (OCHA COD-AB, CC BY-IGO)")
	ResponseEntity<ObjectNode> boundaries(
			@Parameter(description = "1 governorate, 2 district, 3 sub-district") @RequestParam int level,
			@Parameter(description = "only units within this p-code (or these, separated by commas)") @RequestParam(
					defaultValue = "") String within) {
		if (level < 1 || level > 3) {
			throw InvalidInputException.of("level", "location.error.level");
		}
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
			.body(this.boundaries.features(level, within));
	}

	@GetMapping("/api/v1/locations")
	@Operation(summary = "List or search locations")
	List<LocationBody> list(
			@Parameter(description = "1 governorate, 2 district, 3 sub-district") @RequestParam(
					required = false) @Nullable Integer level,
			@Parameter(description = "only the children of this p-code") @RequestParam(
					required = false) @Nullable String parent,
			@Parameter(description = "p-code prefix or part of the English or Arabic name") @RequestParam(
					required = false) @Nullable String q) {
		if (level != null && (level < 1 || level > 3)) {
			throw InvalidInputException.of("level", "location.error.level");
		}
		List<Location> found = (q != null && !q.isBlank()) ? this.locations.search(q, Integer.MAX_VALUE)
				: (parent != null) ? this.locations.children(parent.strip().toUpperCase(java.util.Locale.ROOT))
						: this.locations.all();
		return found.stream()
			.filter((l) -> level == null || l.level() == level)
			.filter((l) -> parent == null || parent.equalsIgnoreCase(l.parentPcode()))
			.map(LocationBody::of)
			.toList();
	}

	@GetMapping("/api/v1/locations/{pcode}")
	@Operation(summary = "One location by p-code")
	LocationBody one(@PathVariable String pcode) {
		return this.locations.find(pcode)
			.map(LocationBody::of)
			.orElseThrow(() -> new NotFoundException("location", pcode));
	}

	record LocationBody(String pcode, Names name, int level, @Nullable String parentPcode) {

		static LocationBody of(Location l) {
			return new LocationBody(l.pcode(), new Names(l.nameEn(), l.nameAr()), l.level(), l.parentPcode());
		}

	}

	record Names(String en, String ar) {
	}

}
