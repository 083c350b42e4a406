package org.hulul.platform;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.hulul.platform.InvalidInputException.FieldProblem;
import org.hulul.platform.account.Account;
import org.hulul.platform.account.AccountRepository;
import org.hulul.platform.account.SignedInSessions;
import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating and changing user accounts: the rules every entry point (pages, API, first
 * start, demo data) goes through, each change audited.
 */
@Service
public class UserAccounts {

	public static final int MIN_PASSWORD_LENGTH = 10;

	/** bcrypt's limit, in UTF-8 bytes. */
	public static final int MAX_PASSWORD_BYTES = 72;

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,79}");

	/**
	 * An address mail servers take: the usual characters before the at sign, then a
	 * domain of at least two labels (letters, digits, inner hyphens).
	 */
	private static final Pattern EMAIL = Pattern.compile("[\\w.!#$%&'*+/=?^`{|}~-]+"
			+ "@[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?(?:\\.[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?)+");

	private static final int MAX_EMAIL_LENGTH = 254;

	/** The languages notifications are written in. */
	public static final List<String> LANGUAGES = List.of("en", "ar", "ckb");

	private static final String ENTITY = "user";

	private final AccountRepository accounts;

	private final OrganisationDirectory organisations;

	private final PasswordEncoder passwords;

	private final AuditLog audit;

	private final SignedInSessions sessions;

	private final Clock clock;

	UserAccounts(AccountRepository accounts, OrganisationDirectory organisations, PasswordEncoder passwords,
			AuditLog audit, SignedInSessions sessions, Clock clock) {
		this.accounts = accounts;
		this.organisations = organisations;
		this.passwords = passwords;
		this.audit = audit;
		this.sessions = sessions;
		this.clock = clock;
	}

	public List<Account> all() {
		return this.accounts.all();
	}

	public Optional<Account> find(long id) {
		return this.accounts.find(id);
	}

	public Optional<Account> findByUsername(String username) {
		return this.accounts.findByUsername(username);
	}

	/** The user as signed in: who they are, their role and organisation. */
	public Optional<HululPrincipal> principal(String username) {
		return findByUsername(username).map(Account::toPrincipal);
	}

	/** The user as signed in, by id. */
	public Optional<HululPrincipal> principal(long id) {
		return find(id).map(Account::toPrincipal);
	}

	public long count() {
		return this.accounts.count();
	}

	@Transactional
	public Account create(NewUser user) {
		List<FieldProblem> problems = new ArrayList<>();
		String username = (user.username() != null) ? user.username().strip().toLowerCase(java.util.Locale.ROOT) : "";
		if (!USERNAME.matcher(username).matches()) {
			problems.add(new FieldProblem("username", "user.error.username", List.of()));
		}
		else if (this.accounts.exists(username)) {
			problems.add(new FieldProblem("username", "user.error.usernameTaken", List.of(username)));
		}
		checkPassword("password", user.password(), problems);
		checkDisplayName(user.displayName(), problems);
		String email = checkEmail(user.email(), problems);
		String language = checkLanguage(user.language(), problems);
		Long organisationId = checkOrganisation(user.role(), user.organisation(), null, problems);
		if (user.role() == null) {
			problems.add(new FieldProblem("role", "user.error.role", List.of()));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long id = this.accounts.insert(username, blankToNull(user.displayName()),
				this.passwords.encode(user.password()), user.role(), organisationId, email, language, user.demo(),
				user.mustChangePassword(), this.clock.instant());
		Account created = this.accounts.find(id).orElseThrow();
		this.audit.record(AuditAction.CREATE, ENTITY, username, AuditLog.summary("audit.summary.userCreated", username),
				null, snapshot(created));
		return created;
	}

	@Transactional
	public Account update(long id, int version, UserChange change) {
		Account before = this.accounts.find(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
		List<FieldProblem> problems = new ArrayList<>();
		if (change.role() == null) {
			problems.add(new FieldProblem("role", "user.error.role", List.of()));
		}
		checkDisplayName(change.displayName(), problems);
		String email = checkEmail(change.email(), problems);
		String language = checkLanguage(change.language(), problems);
		Long organisationId = checkOrganisation(change.role(), change.organisation(), before.organisationId(),
				problems);
		boolean stillAdmin = change.role() == Role.ADMIN && change.active();
		if (before.role() == Role.ADMIN && before.active() && !stillAdmin
				&& this.accounts.countActive(Role.ADMIN) <= 1) {
			problems.add(new FieldProblem("role", "user.error.lastAdmin", List.of()));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (!this.accounts.updateProfile(id, version, blankToNull(change.displayName()), change.role(), organisationId,
				email, language, change.active(), this.clock.instant())) {
			throw new StaleEditException(ENTITY, before.username());
		}
		Account after = this.accounts.find(id).orElseThrow();
		if (before.role() != after.role() || !java.util.Objects.equals(before.organisationId(), after.organisationId())
				|| before.active() != after.active()) {
			// sessions carry the role and organisation of their sign-in
			this.sessions.end(id, before.username(), null);
		}
		this.audit.record(AuditAction.UPDATE, ENTITY, before.username(),
				AuditLog.summary("audit.summary.userChanged", before.username()), snapshot(before), snapshot(after));
		return after;
	}

	/** An administrator sets a new password; the user must change it at next sign-in. */
	@Transactional
	public void resetPassword(long id, String newPassword) {
		Account account = this.accounts.find(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
		List<FieldProblem> problems = new ArrayList<>();
		checkPassword("password", newPassword, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		this.accounts.updatePassword(id, this.passwords.encode(newPassword), true, this.clock.instant());
		this.sessions.end(id, account.username(), null);
		this.audit.record(AuditAction.UPDATE, ENTITY, account.username(),
				AuditLog.summary("audit.summary.passwordReset", account.username()),
				Map.of("mustChangePassword", account.mustChangePassword()), Map.of("mustChangePassword", true));
	}

	/**
	 * The signed-in user changes their own password, proving they know the current one.
	 * Their other sessions and API tokens end; {@code currentSessionId} stays signed in.
	 */
	@Transactional
	public void changeOwnPassword(long id, String currentPassword, String newPassword, String confirmation,
			@Nullable String currentSessionId) {
		Account account = this.accounts.find(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
		List<FieldProblem> problems = new ArrayList<>();
		if (!this.passwords.matches(currentPassword, account.passwordHash())) {
			problems.add(new FieldProblem("currentPassword", "password.error.current", List.of()));
		}
		checkPassword("newPassword", newPassword, problems);
		if (!newPassword.equals(confirmation)) {
			problems.add(new FieldProblem("confirmation", "password.error.confirmation", List.of()));
		}
		else if (newPassword.equals(currentPassword)) {
			problems.add(new FieldProblem("newPassword", "password.error.same", List.of()));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		this.accounts.updatePassword(id, this.passwords.encode(newPassword), false, this.clock.instant());
		this.sessions.end(id, account.username(), currentSessionId);
		this.audit.record(AuditAction.UPDATE, ENTITY, account.username(),
				AuditLog.summary("audit.summary.passwordChanged", account.username()),
				Map.of("mustChangePassword", account.mustChangePassword()), Map.of("mustChangePassword", false));
	}

	/**
	 * Remembers the language the user switched to, for their notifications and e-mails.
	 */
	@Transactional
	public void rememberLanguage(long id, java.util.Locale locale) {
		if (LANGUAGES.contains(locale.getLanguage())) {
			this.accounts.updateLanguage(id, locale.getLanguage());
		}
	}

	@Transactional
	public void unlock(long id) {
		Account account = this.accounts.find(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
		this.accounts.updateThrottle(id, 0, null);
		this.audit.record(AuditAction.SECURITY, ENTITY, account.username(),
				AuditLog.summary("audit.summary.userUnlocked", account.username()),
				Map.of("lockedUntil", String.valueOf(account.lockedUntil())), Map.of("lockedUntil", "null"));
	}

	/**
	 * The id of the organisation with the given code. A deactivated organisation may be
	 * kept by a user who already belongs to it, not newly given.
	 */
	private @Nullable Long checkOrganisation(@Nullable Role role, @Nullable String organisation,
			@Nullable Long currentOrganisationId, List<FieldProblem> problems) {
		if (organisation == null || organisation.isBlank()) {
			if (role != null && role != Role.ADMIN) {
				problems.add(new FieldProblem("organisation", "user.error.organisationRequired", List.of()));
			}
			return null;
		}
		Optional<OrganisationRef> found = this.organisations.findByCode(organisation.strip());
		if (found.isEmpty()) {
			problems.add(new FieldProblem("organisation", "user.error.organisationUnknown", List.of(organisation)));
			return null;
		}
		if (!found.get().active() && !java.util.Objects.equals(found.get().id(), currentOrganisationId)) {
			problems
				.add(new FieldProblem("organisation", "user.error.organisationInactive", List.of(found.get().code())));
		}
		return found.get().id();
	}

	private static void checkPassword(String field, @Nullable String password, List<FieldProblem> problems) {
		if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
			problems.add(new FieldProblem(field, "password.error.length", List.of(MIN_PASSWORD_LENGTH)));
		}
		else if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			// bcrypt reads 72 bytes: an Arabic or Kurdish letter takes two
			problems.add(new FieldProblem(field, "password.error.tooLong", List.of(MAX_PASSWORD_BYTES)));
		}
	}

	private static @Nullable String checkEmail(@Nullable String email, List<FieldProblem> problems) {
		String address = blankToNull(email);
		if (address != null && (address.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(address).matches())) {
			problems.add(new FieldProblem("email", "user.error.email", List.of(address)));
			return null;
		}
		return address;
	}

	private static @Nullable String checkLanguage(@Nullable String language, List<FieldProblem> problems) {
		String code = blankToNull(language);
		if (code != null && !LANGUAGES.contains(code)) {
			problems.add(new FieldProblem("language", "user.error.language", List.of(code)));
			return null;
		}
		return code;
	}

	private static void checkDisplayName(@Nullable String displayName, List<FieldProblem> problems) {
		if (displayName != null && displayName.strip().length() > 200) {
			problems.add(new FieldProblem("displayName", "user.error.displayName", List.of(200)));
		}
	}

	private Map<String, Object> snapshot(Account account) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("username", account.username());
		state.put("displayName", account.displayName());
		state.put("role", account.role().name());
		state.put("organisation", (account.organisationId() != null)
				? this.organisations.find(account.organisationId()).map(OrganisationRef::code).orElse(null) : null);
		state.put("active", account.active());
		state.put("email", account.email());
		state.put("language", account.language());
		return state;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/**
	 * A user to create; {@code organisation} is the organisation's code, {@code email}
	 * and {@code language} (en, ar, ckb) where and how notifications reach them.
	 */
	public record NewUser(@Nullable String username, @Nullable String displayName, @Nullable String password,
			@Nullable Role role, @Nullable String organisation, boolean demo, boolean mustChangePassword,
			@Nullable String email, @Nullable String language) {

		/** A user without an e-mail address or a language of their own. */
		public NewUser(@Nullable String username, @Nullable String displayName, @Nullable String password,
				@Nullable Role role, @Nullable String organisation, boolean demo, boolean mustChangePassword) {
			this(username, displayName, password, role, organisation, demo, mustChangePassword, null, null);
		}

	}

	/**
	 * New values for an existing user; {@code organisation} is the organisation's code.
	 */
	public record UserChange(@Nullable String displayName, @Nullable Role role, @Nullable String organisation,
			boolean active, @Nullable String email, @Nullable String language) {
	}

}
