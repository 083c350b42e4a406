package org.hulul.reporting;

import java.util.List;

/**
 * Lines that were not saved because some have errors (or, on submit, warnings not yet
 * acknowledged), with every problem found.
 */
public class LinesRejectedException extends RuntimeException {

	private final List<LineProblem> problems;

	public LinesRejectedException(List<LineProblem> problems) {
		super(problems.size() + " problem(s) in the report's lines");
		this.problems = List.copyOf(problems);
	}

	public List<LineProblem> problems() {
		return this.problems;
	}

}
