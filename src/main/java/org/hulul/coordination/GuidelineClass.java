package org.hulul.coordination;

/**
 * The three situations the DSTWG agreed for existing technical guidelines: they apply to
 * durable solutions as they are, they need reframing to say which parts serve durable
 * solutions, or a new guideline is needed.
 */
public enum GuidelineClass {

	APPLIES, REFRAME, NEW;

	public String key() {
		return "document.class." + name();
	}

}
