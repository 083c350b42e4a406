package org.hulul.platform.web;

import jakarta.servlet.DispatcherType;

import java.util.Arrays;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Sessions live in the database (table spring_session), not in the server's memory: a
 * restart keeps users signed in and instances behind a load balancer share them. The
 * cookie is HttpOnly and SameSite=Lax, and Secure on HTTPS requests (or always with
 * HULUL_SECURE_COOKIES=true).
 */
@Configuration(proxyBeanMethods = false)
@EnableJdbcHttpSession(maxInactiveIntervalInSeconds = 8 * 60 * 60)
class SessionConfig {

	static final String COOKIE = "HULUL_SESSION";

	/** The bean Boot runs the Flyway migrations with. */
	static final String MIGRATIONS = "flywayInitializer";

	/**
	 * The session repository made after the migrations: its cleanup task runs on a thread
	 * of its own at the start of every minute, and would otherwise ask a new database for
	 * table spring_session before the migrations made it, whenever a minute began in
	 * between.
	 */
	@Bean
	static BeanFactoryPostProcessor sessionsAfterMigrations() {
		return (factory) -> {
			if (factory.containsBeanDefinition("sessionRepository") && factory.containsBeanDefinition(MIGRATIONS)) {
				BeanDefinition sessions = factory.getBeanDefinition("sessionRepository");
				String[] before = (sessions.getDependsOn() != null) ? sessions.getDependsOn() : new String[0];
				if (!Arrays.asList(before).contains(MIGRATIONS)) {
					sessions.setDependsOn(
							Stream.concat(Arrays.stream(before), Stream.of(MIGRATIONS)).toArray(String[]::new));
				}
			}
		};
	}

	/**
	 * The session filter also on error pages (what Boot's session auto-configuration
	 * would do), so a signed-in user's 403 or 404 page still knows who they are.
	 */
	@Bean
	FilterRegistrationBean<SessionRepositoryFilter<?>> sessionRepositoryFilterRegistration(
			SessionRepositoryFilter<?> filter) {
		FilterRegistrationBean<SessionRepositoryFilter<?>> registration = new FilterRegistrationBean<>(filter);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER);
		return registration;
	}

	@Bean
	CookieSerializer cookieSerializer(@Value("${hulul.security.secure-cookies}") boolean alwaysSecure) {
		DefaultCookieSerializer cookies = new DefaultCookieSerializer();
		cookies.setCookieName(COOKIE);
		cookies.setUseHttpOnlyCookie(true);
		cookies.setSameSite("Lax");
		if (alwaysSecure) {
			cookies.setUseSecureCookie(true);
		}
		return cookies;
	}

}
