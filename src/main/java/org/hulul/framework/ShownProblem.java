package org.hulul.framework;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import org.hulul.platform.InvalidInputException;

import org.springframework.context.MessageSource;

/**
 * A problem as a page shows it: where, and what in the reader's language. Serializable
 * because flash attributes live in the (database-kept) session.
 */
record ShownProblem(String where, String message) implements Serializable {

	static List<ShownProblem> of(InvalidFrameworkException ex, MessageSource messages, Locale locale,
			UnaryOperator<String> where) {
		return ex.problems()
			.stream()
			.map((p) -> new ShownProblem(where.apply(p.path()),
					messages.getMessage(p.messageKey(), p.args().toArray(), locale)))
			.toList();
	}

	static List<ShownProblem> of(InvalidInputException ex, MessageSource messages, Locale locale) {
		return ex.problems()
			.stream()
			.map((p) -> new ShownProblem(p.field(), messages.getMessage(p.messageKey(), p.args().toArray(), locale)))
			.toList();
	}

}
