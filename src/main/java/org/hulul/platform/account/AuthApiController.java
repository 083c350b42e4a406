package org.hulul.platform.account;

import java.time.Instant;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hulul.platform.HululPrincipal;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Exchanges a user name and password for an API bearer token.
 */
@RestController
@Tag(name = "Authentication")
class AuthApiController {

	private final AuthenticationManager authenticationManager;

	private final ApiTokens tokens;

	private final MessageSource messages;

	AuthApiController(AuthenticationManager authenticationManager, ApiTokens tokens, MessageSource messages) {
		this.authenticationManager = authenticationManager;
		this.tokens = tokens;
		this.messages = messages;
	}

	@PostMapping("/api/v1/auth/token")
	@Operation(summary = "Get a bearer token",
			description = "Send it as 'Authorization: Bearer <token>'. Five failed attempts lock the account for a while; "
					+ "an account with a one-time password must choose its own on the web page first.")
	ResponseEntity<?> token(@RequestBody TokenRequest request, Locale locale) {
		Authentication authentication;
		try {
			authentication = this.authenticationManager.authenticate(UsernamePasswordAuthenticationToken
				.unauthenticated(String.valueOf(request.username()), String.valueOf(request.password())));
		}
		catch (LockedException ex) {
			return problem(HttpStatus.UNAUTHORIZED, "api.error.locked", locale);
		}
		catch (DisabledException ex) {
			return problem(HttpStatus.UNAUTHORIZED, "api.error.disabled", locale);
		}
		catch (AuthenticationException ex) {
			return problem(HttpStatus.UNAUTHORIZED, "api.error.badCredentials", locale);
		}
		HululPrincipal principal = (HululPrincipal) authentication.getPrincipal();
		if (principal.mustChangePassword()) {
			return problem(HttpStatus.FORBIDDEN, "api.error.mustChangePassword", locale);
		}
		ApiTokens.IssuedToken issued = this.tokens.issue(principal);
		return ResponseEntity.ok(new TokenResponse(issued.token(), issued.expiresAt()));
	}

	private ResponseEntity<ProblemDetail> problem(HttpStatus status, String key, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				this.messages.getMessage(key, null, key, locale));
		problem.setTitle(this.messages.getMessage("api.error.signInFailed", null, locale));
		return ResponseEntity.status(status).body(problem);
	}

	record TokenRequest(@Nullable String username, @Nullable String password) {
	}

	record TokenResponse(String token, Instant expiresAt) {
	}

}
