package org.hulul.platform.account;

import java.time.Duration;
import java.time.Instant;

import org.hulul.platform.HululPrincipal;
import org.hulul.platform.Role;
import org.jspecify.annotations.Nullable;

/**
 * A user account, with the sign-in throttling rules it obeys. {@code email} and
 * {@code language} (en, ar, ckb) are where and in which language notifications reach the
 * user.
 */
public record Account(long id, String username, @Nullable String displayName, String passwordHash, Role role,
		@Nullable Long organisationId, boolean active, boolean demo, boolean mustChangePassword, int failedSignIns,
		@Nullable Instant lockedUntil, int version, @Nullable String email, @Nullable String language) {

	public boolean isLocked(Instant now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

	/**
	 * The account after one more failed sign-in: the {@code max}-th failure in a row
	 * locks it for {@code lock}; the count starts again after the lock.
	 */
	public Account afterFailedSignIn(Instant now, int max, Duration lock) {
		int failures = this.failedSignIns + 1;
		if (failures >= max) {
			return withThrottle(0, now.plus(lock));
		}
		return withThrottle(failures, this.lockedUntil);
	}

	public Account afterSuccessfulSignIn() {
		return withThrottle(0, null);
	}

	private Account withThrottle(int failures, @Nullable Instant until) {
		return new Account(this.id, this.username, this.displayName, this.passwordHash, this.role, this.organisationId,
				this.active, this.demo, this.mustChangePassword, failures, until, this.version, this.email,
				this.language);
	}

	/** Without the password hash, which has no business in a log. */
	@Override
	public String toString() {
		return "Account[" + this.id + ", " + this.username + ", " + this.role + ", active=" + this.active + "]";
	}

	public HululPrincipal toPrincipal() {
		return new HululPrincipal(this.id, this.username, this.role, this.organisationId, this.active, this.lockedUntil,
				this.mustChangePassword, this.passwordHash);
	}

}
