package org.hulul.analytics;

import java.util.List;

/**
 * Values another module knows without a partner reporting them (the plans of action the
 * authorities gave input to, say): the analytics count them as approved values of the
 * organisation named, read again when a {@link ComputedValuesChanged} is published and at
 * least every half minute.
 */
public interface ComputedValues {

	List<Value> values();

	/**
	 * A value of an indicator at a p-code in a quarter ({@code 2026Q3}), credited to an
	 * organisation (its code).
	 */
	record Value(String indicator, String location, String period, String organisation, double value) {
	}

}
