package org.hulul.reporting;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A problem with one line of a report: which line (0-based), which field, whether it
 * blocks submission (an error) or needs an acknowledgement (a warning), and what, as a
 * message key and its arguments; with the line's key once validation is done.
 */
public record LineProblem(int line, String field, Severity severity, String messageKey, List<String> args,
		ReportLine.@Nullable Key key) {

	public LineProblem {
		args = List.copyOf(args);
	}

	/** The same problem, naming the line it is about. */
	LineProblem about(ReportLine.Key lineKey) {
		return new LineProblem(this.line, this.field, this.severity, this.messageKey, this.args, lineKey);
	}

	static LineProblem error(int line, String field, String messageKey, Object... args) {
		return new LineProblem(line, field, Severity.ERROR, messageKey,
				Arrays.stream(args).map(String::valueOf).toList(), null);
	}

	static LineProblem warning(int line, String field, String messageKey, Object... args) {
		return new LineProblem(line, field, Severity.WARNING, messageKey,
				Arrays.stream(args).map(String::valueOf).toList(), null);
	}

	/** Errors block submission; warnings need an acknowledgement. */
	public enum Severity {

		ERROR, WARNING

	}

}
