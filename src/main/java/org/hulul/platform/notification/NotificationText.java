package org.hulul.platform.notification;

import java.util.List;
import java.util.Locale;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Puts a notification into words in a language: the page, the API and the e-mails say the
 * same.
 */
@Component
class NotificationText {

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private final MessageSource messages;

	private final JsonMapper json;

	NotificationText(MessageSource messages, JsonMapper json) {
		this.messages = messages;
		this.json = json;
	}

	String message(String messageKey, String messageArgs, Locale locale) {
		return this.messages.getMessage(messageKey, args(messageArgs), messageKey, locale);
	}

	/** The e-mail subject: the message's own ({@code <key>.subject}), or the message. */
	String subject(String messageKey, String messageArgs, Locale locale) {
		Object[] args = args(messageArgs);
		String subject = this.messages.getMessage(messageKey + ".subject", args, "", locale);
		return (subject == null || subject.isBlank()) ? message(messageKey, messageArgs, locale) : subject;
	}

	String mailBody(String message, String absoluteLink, Locale locale) {
		return this.messages.getMessage("notification.mail.body", new Object[] { message, absoluteLink }, locale);
	}

	private Object[] args(String messageArgs) {
		return this.json.readValue(messageArgs, STRINGS).toArray();
	}

}
