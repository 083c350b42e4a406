package org.hulul.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Beans every module may use.
 */
@Configuration(proxyBeanMethods = false)
class PlatformConfig {

	/** The time source: UTC instants, shown in the configured zone by the pages. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
