package org.hulul.areas;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hulul.analytics.Presence;
import org.hulul.geo.Location;
import org.hulul.geo.Locations;
import org.hulul.platform.HululPrincipal;
import org.hulul.reporting.Period;

import org.springframework.stereotype.Component;

/**
 * The need the Plans of Action show for who does what where: an activity of a plan for an
 * objective at a place, running in the quarter asked about (its dates, else its targets'
 * periods, say so; neither: always), and not completed or dropped. With no partner active
 * there for that objective, the place is a gap.
 */
@Component
class PlannedNeeds implements Presence.GapSource {

	private final Plans plans;

	private final Activities activities;

	private final Locations locations;

	PlannedNeeds(Plans plans, Activities activities, Locations locations) {
		this.plans = plans;
		this.activities = activities;
		this.locations = locations;
	}

	@Override
	public List<Presence.Need> needs(HululPrincipal me, Presence.Question question) {
		List<Presence.Need> needs = new ArrayList<>();
		java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		for (long planId : this.activities.plansWithActivities()) {
			Optional<Plan> plan = this.plans.find(planId);
			if (plan.isEmpty()) {
				continue;
			}
			Area area = this.plans.area(plan.get());
			for (Activity activity : this.activities.ofPlan(planId)) {
				if (activity.status() == ActivityStatus.COMPLETED || activity.status() == ActivityStatus.DROPPED
						|| !runs(activity, question.period())) {
					continue;
				}
				List<String> where = activity.locations().isEmpty() ? area.locations() : activity.locations();
				for (String pcode : where) {
					for (String place : atLevel(pcode, question.level())) {
						if (question.within() == null || place.startsWith(question.within())) {
							needs.add(new Presence.Need(place, activity.objective(), "who.gap.plan",
									List.of(area.name(locale), activity.title(locale))));
						}
					}
				}
			}
		}
		return needs;
	}

	/** Whether the activity runs in the quarter. */
	static boolean runs(Activity activity, Period quarter) {
		LocalDate start = activity.startsOn();
		LocalDate end = activity.endsOn();
		if (start != null || end != null) {
			return (start == null || !start.isAfter(quarter.end())) && (end == null || !end.isBefore(quarter.start()));
		}
		if (activity.targets().isEmpty()) {
			return true;
		}
		return activity.targets()
			.stream()
			.anyMatch((t) -> t.period().equals(quarter.toString())
					|| t.period().equals(Integer.toString(quarter.year())));
	}

	/**
	 * The place's p-code at the level: its own ancestor there, or the places inside it.
	 */
	private List<String> atLevel(String pcode, int level) {
		Optional<Location> place = this.locations.find(pcode);
		if (place.isEmpty()) {
			return List.of();
		}
		if (place.get().level() == level) {
			return List.of(pcode);
		}
		if (place.get().level() > level) {
			for (Location step : this.locations.path(place.get())) {
				if (step.level() == level) {
					return List.of(step.pcode());
				}
			}
			return List.of();
		}
		List<String> inside = new ArrayList<>();
		for (Location child : this.locations.children(pcode)) {
			inside.addAll(atLevel(child.pcode(), level));
		}
		return inside;
	}

}
