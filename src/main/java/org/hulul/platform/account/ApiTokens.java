package org.hulul.platform.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import org.hulul.platform.HululPrincipal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.stereotype.Component;

/**
 * Opaque API bearer tokens: random, stored only as a SHA-256 hash, expiring, and dead as
 * soon as the user is deactivated.
 */
@Component
class ApiTokens implements OpaqueTokenIntrospector {

	private final SecureRandom random = new SecureRandom();

	private final AccountRepository accounts;

	private final Clock clock;

	private final Duration lifetime;

	ApiTokens(AccountRepository accounts, Clock clock,
			@Value("${hulul.security.api-token-lifetime}") Duration lifetime) {
		this.accounts = accounts;
		this.clock = clock;
		this.lifetime = lifetime;
	}

	IssuedToken issue(HululPrincipal principal) {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(this.lifetime);
		this.accounts.insertToken(hash(token), principal.id(), now, expiresAt);
		return new IssuedToken(token, expiresAt);
	}

	@Override
	public OAuth2AuthenticatedPrincipal introspect(String token) {
		return this.accounts.findByToken(hash(token), this.clock.instant())
			.filter((account) -> !account.mustChangePassword())
			.map(Account::toPrincipal)
			.orElseThrow(() -> new BadOpaqueTokenException("Unknown or expired token"));
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record IssuedToken(String token, Instant expiresAt) {
	}

}
