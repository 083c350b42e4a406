package org.hulul.areas;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.hulul.framework.FrameworkVersion;
import org.hulul.framework.Frameworks;
import org.hulul.geo.Location;
import org.hulul.geo.Locations;
import org.hulul.platform.FormErrors;
import org.hulul.platform.HululPrincipal;
import org.hulul.platform.InvalidInputException;
import org.hulul.platform.OrganisationDirectory;
import org.hulul.platform.OrganisationRef;
import org.hulul.platform.StaleEditException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The areas' pages: the list, an area with its map and group, and the form that adds or
 * changes one (locations as p-codes, the group as lines of role, organisation and note).
 */
@Controller
class AreaController {

	/** Empty lines the form offers for more roles. */
	static final int BLANK_ROLES = 3;

	private final Areas areas;

	private final Locations locations;

	private final OrganisationDirectory organisations;

	private final Frameworks frameworks;

	private final MessageSource messages;

	private final Plans plans;

	private final org.hulul.analytics.Presence presence;

	private final Activities activities;

	private final org.springframework.beans.factory.ObjectProvider<AreaMeetings> meetings;

	AreaController(Areas areas, Plans plans, org.hulul.analytics.Presence presence, Locations locations,
			OrganisationDirectory organisations, Frameworks frameworks, MessageSource messages, Activities activities,
			org.springframework.beans.factory.ObjectProvider<AreaMeetings> meetings) {
		this.activities = activities;
		this.meetings = meetings;
		this.presence = presence;
		this.areas = areas;
		this.plans = plans;
		this.locations = locations;
		this.organisations = organisations;
		this.frameworks = frameworks;
		this.messages = messages;
	}

	/** An area as the list shows it: the governorates it spans. */
	public record Line(Area area, List<String> governorates) {
	}

	/** A location of an area with its name and level. */
	public record Place(String pcode, String name, String levelKey, List<String> path) {
	}

	/** A role with the organisation's name. */
	public record Member(Area.Role role, String name) {
	}

	/** The form's values, as typed. */
	public record Form(String code, String nameEn, String nameAr, String type, String status, String locations,
			List<Areas.RoleEntered> roles, List<String> populationGroups, String coordinators) {
	}

	@GetMapping("/areas")
	String list(@AuthenticationPrincipal HululPrincipal me, Locale locale, Model model) {
		List<Line> lines = new ArrayList<>();
		for (Area area : this.areas.all()) {
			Set<String> governorates = new LinkedHashSet<>();
			area.locations()
				.forEach((p) -> this.locations.find(p.substring(0, Math.min(5, p.length())))
					.ifPresent((g) -> governorates.add(g.name(locale))));
			lines.add(new Line(area, List.copyOf(governorates)));
		}
		model.addAttribute("lines", lines);
		model.addAttribute("mayCreate", Areas.mayCreate(me));
		return "areas/list";
	}

	@GetMapping("/areas/{code}")
	String show(@AuthenticationPrincipal HululPrincipal me, @PathVariable String code, Locale locale, Model model) {
		Area area = this.areas.get(code);
		model.addAttribute("area", area);
		model.addAttribute("mayEdit", Areas.mayEdit(me, area));
		List<Place> places = new ArrayList<>();
		int level = 1;
		for (String pcode : area.locations()) {
			Location place = this.locations.find(pcode).orElse(null);
			if (place != null) {
				level = Math.max(level, place.level());
				places.add(new Place(pcode, place.name(locale), place.levelKey(),
						this.locations.path(place)
							.stream()
							.filter((p) -> !p.pcode().equals(pcode))
							.map((p) -> p.name(locale))
							.toList()));
			}
		}
		model.addAttribute("places", places);
		// the map: every unit of the finest level listed that lies in the area
		Map<String, Integer> inArea = new LinkedHashMap<>();
		for (Location unit : this.locations.atLevel(level)) {
			if (area.locations().stream().anyMatch((p) -> unit.pcode().startsWith(p))) {
				inArea.put(unit.pcode(), 1);
			}
		}
		model.addAttribute("mapLevel", level);
		model.addAttribute("mapWithin", String.join(",", area.locations()));
		model.addAttribute("mapValues", json(inArea));
		model.addAttribute("members",
				area.roles()
					.stream()
					.map((r) -> new Member(r,
							this.organisations.findByCode(r.organisation())
								.map((o) -> o.name(locale))
								.orElse(r.organisation())))
					.toList());
		model.addAttribute("groupNames", groupNames(locale));
		model.addAttribute("coordinators", this.areas.coordinatorNames(area));
		List<Plan> plans = this.plans.ofArea(area.code());
		model.addAttribute("plans", plans);
		Map<Long, Activities.PlanProgress> progress = new java.util.HashMap<>();
		plans.forEach((p) -> progress.put(p.id(), this.activities.progress(me, p.id())));
		model.addAttribute("progress", progress);
		model.addAttribute("meetings",
				this.meetings.orderedStream().flatMap((m) -> m.of(area.code()).stream()).toList());
		model.addAttribute("areaBody", this.meetings.getIfAvailable());
		model.addAttribute("active", this.presence.in(me, area.locations(), locale));
		return "areas/area";
	}

	@GetMapping("/areas/new")
	String create(@AuthenticationPrincipal HululPrincipal me, Locale locale, Model model) {
		if (!Areas.mayCreate(me)) {
			throw new AccessDeniedException("Only the secretariat and administrators add areas");
		}
		return form(me, null, new Form("", "", "", "ABC", "ACTIVE", "", List.of(), List.of(), ""), locale, model);
	}

	@PostMapping("/areas/new")
	String processCreate(@AuthenticationPrincipal HululPrincipal me, @RequestParam Map<String, String> fields,
			@RequestParam(name = "roleKind", required = false) @Nullable List<String> kinds,
			@RequestParam(name = "roleOrganisation", required = false) @Nullable List<String> organisations,
			@RequestParam(name = "roleNote", required = false) @Nullable List<String> notes,
			@RequestParam(name = "populationGroup", required = false) @Nullable List<String> groups, Locale locale,
			Model model, RedirectAttributes redirect) {
		Form form = read(fields, kinds, organisations, notes, groups);
		try {
			Area area = this.areas.create(me, entered(form, true));
			redirect.addFlashAttribute("flashMessage", "area.saved");
			return "redirect:/areas/" + area.code();
		}
		catch (InvalidInputException ex) {
			model.addAttribute("areaErrors", errors(ex, locale));
			return form(me, null, form, locale, model);
		}
	}

	@GetMapping("/areas/{code}/edit")
	String edit(@AuthenticationPrincipal HululPrincipal me, @PathVariable String code, Locale locale, Model model) {
		Area area = this.areas.get(code);
		if (!Areas.mayEdit(me, area)) {
			throw new AccessDeniedException("Not a coordinator of " + area.code());
		}
		Form form = new Form(area.code(), area.nameEn(), (area.nameAr() != null) ? area.nameAr() : "",
				area.type().name(), area.status().name(), String.join("\n", area.locations()),
				area.roles()
					.stream()
					.map((r) -> new Areas.RoleEntered(r.role().name(), r.organisation(), r.note()))
					.toList(),
				area.populationGroups(), String.join("\n", this.areas.coordinatorNames(area)));
		return form(me, area, form, locale, model);
	}

	@PostMapping("/areas/{code}/edit")
	String processEdit(@AuthenticationPrincipal HululPrincipal me, @PathVariable String code, @RequestParam int version,
			@RequestParam Map<String, String> fields,
			@RequestParam(name = "roleKind", required = false) @Nullable List<String> kinds,
			@RequestParam(name = "roleOrganisation", required = false) @Nullable List<String> organisations,
			@RequestParam(name = "roleNote", required = false) @Nullable List<String> notes,
			@RequestParam(name = "populationGroup", required = false) @Nullable List<String> groups, Locale locale,
			Model model, RedirectAttributes redirect) {
		Area area = this.areas.get(code);
		Form form = read(fields, kinds, organisations, notes, groups);
		try {
			this.areas.update(me, area.code(), version, entered(form, Areas.mayCreate(me)));
		}
		catch (InvalidInputException ex) {
			model.addAttribute("areaErrors", errors(ex, locale));
			return form(me, area, form, locale, model);
		}
		catch (StaleEditException ex) {
			redirect.addFlashAttribute("flashError", "area.stale");
			return "redirect:/areas/" + area.code() + "/edit";
		}
		redirect.addFlashAttribute("flashMessage", "area.saved");
		return "redirect:/areas/" + area.code();
	}

	private String form(HululPrincipal me, @Nullable Area area, Form form, Locale locale, Model model) {
		List<Areas.RoleEntered> rows = new ArrayList<>(form.roles());
		for (int i = 0; i < BLANK_ROLES; i++) {
			rows.add(new Areas.RoleEntered("", "", ""));
		}
		model.addAttribute("area", area);
		model.addAttribute("form", form);
		model.addAttribute("roleRows", rows);
		model.addAttribute("types", AreaType.values());
		model.addAttribute("statuses", AreaStatus.values());
		model.addAttribute("roleKinds", AreaRoleKind.values());
		model.addAttribute("organisationChoices",
				this.organisations.all()
					.stream()
					.filter(OrganisationRef::active)
					.sorted(java.util.Comparator.comparing(OrganisationRef::code))
					.toList());
		model.addAttribute("groupNames", groupNames(locale));
		model.addAttribute("mayChooseCoordinators", Areas.mayCreate(me));
		return "areas/form";
	}

	private static Form read(Map<String, String> fields, @Nullable List<String> kinds,
			@Nullable List<String> organisations, @Nullable List<String> notes, @Nullable List<String> groups) {
		List<Areas.RoleEntered> roles = new ArrayList<>();
		int n = (kinds != null) ? kinds.size() : 0;
		for (int i = 0; i < n; i++) {
			String organisation = (organisations != null && i < organisations.size()) ? organisations.get(i) : "";
			String note = (notes != null && i < notes.size()) ? notes.get(i) : "";
			roles.add(new Areas.RoleEntered(kinds.get(i), organisation, note));
		}
		return new Form(fields.getOrDefault("code", ""), fields.getOrDefault("nameEn", ""),
				fields.getOrDefault("nameAr", ""), fields.getOrDefault("type", ""), fields.getOrDefault("status", ""),
				fields.getOrDefault("locations", ""), roles, (groups != null) ? groups : List.of(),
				fields.getOrDefault("coordinators", ""));
	}

	private static Areas.Entered entered(Form form, boolean withCoordinators) {
		return new Areas.Entered(form.code(), form.nameEn(), form.nameAr(), form.type(), form.status(),
				words(form.locations()), form.roles(), form.populationGroups(),
				withCoordinators ? words(form.coordinators()) : null);
	}

	/** Codes typed one per line, or separated by commas, semicolons or spaces. */
	static List<String> words(String text) {
		return Arrays.stream(text.split("[\\s,;]+")).filter((w) -> !w.isBlank()).toList();
	}

	private Map<String, String> groupNames(Locale locale) {
		Map<String, String> names = new LinkedHashMap<>();
		this.frameworks.current()
			.map(FrameworkVersion::definition)
			.ifPresent((f) -> f.populationGroups().forEach((g) -> names.put(g.code(), g.name().in(locale))));
		return names;
	}

	private List<String> errors(InvalidInputException ex, Locale locale) {
		return FormErrors.messages(ex, this.messages, locale);
	}

	private static String json(Map<String, Integer> values) {
		StringBuilder json = new StringBuilder("{");
		values.forEach(
				(k, v) -> json.append((json.length() > 1) ? "," : "").append('"').append(k).append("\":").append(v));
		return json.append('}').toString();
	}

}
