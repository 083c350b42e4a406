package org.hulul.platform.account;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hulul.platform.HululPrincipal;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
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

	AuthApiController(AuthenticationManager authenticationManager, ApiTokens tokens) {
		this.authenticationManager = authenticationManager;
		this.tokens = tokens;
	}

	@PostMapping("/api/v1/auth/token")
	@Operation(summary = "Get a bearer token",
			description = "Send it as 'Authorization: Bearer <token>'. Five failed attempts lock the account for a while.")
	ResponseEntity<?> token(@RequestBody TokenRequest request) {
		try {
			Authentication authentication = this.authenticationManager.authenticate(UsernamePasswordAuthenticationToken
				.unauthenticated(String.valueOf(request.username()), String.valueOf(request.password())));
			ApiTokens.IssuedToken issued = this.tokens.issue((HululPrincipal) authentication.getPrincipal());
			return ResponseEntity.ok(new TokenResponse(issued.token(), issued.expiresAt()));
		}
		catch (LockedException ex) {
			return problem("This account is locked after too many failed sign-ins; try again later.");
		}
		catch (AuthenticationException ex) {
			return problem("Wrong user name or password, or the account is deactivated.");
		}
	}

	private static ResponseEntity<ProblemDetail> problem(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
		problem.setTitle("Sign-in failed");
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
	}

	record TokenRequest(@Nullable String username, @Nullable String password) {
	}

	record TokenResponse(String token, Instant expiresAt) {
	}

}
