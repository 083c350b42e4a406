package org.hulul.platform.account;

import java.time.Clock;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hulul.platform.HululPrincipal;
import org.hulul.platform.OrganisationDirectory;
import org.hulul.platform.OrganisationRef;
import org.hulul.platform.Role;
import org.hulul.platform.UserAccounts;
import org.hulul.platform.UserAccounts.NewUser;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * User administration over the API (administrators only, see SecurityConfig).
 */
@RestController
@Tag(name = "Users")
class UserApiController {

	private final UserAccounts accounts;

	private final OrganisationDirectory organisations;

	private final Clock clock;

	UserApiController(UserAccounts accounts, OrganisationDirectory organisations, Clock clock) {
		this.accounts = accounts;
		this.organisations = organisations;
		this.clock = clock;
	}

	@GetMapping("/api/v1/users")
	@Operation(summary = "List users")
	List<UserBody> list() {
		return this.accounts.all().stream().map(this::toBody).toList();
	}

	@GetMapping("/api/v1/me")
	@Operation(summary = "Who the token belongs to")
	UserBody me(@AuthenticationPrincipal HululPrincipal me) {
		return toBody(this.accounts.find(me.id()).orElseThrow());
	}

	@PostMapping("/api/v1/users")
	@Operation(summary = "Create a user", description = "organisation is the organisation's code (acronym)")
	ResponseEntity<UserBody> create(@RequestBody CreateUser request) {
		Account created = this.accounts
			.create(new NewUser(request.username(), request.displayName(), request.password(), request.role(),
					request.organisation(), false, false, request.email(), request.language()));
		return ResponseEntity.status(HttpStatus.CREATED).body(toBody(created));
	}

	private UserBody toBody(Account account) {
		String organisation = (account.organisationId() != null)
				? this.organisations.find(account.organisationId()).map(OrganisationRef::code).orElse(null) : null;
		return new UserBody(account.id(), account.username(), account.displayName(), account.role(), organisation,
				account.email(), account.language(), account.active(), account.isLocked(this.clock.instant()));
	}

	/**
	 * {@code email} and {@code language} (en, ar, ckb) are optional: where and in which
	 * language notifications reach the user.
	 */
	record CreateUser(@Nullable String username, @Nullable String password, @Nullable Role role,
			@Nullable String organisation, @Nullable String displayName, @Nullable String email,
			@Nullable String language) {
	}

	record UserBody(long id, String username, @Nullable String displayName, Role role, @Nullable String organisation,
			@Nullable String email, @Nullable String language, boolean active, boolean locked) {
	}

}
