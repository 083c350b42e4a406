package org.hulul.platform.account;

import org.jspecify.annotations.Nullable;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Ends a user's page sessions and API tokens, so a change of role, organisation, password
 * or a deactivation takes effect at once rather than at the next sign-in.
 */
@Component
public class SignedInSessions {

	private final FindByIndexNameSessionRepository<?> sessions;

	private final AccountRepository accounts;

	SignedInSessions(FindByIndexNameSessionRepository<?> sessions, AccountRepository accounts) {
		this.sessions = sessions;
		this.accounts = accounts;
	}

	/**
	 * Ends every session of the user but {@code keepSessionId}, and revokes their API
	 * tokens.
	 */
	public void end(long userId, String username, @Nullable String keepSessionId) {
		this.sessions.findByPrincipalName(username)
			.keySet()
			.stream()
			.filter((id) -> !id.equals(keepSessionId))
			.forEach(this.sessions::deleteById);
		this.accounts.deleteTokens(userId);
	}

}
