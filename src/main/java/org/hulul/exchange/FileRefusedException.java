package org.hulul.exchange;

import java.util.List;

/**
 * A file that cannot be read as a whole (corrupt, too big, an unexpected encoding,
 * empty…): the message key and its arguments say why; nothing was changed.
 */
class FileRefusedException extends RuntimeException {

	private final String messageKey;

	private final List<Object> args;

	FileRefusedException(String messageKey, Object... args) {
		super(messageKey);
		this.messageKey = messageKey;
		this.args = List.of(args);
	}

	String messageKey() {
		return this.messageKey;
	}

	Object[] args() {
		return this.args.toArray();
	}

}
