package org.hulul.platform.account;

import java.time.Clock;
import java.time.Duration;

import org.hulul.platform.AuditAction;
import org.hulul.platform.AuditLog;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads accounts for sign-in and throttles an account after repeated failed sign-ins
 * (pages and API token requests alike).
 */
@Service
class AccountDetailsService implements UserDetailsService {

	private final AccountRepository accounts;

	private final AuditLog audit;

	private final Clock clock;

	private final int maxFailedSignIns;

	private final Duration lockDuration;

	AccountDetailsService(AccountRepository accounts, AuditLog audit, Clock clock,
			@Value("${hulul.security.max-failed-sign-ins}") int maxFailedSignIns,
			@Value("${hulul.security.lock-duration}") Duration lockDuration) {
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
		this.maxFailedSignIns = maxFailedSignIns;
		this.lockDuration = lockDuration;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return this.accounts.findByUsername(username.strip().toLowerCase(java.util.Locale.ROOT))
			.map(Account::toPrincipal)
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}

	@EventListener
	@Transactional
	void onFailure(AuthenticationFailureBadCredentialsEvent event) {
		String username = String.valueOf(event.getAuthentication().getPrincipal())
			.strip()
			.toLowerCase(java.util.Locale.ROOT);
		this.accounts.findByUsernameForUpdate(username).ifPresent((account) -> {
			Account after = account.afterFailedSignIn(this.clock.instant(), this.maxFailedSignIns, this.lockDuration);
			this.accounts.updateThrottle(account.id(), after.failedSignIns(), after.lockedUntil());
			if (after.isLocked(this.clock.instant()) && !account.isLocked(this.clock.instant())) {
				this.audit.record(AuditAction.SECURITY, "user", username,
						AuditLog.summary("audit.summary.userLocked", username, this.maxFailedSignIns), null,
						java.util.Map.of("lockedUntil", String.valueOf(after.lockedUntil())));
			}
		});
	}

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof org.hulul.platform.HululPrincipal principal) {
			this.accounts.find(principal.id())
				.filter((account) -> account.failedSignIns() > 0)
				.map(Account::afterSuccessfulSignIn)
				.ifPresent((account) -> this.accounts.updateThrottle(account.id(), account.failedSignIns(),
						account.lockedUntil()));
		}
	}

}
