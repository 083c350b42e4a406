package org.hulul;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Starts every test run from an empty schema, so a PostgreSQL database left over from an
 * earlier run does not leak into this one. Only the first application context of the run
 * cleans: later ones (module slices) share the database with it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabase {

	private static final AtomicBoolean cleaned = new AtomicBoolean();

	@Bean
	FlywayMigrationStrategy cleanMigrate() {
		return (flyway) -> {
			if (cleaned.compareAndSet(false, true)) {
				flyway.clean();
			}
			flyway.migrate();
		};
	}

}
