package org.hulul.platform.web;

import org.hulul.HululIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** The session repository, and its cleanup task, come after the migrations. */
@HululIntegrationTest
class SessionConfigTests {

	@Autowired
	ConfigurableListableBeanFactory factory;

	@Test
	void theSessionRepositoryWaitsForTheMigrations() {
		assertThat(this.factory.containsBeanDefinition(SessionConfig.MIGRATIONS)).isTrue();
		assertThat(this.factory.getBeanDefinition("sessionRepository").getDependsOn())
			.contains(SessionConfig.MIGRATIONS);
	}

}
