package org.hulul.areas;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;

import org.hulul.framework.FrameworkDefinition;
import org.hulul.framework.FrameworkVersion;
import org.hulul.framework.Frameworks;
import org.hulul.geo.Location;
import org.hulul.geo.Locations;
import org.hulul.organisations.Organisation;
import org.hulul.organisations.OrganisationType;
import org.hulul.organisations.Organisations;
import org.hulul.platform.FormErrors;
import org.hulul.platform.FormInput;
import org.hulul.platform.LocalizedText;
import org.hulul.platform.HululPrincipal;
import org.hulul.platform.InvalidInputException;
import org.hulul.platform.Markdown;
import org.hulul.platform.StaleEditException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A Plan of Action's page: the eight steps with their dates, the ten sections in English
 * and Arabic, the authorities' input, the activities with their progress; the forms that
 * start a plan, write a section, move it to a step, record input and add activities; and
 * the plan as a PDF.
 */
@Controller
class PlanController {

	private final Plans plans;

	private final MessageSource messages;

	private final Markdown markdown;

	private final Activities activities;

	private final Frameworks frameworks;

	private final Locations locations;

	private final Organisations directory;

	private final PlanPdf pdf;

	private final Reviews reviews;

	PlanController(Plans plans, MessageSource messages, Markdown markdown, Activities activities, Frameworks frameworks,
			Locations locations, Organisations directory, PlanPdf pdf, Reviews reviews) {
		this.plans = plans;
		this.reviews = reviews;
		this.pdf = pdf;
		this.activities = activities;
		this.frameworks = frameworks;
		this.locations = locations;
		this.directory = directory;
		this.markdown = markdown;
		this.messages = messages;
	}

	@PostMapping("/areas/{code}/plans")
	String create(@AuthenticationPrincipal HululPrincipal me, @PathVariable String code,
			@RequestParam(required = false) @Nullable String title,
			@RequestParam(required = false) @Nullable String titleAr, RedirectAttributes redirect) {
		try {
			Plan plan = this.plans.create(me, code, title, titleAr);
			redirect.addFlashAttribute("flashMessage", "plan.created");
			return "redirect:/plans/" + plan.id();
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", "plan.error.title");
			return "redirect:/areas/" + code;
		}
	}

	@GetMapping("/plans/{id}")
	String show(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			@RequestParam(required = false) @Nullable String edit, Locale locale, Model model) {
		Plan plan = this.plans.get(id);
		Area area = this.plans.area(plan);
		model.addAttribute("plan", plan);
		model.addAttribute("area", area);
		model.addAttribute("mayEdit", this.plans.mayEdit(me, plan));
		model.addAttribute("sections", PlanSection.values());
		java.util.Map<String, String> html = new java.util.HashMap<>();
		for (PlanSection section : PlanSection.values()) {
			for (String language : List.of("en", "ar")) {
				html.put(section.name() + "." + language, this.markdown.html(plan.section(section, language)));
			}
		}
		model.addAttribute("html", html);
		model.addAttribute("editing", (edit != null) ? PlanApiController.section(edit) : null);
		model.addAttribute("stepNumbers", java.util.stream.IntStream.rangeClosed(1, Plan.STEPS).boxed().toList());
		List<Organisation> active = this.directory.list().stream().filter(Organisation::active).toList();
		// government bodies first: they are who gives input and who may lead
		List<Organisation> governmentFirst = new ArrayList<>(active.stream()
			.filter((o) -> o.type() == OrganisationType.GOVERNMENT)
			.sorted(Comparator.comparing(Organisation::code))
			.toList());
		active.stream()
			.filter((o) -> o.type() != OrganisationType.GOVERNMENT)
			.sorted(Comparator.comparing(Organisation::code))
			.forEach(governmentFirst::add);
		boolean anyGovernment = governmentFirst.stream().anyMatch((o) -> o.type() == OrganisationType.GOVERNMENT);
		model.addAttribute("governments", governmentFirst.stream()
			.filter((o) -> !anyGovernment || o.type() == OrganisationType.GOVERNMENT)
			.map((o) -> new Choice(o.code(), o.code() + " · " + LocalizedText.pick(locale, o.nameEn(), o.nameAr())))
			.toList());
		model.addAttribute("organisationChoices", governmentFirst.stream()
			.map((o) -> new Choice(o.code(), o.code() + " · " + LocalizedText.pick(locale, o.nameEn(), o.nameAr())))
			.toList());
		Activities.PlanProgress progress = this.activities.progress(me, id);
		model.addAttribute("progress", progress);
		List<ObjectiveChoice> objectives = objectives(locale);
		Map<String, String> indicatorNames = new LinkedHashMap<>();
		objectives.forEach((o) -> o.indicators().forEach((c) -> indicatorNames.put(c.code(), c.label())));
		model.addAttribute("objectives", objectives);
		model.addAttribute("indicatorNames", indicatorNames);
		List<Choice> places = new ArrayList<>();
		for (String pcode : area.locations()) {
			this.locations.find(pcode).ifPresent((l) -> addPlace(l, 0, places, locale));
		}
		model.addAttribute("places", places);
		model.addAttribute("activityPlaces", activityPlaces(progress, locale));
		model.addAttribute("activityStatuses", ActivityStatus.values());
		LocalDate today = this.plans.today();
		model.addAttribute("periodExample", today.getYear() + "Q" + ((today.getMonthValue() + 2) / 3));
		List<Review> rounds = this.reviews.ofPlan(id);
		Review latest = rounds.isEmpty() ? null : rounds.get(0);
		model.addAttribute("reviews", rounds);
		model.addAttribute("review", latest);
		java.util.Set<PlanSection> commentable = java.util.EnumSet.noneOf(PlanSection.class);
		if (latest != null) {
			for (PlanSection section : PlanSection.values()) {
				if (this.reviews.mayComment(me, latest, section)) {
					commentable.add(section);
				}
			}
		}
		model.addAttribute("commentable", commentable);
		model.addAttribute("versions", this.reviews.versions(id));
		model.addAttribute("defaultDeadline", today.plusDays(Reviews.DEFAULT_DAYS));
		model.addAttribute("resolutions", Review.Resolution.values());
		return "areas/plan";
	}

	/**
	 * The plan as a PDF in English or Arabic ({@code language}), right to left in Arabic.
	 */
	@GetMapping("/plans/{id}.pdf")
	ResponseEntity<byte[]> pdf(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			@RequestParam(name = "language", defaultValue = "en") String lang) {
		if (!PlanPdf.LANGUAGES.contains(lang)) {
			throw InvalidInputException.of("language", "plan.error.language", lang);
		}
		Plan plan = this.plans.get(id);
		Locale locale = Locale.forLanguageTag(lang);
		Map<String, String> indicatorNames = new LinkedHashMap<>();
		objectives(locale).forEach((o) -> o.indicators().forEach((c) -> indicatorNames.put(c.code(), c.label())));
		byte[] document = this.pdf.render(me, id, lang, indicatorNames,
				activityPlaces(this.activities.progress(me, id), locale));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("plan-of-action-" + plan.area() + "-" + plan.id() + "-" + lang + ".pdf")
						.build()
						.toString())
			.body(document);
	}

	/**
	 * The framework's objectives with their indicators, named in the reader's language.
	 */
	private List<ObjectiveChoice> objectives(Locale locale) {
		FrameworkDefinition framework = this.frameworks.current().map(FrameworkVersion::definition).orElse(null);
		List<ObjectiveChoice> objectives = new ArrayList<>();
		if (framework != null) {
			for (FrameworkDefinition.Objective objective : framework.objectives()) {
				List<Choice> indicators = objective.subCriteria()
					.stream()
					.flatMap((c) -> c.indicators().stream())
					.map((i) -> new Choice(i.code(), i.name().in(locale)))
					.toList();
				objectives.add(new ObjectiveChoice(objective.code(), objective.shortName().in(locale), indicators));
			}
		}
		return objectives;
	}

	/** Each activity's places, named and listed as the reader's language lists. */
	private Map<Long, String> activityPlaces(Activities.PlanProgress progress, Locale locale) {
		String separator = this.messages.getMessage("area.separator", null, ", ", locale);
		Map<Long, String> places = new LinkedHashMap<>();
		for (Activities.ActivityProgress activity : progress.activities()) {
			places.put(activity.activity().id(),
					String.join(separator,
							activity.activity()
								.locations()
								.stream()
								.map((pcode) -> this.locations.find(pcode).map((l) -> l.name(locale)).orElse(pcode))
								.toList()));
		}
		return places;
	}

	/** A place of the area and those inside it, indented by depth. */
	private void addPlace(Location place, int depth, List<Choice> places, Locale locale) {
		places.add(new Choice(place.pcode(), "\u00A0\u00A0".repeat(depth) + place.name(locale)));
		for (Location inside : this.locations.children(place.pcode())) {
			addPlace(inside, depth + 1, places, locale);
		}
	}

	/** A choice of a form: a code and what the reader sees. */
	public record Choice(String code, String label) {
	}

	/** An objective and its indicators, for the activity form. */
	public record ObjectiveChoice(String code, String label, List<Choice> indicators) {
	}

	@PostMapping("/plans/{id}/activities")
	String addActivity(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id, @RequestParam int version,
			@RequestParam MultiValueMap<String, String> form, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			this.activities.add(me, id, version, entered(form));
		}
		catch (InvalidInputException ex) {
			model.addAttribute("planErrors", errors(ex, locale));
			model.addAttribute("activityForm", form.toSingleValueMap());
			return show(me, id, null, locale, model);
		}
		catch (StaleEditException ex) {
			redirect.addFlashAttribute("flashError", "plan.stale");
			return "redirect:/plans/" + id + "#activities";
		}
		redirect.addFlashAttribute("flashMessage", "activity.added");
		return "redirect:/plans/" + id + "#activities";
	}

	@PostMapping("/plans/{id}/activities/{activity}/status")
	String activityStatus(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			@PathVariable long activity, @RequestParam int version,
			@RequestParam(required = false) @Nullable String status, Locale locale, Model model,
			RedirectAttributes redirect) {
		try {
			this.activities.setStatus(me, id, activity, version, status);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("planErrors", errors(ex, locale));
			return show(me, id, null, locale, model);
		}
		catch (StaleEditException ex) {
			redirect.addFlashAttribute("flashError", "plan.stale");
			return "redirect:/plans/" + id + "#activities";
		}
		redirect.addFlashAttribute("flashMessage", "plan.saved");
		return "redirect:/plans/" + id + "#activity-" + activity;
	}

	/** The activity form: one value per field, several for the lists, targets in rows. */
	private static Activities.Entered entered(MultiValueMap<String, String> form) {
		List<String> indicators = form.getOrDefault("targetIndicator", List.of());
		List<String> periods = form.getOrDefault("targetPeriod", List.of());
		List<String> values = form.getOrDefault("targetValue", List.of());
		List<Activities.TargetEntered> targets = new ArrayList<>();
		for (int row = 0; row < Math.max(indicators.size(), Math.max(periods.size(), values.size())); row++) {
			targets.add(new Activities.TargetEntered(at(indicators, row), at(periods, row), at(values, row)));
		}
		return new Activities.Entered(form.getFirst("objective"), form.getFirst("title"), form.getFirst("titleAr"),
				form.get("indicators"), form.get("locations"), targets, form.getFirst("lead"),
				FormInput.codes(form.get("supporting")), form.containsKey("governmentLeads"), form.getFirst("start"),
				form.getFirst("end"), form.getFirst("status"));
	}

	private static @Nullable String at(List<String> list, int index) {
		return (index < list.size()) ? list.get(index) : null;
	}

	@PostMapping("/plans/{id}/sections/{section}")
	String section(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id, @PathVariable String section,
			@RequestParam int version, @RequestParam(required = false) @Nullable String en,
			@RequestParam(required = false) @Nullable String ar, Locale locale, Model model,
			RedirectAttributes redirect) {
		PlanSection chosen = PlanApiController.section(section);
		try {
			Plan plan = this.plans.writeSection(me, id, version, chosen, "en", en);
			// the English text changed: the plan is one version on; else still the one
			// read
			int next = (plan.version() == version + 1) ? version + 1 : version;
			this.plans.writeSection(me, id, next, chosen, "ar", ar);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("planErrors", errors(ex, locale));
			return show(me, id, section, locale, model);
		}
		catch (StaleEditException ex) {
			redirect.addFlashAttribute("flashError", "plan.stale");
			return "redirect:/plans/" + id + "?edit=" + section;
		}
		redirect.addFlashAttribute("flashMessage", "plan.saved");
		return "redirect:/plans/" + id + "#" + section;
	}

	@PostMapping("/plans/{id}/step")
	String step(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id, @RequestParam int version,
			@RequestParam int step, @RequestParam(required = false) @Nullable String on, Locale locale, Model model,
			RedirectAttributes redirect) {
		try {
			this.plans.moveTo(me, id, version, step, FormInput.date(on, "on"));
		}
		catch (InvalidInputException ex) {
			model.addAttribute("planErrors", errors(ex, locale));
			return show(me, id, null, locale, model);
		}
		catch (StaleEditException ex) {
			redirect.addFlashAttribute("flashError", "plan.stale");
			return "redirect:/plans/" + id;
		}
		redirect.addFlashAttribute("flashMessage", "plan.saved");
		return "redirect:/plans/" + id;
	}

	@PostMapping("/plans/{id}/inputs")
	String input(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) @Nullable String organisation,
			@RequestParam(required = false) @Nullable String on,
			@RequestParam(required = false) @Nullable String summary, Locale locale, Model model,
			RedirectAttributes redirect) {
		try {
			this.plans.recordInput(me, id, version, organisation, FormInput.date(on, "on"), summary);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("planErrors", errors(ex, locale));
			return show(me, id, null, locale, model);
		}
		catch (StaleEditException ex) {
			redirect.addFlashAttribute("flashError", "plan.stale");
			return "redirect:/plans/" + id;
		}
		redirect.addFlashAttribute("flashMessage", "plan.saved");
		return "redirect:/plans/" + id + "#inputs";
	}

	private List<String> errors(InvalidInputException ex, Locale locale) {
		return FormErrors.messages(ex, this.messages, locale);
	}

}
