package org.hulul.platform.audit;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What the audit page filters on; every field is optional. Dates are whole days in the
 * zone the pages show times in.
 */
public record AuditFilter(@Nullable String entityType, @Nullable String entityId, @Nullable String actor,
		@Nullable String action, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {

	public AuditFilter {
		entityType = blankToNull(entityType);
		entityId = blankToNull(entityId);
		actor = blankToNull(actor);
		action = blankToNull(action);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
