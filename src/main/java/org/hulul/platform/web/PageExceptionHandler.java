package org.hulul.platform.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hulul.platform.InvalidInputException;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A page asked with input no form would send (a hand-edited address, an old link): the
 * error page with status 400 and what is wrong with each field, instead of a server
 * error. Pages that keep their form on bad input catch the exception themselves.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

	private final MessageSource messages;

	PageExceptionHandler(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * Sends the request on to the error page (so it has the layout of every page), with
	 * the problems as a request attribute.
	 */
	@ExceptionHandler
	void invalidInput(InvalidInputException ex, Locale locale, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		request.setAttribute("problems",
				ex.problems()
					.stream()
					.map((p) -> this.messages.getMessage(p.messageKey(), p.args().toArray(), p.messageKey(), locale))
					.toList());
		response.sendError(HttpStatus.BAD_REQUEST.value());
	}

}
