package org.hulul.platform.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hulul.platform.HululPrincipal;
import org.hulul.platform.UserAccounts;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Languages (English, Arabic, Kurdish Sorani; chosen with {@code ?lang=} and kept in a
 * cookie, and remembered for a signed-in user's notifications) and the rule that a
 * one-time password is changed before anything else.
 */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

	private final LayoutModel layout;

	WebConfig(LayoutModel layout) {
		this.layout = layout;
	}

	static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("ar"),
			Locale.forLanguageTag("ckb"));

	@Bean
	LocaleResolver localeResolver(ObjectProvider<UserAccounts> accounts) {
		CookieLocaleResolver resolver = new CookieLocaleResolver("hulul-lang") {
			@Override
			public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response,
					@Nullable Locale locale) {
				Locale chosen = supported(locale);
				super.setLocale(request, response, chosen);
				Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
				if (locale != null && authentication != null
						&& authentication.getPrincipal() instanceof HululPrincipal principal) {
					// the language of their notifications and e-mails from now on
					accounts.getObject().rememberLanguage(principal.id(), chosen);
				}
			}
		};
		resolver.setDefaultLocaleFunction((request) -> supported(request.getLocale()));
		resolver.setCookieMaxAge(java.time.Duration.ofDays(365));
		resolver.setCookieHttpOnly(true);
		resolver.setCookieSameSite("Lax");
		return resolver;
	}

	static Locale supported(@Nullable Locale locale) {
		if (locale != null) {
			for (Locale language : LANGUAGES) {
				if (language.getLanguage().equals(locale.getLanguage())) {
					return language;
				}
			}
		}
		return Locale.ENGLISH;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor languages = new LocaleChangeInterceptor();
		languages.setParamName("lang");
		languages.setIgnoreInvalidLocale(true);
		registry.addInterceptor(languages);
		registry.addInterceptor(this.layout).excludePathPatterns("/api/**");
		registry.addInterceptor(new PasswordChangeFirst())
			.excludePathPatterns("/account/password", "/logout", "/login", "/api/**", "/css/**", "/js/**",
					"/webjars/**", "/geo/**", "/error", "/about");
	}

	/**
	 * Sends a user who signed in with a one-time password to the change-password page.
	 */
	static final class PasswordChangeFirst implements HandlerInterceptor {

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
				throws java.io.IOException {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication != null && authentication.getPrincipal() instanceof HululPrincipal principal
					&& principal.mustChangePassword()) {
				response.sendRedirect(request.getContextPath() + "/account/password");
				return false;
			}
			return true;
		}

	}

}
