package org.hulul.platform.account;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * bcrypt reads at most 72 bytes and Spring Security refuses longer input with an
 * exception; here a longer password simply does not match (its creation is refused
 * earlier, with a message, by UserAccounts).
 */
final class BoundedPasswordEncoder implements PasswordEncoder {

	static final int MAX_BYTES = 72;

	private final PasswordEncoder delegate;

	BoundedPasswordEncoder(PasswordEncoder delegate) {
		this.delegate = delegate;
	}

	static boolean fits(CharSequence password) {
		return password.toString().getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
	}

	@Override
	public @Nullable String encode(@Nullable CharSequence rawPassword) {
		return this.delegate.encode(rawPassword);
	}

	@Override
	public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
		return rawPassword != null && fits(rawPassword) && this.delegate.matches(rawPassword, encodedPassword);
	}

	@Override
	public boolean upgradeEncoding(@Nullable String encodedPassword) {
		return this.delegate.upgradeEncoding(encodedPassword);
	}

}
