package org.hulul.reporting;

import java.util.List;

/**
 * A change of a report's status that its rules do not allow now, with a message key that
 * says why.
 */
public class ReportTransitionException extends RuntimeException {

	private final String messageKey;

	private final List<String> args;

	public ReportTransitionException(String messageKey, String... args) {
		super(messageKey + List.of(args));
		this.messageKey = messageKey;
		this.args = List.of(args);
	}

	public String messageKey() {
		return this.messageKey;
	}

	public List<String> args() {
		return this.args;
	}

}
