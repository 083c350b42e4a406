package org.hulul.reporting;

import java.util.Arrays;
import java.util.List;

/**
 * A problem with one line of a report: which line (0-based), which field, whether it
 * blocks submission (an error) or needs an acknowledgement (a warning), and what, as a
 * message key and its arguments.
 */
public record LineProblem(int line, String field, Severity severity, String messageKey, List<String> args) {

	public LineProblem {
		args = List.copyOf(args);
	}

	static LineProblem error(int line, String field, String messageKey, Object... args) {
		return new LineProblem(line, field, Severity.ERROR, messageKey,
				Arrays.stream(args).map(String::valueOf).toList());
	}

	static LineProblem warning(int line, String field, String messageKey, Object... args) {
		return new LineProblem(line, field, Severity.WARNING, messageKey,
				Arrays.stream(args).map(String::valueOf).toList());
	}

	/** Errors block submission; warnings need an acknowledgement. */
	public enum Severity {

		ERROR, WARNING

	}

}
