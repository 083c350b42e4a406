package org.hulul.platform;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import org.hulul.platform.notification.NotificationRepository;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells users what happened that concerns them: in the product (the notifications page
 * and the count in the top bar) and, for users with an e-mail address, by e-mail when a
 * mail server is configured. A notification is a message key with its arguments and the
 * page it points to, put into words in each reader's language when shown or sent. Call it
 * inside the transaction of the change it tells about, so the notification exists exactly
 * when the change committed; e-mails go out afterwards, from an outbox.
 */
@Service
public class Notifications {

	private final NotificationRepository repository;

	private final JsonMapper json;

	private final Clock clock;

	Notifications(NotificationRepository repository, JsonMapper json, Clock clock) {
		this.repository = repository;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Notifies every active user with the role; returns how many were notified (a user
	 * who already had a notification with the same dedup key is not notified again).
	 */
	@Transactional
	public int toRole(Role role, Notice notice) {
		return insert(role, null, notice);
	}

	/** Notifies the active users of the organisation who have the role. */
	@Transactional
	public int toOrganisation(long organisationId, Role role, Notice notice) {
		return insert(role, organisationId, notice);
	}

	/** How many notifications the user has not read yet. */
	public int unread(long userId) {
		return this.repository.countUnread(userId);
	}

	private int insert(Role role, @Nullable Long organisationId, Notice notice) {
		return this.repository.insertForUsers(role, organisationId, this.clock.instant(), notice.kind(),
				notice.messageKey(), this.json.writeValueAsString(notice.args()), notice.link(), notice.dedupKey());
	}

	/**
	 * What to tell: its kind (e.g. {@code REPORT_SUBMITTED}), a key of the message
	 * bundles ({@code notification.*}) with its arguments, the page it points to (a path
	 * of this application, e.g. {@code /reports/12}) and, optionally, a key that makes a
	 * user get it only once (e.g. {@code deadline:2025Q2}).
	 */
	public record Notice(String kind, String messageKey, List<String> args, String link, @Nullable String dedupKey) {

		public Notice {
			if (!link.startsWith("/") || link.startsWith("//") || link.contains("\\")) {
				throw new IllegalArgumentException("A notification links to a page of Hulul: " + link);
			}
			args = List.copyOf(args);
		}

		public static Notice of(String kind, String messageKey, String link, Object... args) {
			return new Notice(kind, messageKey, Arrays.stream(args).map(String::valueOf).toList(), link, null);
		}

		/** The same notice, given to each user only once for this key. */
		public Notice once(String key) {
			return new Notice(this.kind, this.messageKey, this.args, this.link, key);
		}

	}

}
