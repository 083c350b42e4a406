package org.hulul.areas;

/** What an organisation is in an area's group. */
public enum AreaRoleKind {

	GOVERNMENT_CO_CHAIR, INTERNATIONAL_CO_CHAIR, SECRETARIAT, FOCAL_POINT, MEMBER;

	public String labelKey() {
		return "area.role." + name();
	}

}
