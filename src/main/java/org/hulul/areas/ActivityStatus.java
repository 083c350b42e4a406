package org.hulul.areas;

/** Where an activity of a plan stands, as its lead says. */
public enum ActivityStatus {

	NOT_STARTED, ON_TRACK, DELAYED, COMPLETED, DROPPED;

	public String key() {
		return "activity.status." + name();
	}

}
