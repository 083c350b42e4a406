package org.hulul.platform.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.hulul.platform.InvalidInputException;
import org.hulul.platform.NotFoundException;
import org.hulul.platform.StaleEditException;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * API errors as RFC 9457 problem details in the caller's language (Accept-Language);
 * invalid input lists every field and what is wrong with it. Nothing leaves the API as
 * anything but a problem detail.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Log logger = LogFactory.getLog(ApiExceptionHandler.class);

	private final MessageSource messages;

	ApiExceptionHandler(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler
	ProblemDetail invalidInput(InvalidInputException ex, Locale locale) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "api.error.invalid", locale);
		List<Map<String, String>> errors = ex.problems()
			.stream()
			.map((p) -> Map.of("field", p.field(), "message",
					this.messages.getMessage(p.messageKey(), p.args().toArray(), p.messageKey(), locale)))
			.toList();
		problem.setProperty("errors", errors);
		return problem;
	}

	@ExceptionHandler
	ProblemDetail notFound(NotFoundException ex, Locale locale) {
		return problem(HttpStatus.NOT_FOUND, "api.error.notFound", locale);
	}

	@ExceptionHandler
	ProblemDetail stale(StaleEditException ex, Locale locale) {
		return problem(HttpStatus.CONFLICT, "api.error.staleEdit", locale);
	}

	@ExceptionHandler
	ProblemDetail conflict(DataIntegrityViolationException ex, Locale locale) {
		return problem(HttpStatus.CONFLICT, "api.error.conflict", locale);
	}

	@ExceptionHandler
	ProblemDetail forbidden(AccessDeniedException ex, Locale locale) {
		return problem(HttpStatus.FORBIDDEN, "api.error.forbidden", locale);
	}

	@ExceptionHandler
	ProblemDetail unexpected(Exception ex, Locale locale) {
		if (ex instanceof ErrorResponse response) {
			return response.updateAndGetBody(this.messages, locale); // keeps its own
																		// status
		}
		logger.error("Unexpected error in the API", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "api.error.unexpected", locale);
	}

	private ProblemDetail problem(HttpStatus status, String key, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				this.messages.getMessage(key, null, key, locale));
		problem.setTitle(this.messages.getMessage(key + ".title", null, status.getReasonPhrase(), locale));
		return problem;
	}

}
