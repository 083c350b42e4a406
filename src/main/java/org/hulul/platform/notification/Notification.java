package org.hulul.platform.notification;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A notification as stored: its message is a key of the message bundles with its
 * arguments (a JSON array), put into words in the reader's language when shown.
 */
public record Notification(long id, Instant createdAt, String kind, String messageKey, String messageArgs, String link,
		@Nullable Instant readAt, String emailStatus, int emailAttempts) {

	public boolean unread() {
		return this.readAt == null;
	}

}
