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

	private final boolean unsupportedType;

	Dhis2FileException(String messageKey, Object... args) {
		this(false, messageKey, args);
	}

	private Dhis2FileException(boolean unsupportedType, String messageKey, Object... args) {
		super(messageKey + List.of(args));
		this.messageKey = messageKey;
		this.args = List.of(args);
		this.unsupportedType = unsupportedType;
	}

	/** A body of a content type the endpoint does not take. */
	static Dhis2FileException unsupportedType(String given, String accepted) {
		return new Dhis2FileException(true, "dhis2.error.contentType", given, accepted);
	}

	/** Whether the content type, not the content, is wrong (415 rather than 400). */
	boolean unsupportedType() {
		return this.unsupportedType;
	}

	String messageKey() {
		return this.messageKey;
	}

	List<Object> args() {
		return this.args;
	}

}
