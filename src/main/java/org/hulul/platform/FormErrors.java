package org.hulul.platform;

import org.springframework.validation.BindingResult;

/**
 * Puts the problems of an {@link InvalidInputException} on a form, field by field.
 */
public final class FormErrors {

	private FormErrors() {
	}

	public static void apply(InvalidInputException exception, BindingResult result) {
		for (InvalidInputException.FieldProblem problem : exception.problems()) {
			Object[] args = problem.args().toArray();
			if (result.getModel().containsKey(result.getObjectName()) && hasField(result, problem.field())) {
				result.rejectValue(problem.field(), problem.messageKey(), args, problem.messageKey());
			}
			else {
				result.reject(problem.messageKey(), args, problem.messageKey());
			}
		}
	}

	/**
	 * The problems as sentences in the reader's language, for a page that lists them
	 * above its form.
	 */
	public static java.util.List<String> messages(InvalidInputException exception,
			org.springframework.context.MessageSource messages, java.util.Locale locale) {
		return exception.problems()
			.stream()
			.map((p) -> messages.getMessage(p.messageKey(), p.args().toArray(), p.messageKey(), locale))
			.toList();
	}

	private static boolean hasField(BindingResult result, String field) {
		return result.getTarget() != null
				&& new org.springframework.beans.BeanWrapperImpl(result.getTarget()).isReadableProperty(field);
	}

}
