package org.hulul.exchange;

import java.util.List;

/**
 * A file that cannot be read as the format it was sent as (malformed JSON, CSV or XML, an
 * ADX document the schema refuses, an empty body), with a message key and its arguments
 * saying what and where; nothing of it is imported.
 */
class Dhis2FileException extends RuntimeException {

	private final String messageKey;

	private final List<Object> args;

	Dhis2FileException(String messageKey, Object... args) {
		super(messageKey + List.of(args));
		this.messageKey = messageKey;
		this.args = List.of(args);
	}

	String messageKey() {
		return this.messageKey;
	}

	List<Object> args() {
		return this.args;
	}

}
