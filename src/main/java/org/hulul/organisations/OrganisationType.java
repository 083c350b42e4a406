package org.hulul.organisations;

/**
 * The kind of organisation.
 */
public enum OrganisationType {

	UN_AGENCY, INTERNATIONAL_NGO, NATIONAL_NGO, GOVERNMENT, RED_CROSS_RED_CRESCENT, PRIVATE_SECTOR, CLUSTER,
	WORKING_GROUP, DONOR;

	public String labelKey() {
		return "organisation.type." + name();
	}

}
