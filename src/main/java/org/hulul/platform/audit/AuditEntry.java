package org.hulul.platform.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One recorded change.
 */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, String entityType, String entityId,
		@Nullable String summary, @Nullable String before, @Nullable String after) {
}
