package org.hulul.platform.notification;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.hulul.db.tables.records.NotificationRecord;
import org.hulul.platform.Role;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Repository;

import static org.hulul.db.Tables.APP_USER;
import static org.hulul.db.Tables.NOTIFICATION;

/**
 * Notifications of users, and the outbox of their e-mails.
 */
@Repository
public class NotificationRepository {

	static final String NONE = "NONE";

	static final String PENDING = "PENDING";

	static final String SENT = "SENT";

	static final String FAILED = "FAILED";

	/** Taken by an instance that is sending it. */
	static final String SENDING = "SENDING";

	private final DSLContext db;

	NotificationRepository(DSLContext db) {
		this.db = db;
	}

	/**
	 * One notification for each active user with the role (and of the organisation, when
	 * given) who has none with the dedup key yet, in one statement: e-mail pending for
	 * those with an address. Returns how many were written.
	 */
	public int insertForUsers(Role role, @Nullable Long organisationId, Instant now, String kind, String messageKey,
			String messageArgs, String link, @Nullable String dedupKey) {
		Condition recipients = APP_USER.ROLE.eq(role.name()).and(APP_USER.ACTIVE.isTrue());
		if (organisationId != null) {
			recipients = recipients.and(APP_USER.ORGANISATION_ID.eq(organisationId));
		}
		if (dedupKey != null) {
			recipients = recipients.andNotExists(DSL.selectOne()
				.from(NOTIFICATION)
				.where(NOTIFICATION.USER_ID.eq(APP_USER.ID))
				.and(NOTIFICATION.DEDUP_KEY.eq(dedupKey)));
		}
		return this.db
			.insertInto(NOTIFICATION, NOTIFICATION.USER_ID, NOTIFICATION.CREATED_AT, NOTIFICATION.KIND,
					NOTIFICATION.MESSAGE_KEY, NOTIFICATION.MESSAGE_ARGS, NOTIFICATION.LINK, NOTIFICATION.EMAIL_STATUS,
					NOTIFICATION.DEDUP_KEY)
			.select(DSL
				.select(APP_USER.ID, DSL.val(utc(now)), DSL.val(kind), DSL.val(messageKey), DSL.val(messageArgs),
						DSL.val(link),
						DSL.when(APP_USER.EMAIL.isNotNull(), DSL.inline(PENDING)).otherwise(DSL.inline(NONE)),
						DSL.val(dedupKey, NOTIFICATION.DEDUP_KEY))
				.from(APP_USER)
				.where(recipients))
			.execute();
	}

	/** The user's notifications, newest first. */
	public List<Notification> forUser(long userId, int limit) {
		return this.db.selectFrom(NOTIFICATION)
			.where(NOTIFICATION.USER_ID.eq(userId))
			.orderBy(NOTIFICATION.CREATED_AT.desc(), NOTIFICATION.ID.desc())
			.limit(limit)
			.fetch(NotificationRepository::toNotification);
	}

	public Optional<Notification> find(long userId, long id) {
		return this.db.selectFrom(NOTIFICATION)
			.where(NOTIFICATION.ID.eq(id))
			.and(NOTIFICATION.USER_ID.eq(userId))
			.fetchOptional(NotificationRepository::toNotification);
	}

	public int countUnread(long userId) {
		return this.db.fetchCount(NOTIFICATION, NOTIFICATION.USER_ID.eq(userId).and(NOTIFICATION.READ_AT.isNull()));
	}

	public void markRead(long userId, long id, Instant now) {
		this.db.update(NOTIFICATION)
			.set(NOTIFICATION.READ_AT, utc(now))
			.where(NOTIFICATION.ID.eq(id))
			.and(NOTIFICATION.USER_ID.eq(userId))
			.and(NOTIFICATION.READ_AT.isNull())
			.execute();
	}

	public int markAllRead(long userId, Instant now) {
		return this.db.update(NOTIFICATION)
			.set(NOTIFICATION.READ_AT, utc(now))
			.where(NOTIFICATION.USER_ID.eq(userId))
			.and(NOTIFICATION.READ_AT.isNull())
			.execute();
	}

	/**
	 * The oldest e-mails waiting to be sent, with the recipient's address (null when it
	 * was removed since) and language.
	 */
	List<PendingEmail> pendingEmails(int limit, Instant now) {
		return this.db
			.select(NOTIFICATION.ID, NOTIFICATION.EMAIL_ATTEMPTS, APP_USER.EMAIL, APP_USER.LANGUAGE,
					NOTIFICATION.MESSAGE_KEY, NOTIFICATION.MESSAGE_ARGS, NOTIFICATION.LINK)
			.from(NOTIFICATION)
			.join(APP_USER)
			.on(APP_USER.ID.eq(NOTIFICATION.USER_ID))
			.where(NOTIFICATION.EMAIL_STATUS.eq(PENDING)
				.and(NOTIFICATION.NEXT_ATTEMPT_AT.isNull().or(NOTIFICATION.NEXT_ATTEMPT_AT.le(utc(now))))
				.or(NOTIFICATION.EMAIL_STATUS.eq(SENDING).and(NOTIFICATION.NEXT_ATTEMPT_AT.le(utc(now)))))
			.orderBy(NOTIFICATION.ID)
			.limit(limit)
			.fetch((r) -> new PendingEmail(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
					r.value7()));
	}

	/**
	 * Takes the e-mail to send it: marks it SENDING until {@code leaseUntil} and counts
	 * the attempt, if no one else (another instance) took it since it was read; false
	 * when someone did. An instance that stops while sending leaves it to be taken again
	 * once the lease is over.
	 */
	boolean claim(long id, int attemptsRead, Instant now, Instant leaseUntil) {
		return this.db.update(NOTIFICATION)
			.set(NOTIFICATION.EMAIL_STATUS, SENDING)
			.set(NOTIFICATION.EMAIL_ATTEMPTS, NOTIFICATION.EMAIL_ATTEMPTS.plus(1))
			.set(NOTIFICATION.NEXT_ATTEMPT_AT, utc(leaseUntil))
			.where(NOTIFICATION.ID.eq(id))
			.and(NOTIFICATION.EMAIL_ATTEMPTS.eq(attemptsRead))
			.and(NOTIFICATION.EMAIL_STATUS.eq(PENDING)
				.or(NOTIFICATION.EMAIL_STATUS.eq(SENDING).and(NOTIFICATION.NEXT_ATTEMPT_AT.le(utc(now)))))
			.execute() == 1;
	}

	/** Puts the e-mail back in the queue, not to be tried before {@code notBefore}. */
	void retryAt(long id, Instant notBefore) {
		this.db.update(NOTIFICATION)
			.set(NOTIFICATION.EMAIL_STATUS, PENDING)
			.set(NOTIFICATION.NEXT_ATTEMPT_AT, utc(notBefore))
			.where(NOTIFICATION.ID.eq(id))
			.execute();
	}

	void setEmailStatus(long id, String status, @Nullable Instant emailedAt) {
		this.db.update(NOTIFICATION)
			.set(NOTIFICATION.EMAIL_STATUS, status)
			.set(NOTIFICATION.EMAILED_AT, (emailedAt != null) ? utc(emailedAt) : null)
			.where(NOTIFICATION.ID.eq(id))
			.execute();
	}

	private static Notification toNotification(NotificationRecord r) {
		return new Notification(r.getId(), r.getCreatedAt().toInstant(), r.getKind(), r.getMessageKey(),
				r.getMessageArgs(), r.getLink(), (r.getReadAt() != null) ? r.getReadAt().toInstant() : null,
				r.getEmailStatus(), r.getEmailAttempts());
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/** An e-mail of the outbox with what it takes to write and send it. */
	record PendingEmail(long id, int attempts, @Nullable String email, @Nullable String language, String messageKey,
			String messageArgs, String link) {
	}

}
