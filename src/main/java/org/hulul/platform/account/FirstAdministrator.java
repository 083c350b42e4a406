package org.hulul.platform.account;

import java.security.SecureRandom;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.hulul.platform.Role;
import org.hulul.platform.UserAccounts;
import org.hulul.platform.UserAccounts.NewUser;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On first start, creates the administrator {@code admin}: with HULUL_ADMIN_PASSWORD when
 * it is set, otherwise with a one-time password printed once, to be changed at first
 * sign-in.
 */
@Component
@Order(30)
class FirstAdministrator implements ApplicationRunner {

	static final String USERNAME = "admin";

	private static final Log logger = LogFactory.getLog(FirstAdministrator.class);

	private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private final UserAccounts accounts;

	private final String configuredPassword;

	FirstAdministrator(UserAccounts accounts, @Value("${hulul.admin-password:}") String configuredPassword) {
		this.accounts = accounts;
		this.configuredPassword = configuredPassword;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.accounts.findByUsername(USERNAME).isPresent()) {
			return;
		}
		boolean generated = this.configuredPassword.isBlank();
		String password = generated ? oneTimePassword() : this.configuredPassword;
		if (password.length() < UserAccounts.MIN_PASSWORD_LENGTH) {
			throw new IllegalStateException("HULUL_ADMIN_PASSWORD must have at least "
					+ UserAccounts.MIN_PASSWORD_LENGTH + " characters; unset it to get a generated one-time password");
		}
		this.accounts.create(new NewUser(USERNAME, "Administrator", password, Role.ADMIN, null, false, generated));
		if (generated) {
			logger.warn("""

					==================================================================
					  First start: administrator account created.
					  User name: admin
					  One-time password: %s
					  It is shown only this once; you will be asked to change it.
					==================================================================
					""".formatted(password));
		}
		else {
			logger.info("First start: administrator 'admin' created with the password from HULUL_ADMIN_PASSWORD");
		}
	}

	private static String oneTimePassword() {
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
