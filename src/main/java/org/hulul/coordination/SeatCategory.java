package org.hulul.coordination;

import java.util.Set;

import org.hulul.organisations.OrganisationType;

/**
 * The groups of stakeholders a seat belongs to, as the DSTWG's terms of reference list
 * them, and the kinds of organisation that may hold one.
 */
public enum SeatCategory {

	UN_AGENCY(Set.of(OrganisationType.UN_AGENCY)),
	NGO(Set.of(OrganisationType.INTERNATIONAL_NGO, OrganisationType.NATIONAL_NGO)),
	ICCG_CLUSTER(Set.of(OrganisationType.CLUSTER, OrganisationType.WORKING_GROUP)),
	UNSDCF_PWG(Set.of(OrganisationType.WORKING_GROUP)), OTHER_WG(Set.of(OrganisationType.WORKING_GROUP)),
	OTHER_ENTITY(Set.of(OrganisationType.PRIVATE_SECTOR, OrganisationType.RED_CROSS_RED_CRESCENT,
			OrganisationType.DONOR, OrganisationType.GOVERNMENT));

	private final Set<OrganisationType> holders;

	SeatCategory(Set<OrganisationType> holders) {
		this.holders = holders;
	}

	/** Whether an organisation of the type may hold a seat of this category. */
	public boolean takes(OrganisationType type) {
		return this.holders.contains(type);
	}

	public String key() {
		return "seat.category." + name();
	}

}
