package org.hulul.platform.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One recorded change. The summary is a message key and its arguments as a JSON array.
 */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, String entityType, String entityId,
		String summaryKey, String summaryArgs, @Nullable String before, @Nullable String after) {
}
