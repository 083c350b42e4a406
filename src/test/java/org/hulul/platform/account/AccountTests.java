package org.hulul.platform.account;

import java.time.Duration;
import java.time.Instant;

import org.hulul.platform.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccountTests {

	private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

	private static final Duration LOCK = Duration.ofMinutes(15);

	private final Account account = new Account(1, "reporter", null, "{bcrypt}x", Role.REPORTER, 7L, true, false, false,
			0, null, 0, null, null);

	@Test
	void fourFailuresCountButDoNotLock() {
		Account after = this.account;
		for (int i = 0; i < 4; i++) {
			after = after.afterFailedSignIn(NOW, 5, LOCK);
		}
		assertThat(after.failedSignIns()).isEqualTo(4);
		assertThat(after.isLocked(NOW)).isFalse();
		assertThat(after.toPrincipal().isAccountNonLocked()).isTrue();
	}

	@Test
	void theFifthFailureLocksForTheLockDuration() {
		Account after = this.account;
		for (int i = 0; i < 5; i++) {
			after = after.afterFailedSignIn(NOW, 5, LOCK);
		}
		assertThat(after.isLocked(NOW)).isTrue();
		assertThat(after.isLocked(NOW.plus(LOCK).minusSeconds(1))).isTrue();
		assertThat(after.isLocked(NOW.plus(LOCK).plusSeconds(1))).isFalse();
		assertThat(after.lockedUntil()).isEqualTo(NOW.plus(LOCK));
		assertThat(after.failedSignIns()).isZero();
	}

	@Test
	void aSuccessfulSignInClearsTheCount() {
		Account after = this.account.afterFailedSignIn(NOW, 5, LOCK).afterFailedSignIn(NOW, 5, LOCK);
		assertThat(after.afterSuccessfulSignIn().failedSignIns()).isZero();
	}

}
