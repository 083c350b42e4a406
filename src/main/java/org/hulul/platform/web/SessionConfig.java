package org.hulul.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

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
