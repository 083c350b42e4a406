package org.hulul.platform.account;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.hulul.PersistenceTest;
import org.hulul.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

@PersistenceTest
@ContextConfiguration(classes = AccountRepository.class)
class AccountRepositoryTests {

	private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

	@Autowired
	AccountRepository accounts;

	@Test
	void aTokenFindsItsAccountOnlyBeforeItExpiresAndWhileTheAccountIsActive() {
		String username = "token-" + UUID.randomUUID().toString().substring(0, 8);
		long id = this.accounts.insert(username, null, "{noop}x", Role.ADMIN, null, null, null, false, false, NOW);
		this.accounts.insertToken("hash-" + username, id, NOW, NOW.plus(Duration.ofHours(1)));
		assertThat(this.accounts.findByToken("hash-" + username, NOW.plusSeconds(60))).map(Account::username)
			.contains(username);
		assertThat(this.accounts.findByToken("hash-" + username, NOW.plus(Duration.ofHours(2)))).isEmpty();
		assertThat(this.accounts.findByToken("no-such-hash", NOW)).isEmpty();
		this.accounts.updateProfile(id, 0, null, Role.ADMIN, null, null, null, false, NOW);
		assertThat(this.accounts.findByToken("hash-" + username, NOW.plusSeconds(60))).isEmpty();
	}

	@Test
	void throttleStateIsKeptAndCleared() {
		String username = "throttle-" + UUID.randomUUID().toString().substring(0, 8);
		long id = this.accounts.insert(username, null, "{noop}x", Role.ADMIN, null, null, null, false, false, NOW);
		this.accounts.updateThrottle(id, 3, NOW.plusSeconds(900));
		Account locked = this.accounts.findByUsernameForUpdate(username).orElseThrow();
		assertThat(locked.failedSignIns()).isEqualTo(3);
		assertThat(locked.lockedUntil()).isEqualTo(NOW.plusSeconds(900));
		this.accounts.updatePassword(id, "{noop}y", false, NOW);
		Account reset = this.accounts.find(id).orElseThrow();
		assertThat(reset.failedSignIns()).isZero();
		assertThat(reset.lockedUntil()).isNull();
		assertThat(reset.version()).isEqualTo(1);
	}

	@Test
	void aProfileChangeNeedsTheCurrentVersion() {
		String username = "ver-" + UUID.randomUUID().toString().substring(0, 8);
		long id = this.accounts.insert(username, null, "{noop}x", Role.VIEWER, null, null, null, false, false, NOW);
		int activeViewers = this.accounts.countActive(Role.VIEWER);
		assertThat(this.accounts.updateProfile(id, 0, "Name", Role.REVIEWER, null, null, null, true, NOW)).isTrue();
		assertThat(this.accounts.updateProfile(id, 0, "Other", Role.VIEWER, null, null, null, true, NOW)).isFalse();
		assertThat(this.accounts.find(id).orElseThrow().role()).isEqualTo(Role.REVIEWER);
		assertThat(this.accounts.countActive(Role.VIEWER)).isEqualTo(activeViewers - 1);
	}

}
