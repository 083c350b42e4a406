package org.hulul.coordination;

/**
 * What kind of body: the task force, a working group, a subgroup, a time-bound task
 * group, an area group.
 */
public enum BodyKind {

	TASK_FORCE, WORKING_GROUP, SUBGROUP, TASK_GROUP, AREA_GROUP;

	public String key() {
		return "body.kind." + name();
	}

}
