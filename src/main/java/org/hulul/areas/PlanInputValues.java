package org.hulul.areas;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hulul.analytics.ComputedValues;
import org.hulul.geo.Location;
import org.hulul.geo.Locations;
import org.hulul.platform.OrganisationDirectory;
import org.hulul.platform.OrganisationRef;
import org.hulul.reporting.Period;

import org.springframework.stereotype.Component;

/**
 * The SO1 indicator "# of localized durable solutions plans of action inputted by
 * authorities at area level", counted from the plans themselves so nobody reports it by
 * hand: each plan that received input counts once, in the quarter of its first input,
 * credited to the authority that gave it, at its area's first location (at district level
 * at most, the indicator's lowest).
 */
@Component
class PlanInputValues implements ComputedValues {

	static final String SOURCE = "plans-of-action";

	/** The indicator the plans feed. */
	static final String INDICATOR = "SO1-GLDS-01";

	private final PlanRepository plans;

	private final Areas areas;

	private final Locations locations;

	private final OrganisationDirectory organisations;

	PlanInputValues(PlanRepository plans, Areas areas, Locations locations, OrganisationDirectory organisations) {
		this.plans = plans;
		this.areas = areas;
		this.locations = locations;
		this.organisations = organisations;
	}

	@Override
	public List<Value> values() {
		List<PlanRepository.FirstInput> inputs = this.plans.firstInputs();
		if (inputs.isEmpty()) {
			return List.of();
		}
		List<Area> areas = this.areas.all();
		List<Value> values = new ArrayList<>();
		for (PlanRepository.FirstInput input : inputs) {
			Optional<Area> area = areas.stream().filter((a) -> a.id() == input.areaId()).findFirst();
			Optional<OrganisationRef> authority = this.organisations.find(input.organisationId());
			if (area.isEmpty() || area.get().locations().isEmpty() || authority.isEmpty()) {
				continue;
			}
			String place = district(area.get().locations().get(0));
			Period quarter = new Period(input.receivedOn().getYear(), (input.receivedOn().getMonthValue() + 2) / 3);
			values.add(new Value(INDICATOR, place, quarter.toString(), authority.get().code(), 1));
		}
		return values;
	}

	/** The p-code, or its district's when it is a sub-district. */
	private String district(String pcode) {
		Optional<Location> place = this.locations.find(pcode);
		if (place.isPresent() && place.get().level() > 2 && place.get().parentPcode() != null) {
			return place.get().parentPcode();
		}
		return pcode;
	}

}
