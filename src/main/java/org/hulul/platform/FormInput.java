package org.hulul.platform;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** What forms send, read the same way on every page. */
public final class FormInput {

	private FormInput() {
	}

	/**
	 * Codes (of organisations, say) as a form gives them: chosen from a list, or typed
	 * and separated by commas (Latin or Arabic) or spaces; each once, in order.
	 */
	public static List<String> codes(@Nullable List<String> given) {
		List<String> codes = new ArrayList<>();
		for (String value : (given != null) ? given : List.<String>of()) {
			for (String code : value.split("[,\u060C\\s]+")) {
				if (!code.isBlank() && !codes.contains(code.strip())) {
					codes.add(code.strip());
				}
			}
		}
		return codes;
	}

	/**
	 * A date field (yyyy-mm-dd, as date inputs send it); null when blank.
	 * @throws InvalidInputException naming the field when it is not a date
	 */
	public static @Nullable LocalDate date(@Nullable String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw InvalidInputException.of(field, "plan.error.date", text.strip());
		}
	}

}
