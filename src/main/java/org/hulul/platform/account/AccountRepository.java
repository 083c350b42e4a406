package org.hulul.platform.account;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.hulul.db.tables.records.AppUserRecord;
import org.hulul.platform.Role;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Repository;

import static org.hulul.db.Tables.API_TOKEN;
import static org.hulul.db.Tables.APP_USER;

/**
 * User accounts and their API tokens.
 */
@Repository
public class AccountRepository {

	private final DSLContext db;

	AccountRepository(DSLContext db) {
		this.db = db;
	}

	public Optional<Account> findByUsername(String username) {
		return this.db.selectFrom(APP_USER)
			.where(APP_USER.USERNAME.eq(username))
			.fetchOptional(AccountRepository::toAccount);
	}

	public Optional<Account> find(long id) {
		return this.db.selectFrom(APP_USER).where(APP_USER.ID.eq(id)).fetchOptional(AccountRepository::toAccount);
	}

	public List<Account> all() {
		return this.db.selectFrom(APP_USER).orderBy(APP_USER.USERNAME).fetch(AccountRepository::toAccount);
	}

	public boolean exists(String username) {
		return this.db.fetchExists(APP_USER, APP_USER.USERNAME.eq(username));
	}

	public int countActive(Role role) {
		return this.db.fetchCount(APP_USER, APP_USER.ROLE.eq(role.name()).and(APP_USER.ACTIVE.isTrue()));
	}

	/**
	 * The account, locked against concurrent sign-in attempts until the transaction ends.
	 */
	public Optional<Account> findByUsernameForUpdate(String username) {
		return this.db.selectFrom(APP_USER)
			.where(APP_USER.USERNAME.eq(username))
			.forUpdate()
			.fetchOptional(AccountRepository::toAccount);
	}

	public long count() {
		return this.db.fetchCount(APP_USER);
	}

	public long insert(String username, @Nullable String displayName, String passwordHash, Role role,
			@Nullable Long organisationId, @Nullable String email, @Nullable String language, boolean demo,
			boolean mustChangePassword, Instant now) {
		OffsetDateTime at = utc(now);
		this.db.insertInto(APP_USER)
			.set(APP_USER.USERNAME, username)
			.set(APP_USER.DISPLAY_NAME, displayName)
			.set(APP_USER.PASSWORD_HASH, passwordHash)
			.set(APP_USER.ROLE, role.name())
			.set(APP_USER.ORGANISATION_ID, organisationId)
			.set(APP_USER.EMAIL, email)
			.set(APP_USER.LANGUAGE, language)
			.set(APP_USER.DEMO, demo)
			.set(APP_USER.MUST_CHANGE_PASSWORD, mustChangePassword)
			.set(APP_USER.CREATED_AT, at)
			.set(APP_USER.UPDATED_AT, at)
			.execute();
		return this.db.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchSingle().value1();
	}

	/**
	 * Updates the profile if the version still matches; false when someone else saved
	 * first.
	 */
	public boolean updateProfile(long id, int expectedVersion, @Nullable String displayName, Role role,
			@Nullable Long organisationId, @Nullable String email, @Nullable String language, boolean active,
			Instant now) {
		return this.db.update(APP_USER)
			.set(APP_USER.DISPLAY_NAME, displayName)
			.set(APP_USER.ROLE, role.name())
			.set(APP_USER.ORGANISATION_ID, organisationId)
			.set(APP_USER.EMAIL, email)
			.set(APP_USER.LANGUAGE, language)
			.set(APP_USER.ACTIVE, active)
			.set(APP_USER.VERSION, APP_USER.VERSION.plus(1))
			.set(APP_USER.UPDATED_AT, utc(now))
			.where(APP_USER.ID.eq(id).and(APP_USER.VERSION.eq(expectedVersion)))
			.execute() == 1;
	}

	public void updatePassword(long id, String passwordHash, boolean mustChange, Instant now) {
		this.db.update(APP_USER)
			.set(APP_USER.PASSWORD_HASH, passwordHash)
			.set(APP_USER.MUST_CHANGE_PASSWORD, mustChange)
			.set(APP_USER.FAILED_SIGN_INS, 0)
			.setNull(APP_USER.LOCKED_UNTIL)
			.set(APP_USER.VERSION, APP_USER.VERSION.plus(1))
			.set(APP_USER.UPDATED_AT, utc(now))
			.where(APP_USER.ID.eq(id))
			.execute();
	}

	/**
	 * Remembers the language the user chose last; not a change of the profile, so the
	 * version stays.
	 */
	public void updateLanguage(long id, String language) {
		this.db.update(APP_USER)
			.set(APP_USER.LANGUAGE, language)
			.where(APP_USER.ID.eq(id))
			.and(APP_USER.LANGUAGE.isNull().or(APP_USER.LANGUAGE.ne(language)))
			.execute();
	}

	public void updateThrottle(long id, int failedSignIns, @Nullable Instant lockedUntil) {
		this.db.update(APP_USER)
			.set(APP_USER.FAILED_SIGN_INS, failedSignIns)
			.set(APP_USER.LOCKED_UNTIL, (lockedUntil != null) ? utc(lockedUntil) : null)
			.where(APP_USER.ID.eq(id))
			.execute();
	}

	public void insertToken(String tokenHash, long userId, Instant now, Instant expiresAt) {
		this.db.deleteFrom(API_TOKEN).where(API_TOKEN.EXPIRES_AT.lt(utc(now))).execute();
		this.db.insertInto(API_TOKEN)
			.set(API_TOKEN.TOKEN_HASH, tokenHash)
			.set(API_TOKEN.USER_ID, userId)
			.set(API_TOKEN.CREATED_AT, utc(now))
			.set(API_TOKEN.EXPIRES_AT, utc(expiresAt))
			.execute();
	}

	/** The active account a token that has not expired belongs to. */
	public Optional<Account> findByToken(String tokenHash, Instant now) {
		return this.db.select(APP_USER.fields())
			.from(API_TOKEN)
			.join(APP_USER)
			.on(APP_USER.ID.eq(API_TOKEN.USER_ID))
			.where(API_TOKEN.TOKEN_HASH.eq(tokenHash))
			.and(API_TOKEN.EXPIRES_AT.gt(utc(now)))
			.and(APP_USER.ACTIVE.isTrue())
			.fetchOptional(r -> toAccount(r.into(APP_USER)));
	}

	public void deleteTokens(long userId) {
		this.db.deleteFrom(API_TOKEN).where(API_TOKEN.USER_ID.eq(userId)).execute();
	}

	private static Account toAccount(AppUserRecord r) {
		return new Account(r.getId(), r.getUsername(), r.getDisplayName(), r.getPasswordHash(),
				Role.valueOf(r.getRole()), r.getOrganisationId(), r.getActive(), r.getDemo(), r.getMustChangePassword(),
				r.getFailedSignIns(), (r.getLockedUntil() != null) ? r.getLockedUntil().toInstant() : null,
				r.getVersion(), r.getEmail(), r.getLanguage());
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
