package org.hulul.organisations;

/**
 * The programming an organisation does, across the humanitarian–development–peace
 * spectrum.
 */
public enum Programming {

	HUMANITARIAN, DEVELOPMENT, STABILISATION, RECOVERY, PEACEBUILDING;

	public String labelKey() {
		return "organisation.programming." + name();
	}

}
