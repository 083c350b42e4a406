package org.hulul.reporting;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One step of a report's history: a status change (with its comment or reason) or a value
 * change (which line, old and new value), who made it and when.
 */
public record ReportHistoryEntry(Instant occurredAt, String actor, String kind, @Nullable String fromStatus,
		@Nullable String toStatus, @Nullable String lineKey, @Nullable String oldValue, @Nullable String newValue,
		@Nullable String comment) {
}
