package org.hulul.areas;

/** Whether an area's group meets: active, paused (e.g. no secretariat) or closed. */
public enum AreaStatus {

	ACTIVE, PAUSED, CLOSED;

	public String labelKey() {
		return "area.status." + name();
	}

}
