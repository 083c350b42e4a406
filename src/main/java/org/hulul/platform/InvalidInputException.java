package org.hulul.platform;

import java.util.List;

/**
 * Input that breaks a rule, with every problem found: which field and what is wrong, as a
 * message key (and its arguments) the page or the API turns into text.
 */
public class InvalidInputException extends RuntimeException {

	private final List<FieldProblem> problems;

	public InvalidInputException(List<FieldProblem> problems) {
		super(problems.toString());
		this.problems = List.copyOf(problems);
	}

	public static InvalidInputException of(String field, String messageKey, Object... args) {
		return new InvalidInputException(List.of(new FieldProblem(field, messageKey, List.of(args))));
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

	/** A problem with one field. */
	public record FieldProblem(String field, String messageKey, List<Object> args) {
	}

}
