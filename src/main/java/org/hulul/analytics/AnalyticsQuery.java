package org.hulul.analytics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hulul.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * A question to the analytics: the dimensions to break the values down by (in order), the
 * values each dimension may take (none: any), and whether submitted (not yet approved)
 * values count too.
 */
public record AnalyticsQuery(List<String> dimensions, Map<String, Set<String>> filters, boolean includeSubmitted) {

	public AnalyticsQuery {
		dimensions = List.copyOf(dimensions);
		filters = Map.copyOf(filters);
	}

	/**
	 * Reads the API's form: {@code dimensions=indicator,adm1,period} and
	 * {@code filter=period:2025Q2;adm1:IQG01,IQG02}.
	 */
	public static AnalyticsQuery parse(@Nullable String dimensions, @Nullable String filter, boolean includeSubmitted) {
		List<String> dims = new ArrayList<>();
		if (dimensions != null) {
			for (String dimension : dimensions.split(",")) {
				if (!dimension.isBlank() && !dims.contains(dimension.strip())) {
					dims.add(dimension.strip());
				}
			}
		}
		Map<String, Set<String>> filters = new LinkedHashMap<>();
		if (filter != null) {
			for (String part : filter.split(";")) {
				if (part.isBlank()) {
					continue;
				}
				int colon = part.indexOf(':');
				if (colon <= 0 || colon == part.length() - 1) {
					throw InvalidInputException.of("filter", "analytics.error.filter", part.strip());
				}
				Set<String> values = filters.computeIfAbsent(part.substring(0, colon).strip(),
						(k) -> new LinkedHashSet<>());
				for (String value : part.substring(colon + 1).split(",")) {
					if (!value.isBlank()) {
						values.add(value.strip());
					}
				}
			}
		}
		return new AnalyticsQuery(dims, filters, includeSubmitted);
	}

}
