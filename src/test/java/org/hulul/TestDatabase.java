package org.hulul;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Starts every test run from an empty schema, so a PostgreSQL database left over from an
 * earlier run does not leak into this one.
 */
@TestConfiguration(proxyBeanMethods = false)
class TestDatabase {

	@Bean
	FlywayMigrationStrategy cleanMigrate() {
		return (flyway) -> {
			flyway.clean();
			flyway.migrate();
		};
	}

}
