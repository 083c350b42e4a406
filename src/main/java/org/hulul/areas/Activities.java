package org.hulul.areas;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.hulul.analytics.Targets;
import org.hulul.framework.FrameworkDefinition;
import org.hulul.framework.FrameworkVersion;
import org.hulul.framework.Frameworks;
import org.hulul.geo.Location;
import org.hulul.geo.Locations;
import org.hulul.platform.AuditAction;
import org.hulul.platform.AuditLog;
import org.hulul.platform.HululPrincipal;
import org.hulul.platform.InvalidInputException;
import org.hulul.platform.NotFoundException;
import org.hulul.platform.OrganisationDirectory;
import org.hulul.platform.OrganisationRef;
import org.hulul.reporting.EnteredNumber;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The implementation plans of the Plans of Action: whoever may edit the plan adds and
 * changes its activities, each checked against the framework (an objective, indicators of
 * that objective), the area (places inside it) and the organisations; every change moves
 * the plan to its next version (refused when it changed since it was read) and is
 * audited. Progress is what the analytics give for each activity's indicators at its
 * places in its periods, approved values only, judged as the framework's targets are.
 */
@Service
public class Activities {

	private static final Pattern YEAR = Pattern.compile("\\d{4}");

	private static final Pattern QUARTER = Pattern.compile("\\d{4}Q[1-4]");

	private final ActivityRepository repository;

	private final Plans plans;

	private final Frameworks frameworks;

	private final Locations locations;

	private final OrganisationDirectory organisations;

	private final Targets targets;

	private final AuditLog audit;

	Activities(ActivityRepository repository, Plans plans, Frameworks frameworks, Locations locations,
			OrganisationDirectory organisations, Targets targets, AuditLog audit) {
		this.repository = repository;
		this.plans = plans;
		this.frameworks = frameworks;
		this.locations = locations;
		this.organisations = organisations;
		this.targets = targets;
		this.audit = audit;
	}

	/** A plan's activities, in the order they were added. */
	public List<Activity> ofPlan(long planId) {
		this.plans.get(planId);
		return this.repository.ofPlan(planId).stream().map(this::toActivity).toList();
	}

	/** The plans that have activities, by id. */
	List<Long> plansWithActivities() {
		return this.repository.plansWithActivities();
	}

	public Activity get(long planId, long activityId) {
		return ofPlan(planId).stream()
			.filter((a) -> a.id() == activityId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("plan_activity", activityId));
	}

	/**
	 * Adds an activity. The plan's version may be left out: adding overwrites nothing;
	 * when given, it must still be the plan's.
	 */
	@Transactional
	public Activity add(HululPrincipal me, long planId, @Nullable Integer version, Entered entered) {
		Plan plan = this.plans.editable(me, planId);
		ActivityRepository.Stored checked = check(plan, entered);
		this.plans.claim(plan, (version != null) ? version : plan.version());
		long id = this.repository.insert(checked);
		Activity added = get(planId, id);
		this.audit.record(AuditAction.UPDATE, Plans.ENTITY, planId,
				AuditLog.summary("audit.summary.activityAdded", plan.area(), added.titleEn()), null, snapshot(added));
		return added;
	}

	/** Changes an activity, refused when the plan is no longer at {@code version}. */
	@Transactional
	public Activity change(HululPrincipal me, long planId, long activityId, int version, Entered entered) {
		Plan plan = this.plans.editable(me, planId);
		Activity before = get(planId, activityId);
		ActivityRepository.Stored checked = check(plan, entered);
		this.plans.claim(plan, version);
		this.repository.update(activityId, checked);
		Activity after = get(planId, activityId);
		this.audit.record(AuditAction.UPDATE, Plans.ENTITY, planId,
				AuditLog.summary("audit.summary.activityChanged", plan.area(), after.titleEn()), snapshot(before),
				snapshot(after));
		return after;
	}

	/**
	 * Sets an activity's status, refused when the plan is no longer at {@code version}.
	 */
	@Transactional
	public Activity setStatus(HululPrincipal me, long planId, long activityId, int version, @Nullable String status) {
		Plan plan = this.plans.editable(me, planId);
		Activity before = get(planId, activityId);
		ActivityStatus chosen = status(status, new ArrayList<>());
		if (chosen == null) {
			throw InvalidInputException.of("status", "activity.error.status", String.valueOf(status));
		}
		if (chosen == before.status()) {
			return before;
		}
		this.plans.claim(plan, version);
		this.repository.setStatus(activityId, chosen);
		this.audit.record(AuditAction.UPDATE, Plans.ENTITY, planId,
				AuditLog.summary("audit.summary.activityStatus", plan.area(), before.titleEn(), chosen.name()),
				Map.of("status", before.status().name()), Map.of("status", chosen.name()));
		return get(planId, activityId);
	}

	/**
	 * The progress of a plan: each activity's targets with what was achieved at its
	 * places in their periods, and the plan as a whole (the targets of its activities not
	 * dropped added per indicator and period, achieved over all their places).
	 */
	public PlanProgress progress(HululPrincipal me, long planId) {
		Plan plan = this.plans.get(planId);
		Area area = this.plans.area(plan);
		List<Activity> activities = ofPlan(planId);
		List<Targets.Ask> asks = new ArrayList<>();
		Map<String, Double> totals = new LinkedHashMap<>();
		Map<String, Set<String>> places = new LinkedHashMap<>();
		for (Activity activity : activities) {
			List<String> where = activity.locations().isEmpty() ? area.locations() : activity.locations();
			for (Activity.Target target : activity.targets()) {
				asks.add(new Targets.Ask(target.indicator(), Set.copyOf(where), target.period(), target.value()));
				if (activity.status() != ActivityStatus.DROPPED) {
					String key = target.indicator() + "@" + target.period();
					totals.merge(key, target.value(), Double::sum);
					places.computeIfAbsent(key, (k) -> new LinkedHashSet<>()).addAll(where);
				}
			}
		}
		int own = asks.size();
		totals.forEach((key, total) -> asks.add(new Targets.Ask(key.substring(0, key.indexOf('@')), places.get(key),
				key.substring(key.indexOf('@') + 1), total)));
		List<Targets.Reached> reached = this.targets.reached(me, asks);
		List<ActivityProgress> judged = new ArrayList<>();
		int at = 0;
		for (Activity activity : activities) {
			List<TargetProgress> lines = new ArrayList<>();
			for (Activity.Target target : activity.targets()) {
				lines.add(new TargetProgress(target.indicator(), target.period(), target.value(), reached.get(at++)));
			}
			judged.add(new ActivityProgress(activity, lines, overall(lines)));
		}
		List<TargetProgress> overall = new ArrayList<>();
		for (int i = own; i < asks.size(); i++) {
			Targets.Ask ask = asks.get(i);
			overall.add(new TargetProgress(ask.indicator(), ask.period(), ask.target(), reached.get(i)));
		}
		return new PlanProgress(plan.id(), judged, overall, overall(overall));
	}

	/**
	 * One status for several: red when any is red, then no data, amber, green; not due
	 * when nothing is due yet.
	 */
	static Targets.@Nullable Status overall(List<TargetProgress> judged) {
		List<Targets.Status> order = List.of(Targets.Status.RED, Targets.Status.NO_DATA, Targets.Status.AMBER,
				Targets.Status.GREEN, Targets.Status.NOT_DUE);
		for (Targets.Status status : order) {
			if (judged.stream().anyMatch((t) -> t.reached().status() == status)) {
				return status;
			}
		}
		return null;
	}

	/** A plan's progress. */
	public record PlanProgress(long plan, List<ActivityProgress> activities, List<TargetProgress> overall,
			Targets.@Nullable Status status) {
	}

	/** An activity's progress: each target judged, and one status for them all. */
	public record ActivityProgress(Activity activity, List<TargetProgress> targets, Targets.@Nullable Status status) {
	}

	/** A target of an indicator in a period, and what was reached. */
	public record TargetProgress(String indicator, String period, double target, Targets.Reached reached) {
	}

	/** The activity as entered, checked, every problem named by its field. */
	private ActivityRepository.Stored check(Plan plan, Entered entered) {
		List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
		FrameworkDefinition framework = this.frameworks.current().map(FrameworkVersion::definition).orElse(null);
		String objective = (entered.objective() != null) ? entered.objective().strip().toUpperCase(Locale.ROOT) : "";
		boolean knownObjective = framework != null
				&& framework.objectives().stream().anyMatch((o) -> o.code().equals(objective));
		if (!knownObjective) {
			problems.add(fieldProblem("objective", "activity.error.objective", objective));
		}
		List<String> indicators = new ArrayList<>();
		int row = 0;
		for (String given : list(entered.indicators())) {
			String field = "indicators[" + row++ + "]";
			String code = (given != null) ? given.strip().toUpperCase(Locale.ROOT) : "";
			if (code.isEmpty()) {
				continue;
			}
			Optional<FrameworkDefinition.Indicator> indicator = (framework != null) ? framework.indicator(code)
					: Optional.empty();
			if (indicator.isEmpty()) {
				problems.add(fieldProblem(field, "activity.error.indicator", code));
			}
			else if (knownObjective && !indicator.get().objectiveCode().equals(objective)) {
				problems.add(fieldProblem(field, "activity.error.indicatorObjective", code, objective));
			}
			else if (!indicators.contains(code)) {
				indicators.add(code);
			}
		}
		if (indicators.isEmpty() && problems.stream().noneMatch((p) -> p.field().startsWith("indicators"))) {
			problems.add(fieldProblem("indicators", "activity.error.noIndicator"));
		}
		String title = (entered.title() != null) ? entered.title().strip() : "";
		String titleAr = (entered.titleAr() == null || entered.titleAr().isBlank()) ? null : entered.titleAr().strip();
		if (title.isEmpty() && framework != null && !indicators.isEmpty()) {
			FrameworkDefinition.Indicator first = framework.indicator(indicators.get(0)).orElseThrow();
			title = first.name().en();
			titleAr = (titleAr != null) ? titleAr : first.name().ar();
		}
		if (title.isEmpty() || title.length() > 300) {
			problems.add(fieldProblem("title", "activity.error.title"));
		}
		if (titleAr != null && titleAr.length() > 300) {
			problems.add(fieldProblem("titleAr", "activity.error.title"));
		}
		Area area = this.plans.area(plan);
		List<String> pcodes = new ArrayList<>();
		row = 0;
		for (String given : list(entered.locations())) {
			String field = "locations[" + row++ + "]";
			String pcode = (given != null) ? given.strip().toUpperCase(Locale.ROOT) : "";
			if (pcode.isEmpty()) {
				continue;
			}
			Optional<Location> place = this.locations.find(pcode);
			if (place.isEmpty()) {
				problems.add(fieldProblem(field, "activity.error.location", pcode));
			}
			else if (area.locations().stream().noneMatch(pcode::startsWith)) {
				problems.add(fieldProblem(field, "activity.error.outside", pcode, area.code()));
			}
			else if (!pcodes.contains(pcode)) {
				pcodes.add(pcode);
			}
		}
		List<Activity.Target> targets = new ArrayList<>();
		row = 0;
		for (TargetEntered target : (entered.targets() != null) ? entered.targets() : List.<TargetEntered>of()) {
			String field = "targets[" + row++ + "]";
			if (target == null || (blank(target.indicator()) && blank(target.period()) && blank(target.value()))) {
				continue; // an empty line of the form
			}
			String indicator = blank(target.indicator()) ? "" : target.indicator().strip().toUpperCase(Locale.ROOT);
			if (!indicators.contains(indicator)) {
				problems.add(fieldProblem(field + ".indicator", "activity.error.targetIndicator", indicator));
			}
			String period = blank(target.period()) ? "" : target.period().strip().toUpperCase(Locale.ROOT);
			if (!QUARTER.matcher(period).matches() && !YEAR.matcher(period).matches()) {
				problems.add(fieldProblem(field + ".period", "activity.error.period", period));
			}
			Double value = number(target.value());
			if (value == null || value <= 0 || value.isInfinite()) {
				problems.add(fieldProblem(field + ".value", "activity.error.value", String.valueOf(target.value())));
			}
			if (targets.stream().anyMatch((t) -> t.indicator().equals(indicator) && t.period().equals(period))) {
				problems.add(fieldProblem(field, "activity.error.targetTwice", indicator, period));
			}
			else if (value != null) {
				targets.add(new Activity.Target(indicator, period, value));
			}
		}
		String leadCode = blank(entered.lead()) ? "" : entered.lead().strip();
		Optional<OrganisationRef> lead = this.organisations.findByCode(leadCode);
		if (lead.isEmpty()) {
			problems.add(fieldProblem("lead", "activity.error.organisation", leadCode));
		}
		List<Long> supporting = new ArrayList<>();
		row = 0;
		for (String given : list(entered.supporting())) {
			String field = "supporting[" + row++ + "]";
			if (blank(given)) {
				continue;
			}
			Optional<OrganisationRef> found = this.organisations.findByCode(given.strip());
			if (found.isEmpty()) {
				problems.add(fieldProblem(field, "activity.error.organisation", given.strip()));
			}
			else if (lead.map((l) -> l.id() != found.get().id()).orElse(true)
					&& !supporting.contains(found.get().id())) {
				supporting.add(found.get().id());
			}
		}
		LocalDate start = date(entered.start(), "start", problems);
		LocalDate end = date(entered.end(), "end", problems);
		if (start != null && end != null && end.isBefore(start)) {
			problems.add(fieldProblem("end", "activity.error.endBeforeStart", end.toString(), start.toString()));
		}
		ActivityStatus status = blank(entered.status()) ? ActivityStatus.NOT_STARTED
				: status(entered.status(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new ActivityRepository.Stored(0, plan.id(), objective, title, titleAr, indicators, pcodes, targets,
				lead.orElseThrow().id(), supporting, Boolean.TRUE.equals(entered.governmentLeads()), start, end,
				status);
	}

	private static @Nullable ActivityStatus status(@Nullable String value,
			List<InvalidInputException.FieldProblem> problems) {
		try {
			return ActivityStatus.valueOf((value != null) ? value.strip().toUpperCase(Locale.ROOT) : "");
		}
		catch (IllegalArgumentException ex) {
			problems.add(fieldProblem("status", "activity.error.status", String.valueOf(value)));
			return null;
		}
	}

	private static @Nullable LocalDate date(@Nullable String text, String field,
			List<InvalidInputException.FieldProblem> problems) {
		if (blank(text)) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			problems.add(fieldProblem(field, "activity.error.date", text.strip()));
			return null;
		}
	}

	private static @Nullable Double number(@Nullable String text) {
		try {
			BigDecimal value = EnteredNumber.parse(text);
			return (value != null) ? value.doubleValue() : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

	private static <T> List<T> list(@Nullable List<T> given) {
		return (given != null) ? given : List.of();
	}

	private static InvalidInputException.FieldProblem fieldProblem(String field, String key, Object... args) {
		return new InvalidInputException.FieldProblem(field, key, List.of(args));
	}

	private Activity toActivity(ActivityRepository.Stored stored) {
		return new Activity(stored.id(), stored.planId(), stored.objective(), stored.titleEn(), stored.titleAr(),
				stored.indicators(), stored.locations(), stored.targets(), code(stored.leadId()),
				stored.supportingIds().stream().map(this::code).toList(), stored.governmentLeads(), stored.startsOn(),
				stored.endsOn(), stored.status());
	}

	private String code(long organisationId) {
		return this.organisations.find(organisationId).map(OrganisationRef::code).orElse("?");
	}

	private static Map<String, Object> snapshot(Activity activity) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("activity", activity.id());
		state.put("objective", activity.objective());
		state.put("title", activity.titleEn());
		state.put("indicators", activity.indicators());
		state.put("locations", activity.locations());
		state.put("targets",
				activity.targets().stream().map((t) -> t.indicator() + " " + t.period() + " " + t.value()).toList());
		state.put("lead", activity.lead());
		state.put("supporting", activity.supporting());
		state.put("governmentLeads", activity.governmentLeads());
		state.put("start", String.valueOf(activity.startsOn()));
		state.put("end", String.valueOf(activity.endsOn()));
		state.put("status", activity.status().name());
		return state;
	}

	/**
	 * An activity as entered: codes of the objective, indicators, places and
	 * organisations; targets with their values as typed; dates as yyyy-mm-dd.
	 */
	public record Entered(@Nullable String objective, @Nullable String title, @Nullable String titleAr,
			@Nullable List<String> indicators, @Nullable List<String> locations, @Nullable List<TargetEntered> targets,
			@Nullable String lead, @Nullable List<String> supporting, @Nullable Boolean governmentLeads,
			@Nullable String start, @Nullable String end, @Nullable String status) {
	}

	/** A target as entered: indicator code, period (2026Q3 or 2026), value as typed. */
	public record TargetEntered(@Nullable String indicator, @Nullable String period, @Nullable String value) {
	}

}
