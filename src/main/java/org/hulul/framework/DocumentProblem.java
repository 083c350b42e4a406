package org.hulul.framework;

import java.util.List;

/**
 * One problem of a framework file: where (a path such as
 * {@code objectives[1].subCriteria[0].indicators[3].unit}) and what, as a message key
 * with its arguments.
 */
public record DocumentProblem(String path, String messageKey, List<String> args) {

	public DocumentProblem {
		args = List.copyOf(args);
	}

	static DocumentProblem of(String path, String messageKey, Object... args) {
		return new DocumentProblem(path, messageKey, java.util.Arrays.stream(args).map(String::valueOf).toList());
	}

	@Override
	public String toString() {
		return this.path + ": " + this.messageKey + this.args;
	}

}
