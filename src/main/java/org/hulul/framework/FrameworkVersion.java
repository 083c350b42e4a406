package org.hulul.framework;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One version of a framework: a draft the secretariat edits, or a published, read-only
 * version reports are made against.
 */
public record FrameworkVersion(long id, String frameworkCode, String label, Status status, Instant createdAt,
		@Nullable Instant publishedAt, int version, FrameworkDefinition definition) {

	/** Where a version is in its life. */
	public enum Status {

		DRAFT, PUBLISHED

	}

	public boolean isPublished() {
		return this.status == Status.PUBLISHED;
	}

}
