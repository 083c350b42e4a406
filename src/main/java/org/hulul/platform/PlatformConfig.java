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

	/**
	 * On PostgreSQL, lets the driver send batched inserts (an import's lines, their
	 * history) as multi-row statements: about twice as fast for 100,000 lines.
	 */
	@Bean
	static org.springframework.beans.factory.config.BeanPostProcessor batchedInserts() {
		return new org.springframework.beans.factory.config.BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof com.zaxxer.hikari.HikariDataSource pool && pool.getJdbcUrl() != null
						&& pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
					pool.addDataSourceProperty("reWriteBatchedInserts", "true");
				}
				return bean;
			}
		};
	}

}
