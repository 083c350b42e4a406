package org.hulul.platform.notification;

import java.time.Clock;
import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.hulul.platform.notification.NotificationRepository.PendingEmail;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the e-mails of notifications, from the notification table used as an outbox:
 * every {@code hulul.mail.poll}, the pending ones, each in its recipient's language with
 * an absolute link to its page. Only when a mail server is configured
 * ({@code spring.mail.host}); without one nothing is attempted and the notifications stay
 * in the product. A failed e-mail is tried again at the next poll, and given up after
 * {@value #MAX_ATTEMPTS} attempts.
 */
@Component
public class MailOutbox {

	/** Attempts before giving up: with the waits between them, about two hours. */
	static final int MAX_ATTEMPTS = 8;

	/** How long an instance holds an e-mail it is sending before others may take it. */
	private static final java.time.Duration LEASE = java.time.Duration.ofMinutes(10);

	private static final int BATCH = 50;

	private static final Log logger = LogFactory.getLog(MailOutbox.class);

	private final NotificationRepository repository;

	private final NotificationText text;

	private final ObjectProvider<JavaMailSender> mailSender;

	private final Clock clock;

	private final String from;

	private final String baseUrl;

	MailOutbox(NotificationRepository repository, NotificationText text, ObjectProvider<JavaMailSender> mailSender,
			Clock clock, @Value("${hulul.mail.from}") String from, @Value("${hulul.base-url}") String baseUrl) {
		this.repository = repository;
		this.text = text;
		this.mailSender = mailSender;
		this.clock = clock;
		this.from = from;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	@Scheduled(initialDelayString = "${hulul.mail.poll}", fixedDelayString = "${hulul.mail.poll}")
	void poll() {
		try {
			sendPending();
		}
		catch (RuntimeException ex) {
			logger.warn("E-mail outbox: could not read the pending e-mails; trying again at the next poll", ex);
		}
	}

	/**
	 * Sends what is pending, oldest first, a batch at a time; returns how many were sent.
	 */
	public int sendPending() {
		return sendPending(this.clock.instant());
	}

	/**
	 * Sends what is pending at {@code now}: e-mails not yet tried, those whose wait after
	 * a failure is over, and those an instance took and did not finish.
	 */
	public int sendPending(java.time.Instant now) {
		JavaMailSender sender = this.mailSender.getIfAvailable();
		if (sender == null) {
			return 0;
		}
		int sent = 0;
		for (PendingEmail email : this.repository.pendingEmails(BATCH, now)) {
			if (email.email() == null) {
				// the address was removed since: the notification stays in the product
				// only
				this.repository.setEmailStatus(email.id(), NotificationRepository.NONE, null);
				continue;
			}
			if (!this.repository.claim(email.id(), email.attempts(), now, now.plus(LEASE))) {
				continue;
			}
			try {
				sender.send(message(email));
				this.repository.setEmailStatus(email.id(), NotificationRepository.SENT, this.clock.instant());
				sent++;
			}
			catch (RuntimeException ex) {
				int attempts = email.attempts() + 1;
				if (attempts >= MAX_ATTEMPTS) {
					this.repository.setEmailStatus(email.id(), NotificationRepository.FAILED, null);
					logger.error("E-mail of notification " + email.id() + " failed " + attempts + " times; given up: "
							+ ex.getMessage());
				}
				else {
					// waits of 1, 2, 4 … minutes, at most an hour
					java.time.Duration wait = java.time.Duration.ofMinutes(Math.min(60, 1L << (attempts - 1)));
					this.repository.retryAt(email.id(), now.plus(wait));
					logger.warn("E-mail of notification " + email.id() + " failed (attempt " + attempts + " of "
							+ MAX_ATTEMPTS + "); trying again in " + wait.toMinutes() + " min: " + ex.getMessage());
				}
			}
		}
		return sent;
	}

	private SimpleMailMessage message(PendingEmail email) {
		Locale locale = (email.language() != null) ? Locale.forLanguageTag(email.language()) : Locale.ENGLISH;
		String message = this.text.message(email.messageKey(), email.messageArgs(), locale);
		SimpleMailMessage mail = new SimpleMailMessage();
		mail.setFrom(this.from);
		mail.setTo(email.email());
		mail.setSubject(this.text.subject(email.messageKey(), email.messageArgs(), locale));
		mail.setText(this.text.mailBody(message, this.baseUrl + email.link(), locale));
		return mail;
	}

}
