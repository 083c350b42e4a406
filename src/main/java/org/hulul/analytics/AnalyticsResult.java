package org.hulul.analytics;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The answer: a row per combination of the dimensions' values that has data, with the
 * value aggregated by the indicators' rules. {@code value} is null where indicators of
 * different units or rules meet ({@code mixed}); {@code numerator} and
 * {@code denominator} are given for a ratio; {@code submitted} marks rows that count
 * values not yet approved.
 */
public record AnalyticsResult(List<String> dimensions, List<Row> rows) {

	public record Row(Map<String, @Nullable String> keys, @Nullable Double value, @Nullable Double numerator,
			@Nullable Double denominator, boolean mixed, boolean submitted) {
	}

}
