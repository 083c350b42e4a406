package org.hulul.framework;

import java.util.List;

/**
 * A framework file that cannot be used, with every problem found in it.
 */
public class InvalidFrameworkException extends RuntimeException {

	private final List<DocumentProblem> problems;

	public InvalidFrameworkException(List<DocumentProblem> problems) {
		super(problems.size() + " problem(s) in the framework file, first: " + problems.get(0));
		this.problems = List.copyOf(problems);
	}

	public List<DocumentProblem> problems() {
		return this.problems;
	}

}
