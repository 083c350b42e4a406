package org.hulul.analytics;

/**
 * A target: what an indicator should reach in a year, in a governorate (an adm1 p-code)
 * or in Iraq as a whole ({@link Targets#NATIONAL}).
 */
public record Target(long id, String indicator, String scope, int year, double value, int version) {

	public boolean national() {
		return Targets.NATIONAL.equals(this.scope);
	}

}
