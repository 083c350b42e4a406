package org.hulul.exchange;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.view.RedirectView;

/**
 * A file over the upload limit is refused while the request is read, before any
 * controller: the API answers a 413 problem detail, a page goes back to where the file
 * was chosen and says why.
 */
@ControllerAdvice
class UploadLimitAdvice {

	private final MessageSource messages;

	private final ImportLimits limits;

	UploadLimitAdvice(MessageSource messages, ImportLimits limits) {
		this.messages = messages;
		this.limits = limits;
	}

	@ExceptionHandler
	Object tooBig(MaxUploadSizeExceededException ex, HttpServletRequest request, Locale locale) {
		String message = this.messages.getMessage("import.error.tooBig",
				new Object[] { this.limits.maxFileSize().toMegabytes() }, locale);
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, message);
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
		}
		RequestContextUtils.getOutputFlashMap(request).put("flashError", "import.tooBigPage");
		return new RedirectView(request.getRequestURI(), true);
	}

}
