package org.hulul.areas;

/**
 * A Joint Coordination Forum (one per governorate) or an Area-Based Coordination group.
 */
public enum AreaType {

	JCF, ABC;

	public String labelKey() {
		return "area.type." + name();
	}

}
