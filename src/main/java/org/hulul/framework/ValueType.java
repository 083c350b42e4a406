package org.hulul.framework;

/**
 * What kind of number an indicator's value is.
 */
public enum ValueType {

	/** A whole number of things or people. */
	COUNT,
	/** Any number. */
	DECIMAL,
	/** A share, reported as numerator and denominator. */
	PERCENTAGE

}
