package org.hulul.geo;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Locations page: the tree of governorates, districts and sub-districts, and search.
 */
@Controller
class LocationController {

	static final int SEARCH_LIMIT = 50;

	private final Locations locations;

	LocationController(Locations locations) {
		this.locations = locations;
	}

	@GetMapping("/locations")
	String showLocations(@RequestParam(required = false) @Nullable String q,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
		model.addAttribute("q", (q != null) ? q : "");
		if (q != null && !q.isBlank()) {
			List<Location> results = this.locations.search(q, SEARCH_LIMIT);
			model.addAttribute("results", results.stream().map(this.locations::path).toList());
		}
		if (htmx != null) {
			return "locations/list :: results";
		}
		model.addAttribute("governorates", this.locations.atLevel(1));
		model.addAttribute("tree", this.locations);
		return "locations/list";
	}

	@GetMapping("/locations/{pcode}")
	String showLocation(@PathVariable String pcode, Model model) {
		Location location = this.locations.find(pcode)
			.orElseThrow(() -> new org.hulul.platform.NotFoundException("location", pcode));
		model.addAttribute("location", location);
		model.addAttribute("path", this.locations.path(location));
		model.addAttribute("children", this.locations.children(location.pcode()));
		return "locations/detail";
	}

}
