package org.hulul;

import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Activates the {@code postgres} profile when the suite runs with
 * {@code -Dhulul.test.db=postgres} ({@code HULUL_TEST_DB=postgres ./hulul test}).
 */
public class TestProfiles implements ActiveProfilesResolver {

	@Override
	public String[] resolve(Class<?> testClass) {
		return "postgres".equalsIgnoreCase(System.getProperty("hulul.test.db", "h2"))
				? new String[] { "test", "postgres" } : new String[] { "test" };
	}

}
