package org.hulul.geo;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a written location stands for: the location found, or the locations an ambiguous
 * name could mean, or the nearest names when none matched.
 */
public record LocationMatch(@Nullable Location found, List<Location> ambiguous, List<Location> suggestions) {

	public LocationMatch {
		ambiguous = List.copyOf(ambiguous);
		suggestions = List.copyOf(suggestions);
	}

}
