package org.hulul.framework;

/**
 * How an indicator's values add up across places, partners and periods.
 */
public enum Aggregation {

	/** Flows: values add up. */
	SUM,
	/**
	 * Rates: the sum of numerators over the sum of denominators, never an average of
	 * rates.
	 */
	RATIO,
	/** Stocks: the most recent period's value, not a sum across periods. */
	LATEST,
	/**
	 * People reached: the largest partner figure per location, against double counting.
	 */
	MAX_PER_LOCATION

}
