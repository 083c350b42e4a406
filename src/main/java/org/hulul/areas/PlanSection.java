package org.hulul.areas;

/**
 * The ten sections of a Plan of Action, as the operational framework's template has them.
 */
public enum PlanSection {

	INTRODUCTION, PURPOSE, GUIDING_PRINCIPLES, PRIORITY_TARGET_GROUPS, SITUATION_ANALYSIS, RESPONSE_STRATEGY,
	IMPLEMENTATION_PLAN, INTER_GOVERNORATE_COORDINATION, ROLES_AND_RESPONSIBILITIES, MONITORING_AND_TRACKING;

	public String labelKey() {
		return "plan.section." + name();
	}

	public String helpKey() {
		return "plan.section." + name() + ".help";
	}

}
