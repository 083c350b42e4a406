package org.hulul.coordination;

/** Where an action point stands. */
public enum ActionStatus {

	PENDING, IN_PROGRESS, COMPLETED, DROPPED;

	public boolean open() {
		return this == PENDING || this == IN_PROGRESS;
	}

	public String key() {
		return "action.status." + name();
	}

}
