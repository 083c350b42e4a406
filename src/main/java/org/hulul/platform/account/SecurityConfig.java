package org.hulul.platform.account;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hulul.platform.HululPrincipal;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Two filter chains: the JSON API (stateless, bearer tokens, problem details) and the
 * pages (form sign-in, session, CSRF).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

	static final String[] PUBLIC_PAGES = { "/login", "/about", "/public", "/css/**", "/js/**", "/img/**", "/webjars/**",
			"/geo/**", "/favicon.ico", "/actuator/health", "/actuator/health/**", "/swagger-ui/**", "/error" };

	@Bean
	PasswordEncoder passwordEncoder() {
		// bcrypt by default; the {id} prefix lets a later algorithm take over without a
		// migration
		return new BoundedPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
	}

	@Bean
	AuthenticationManager authenticationManager(AccountDetailsService accounts, PasswordEncoder passwords,
			ApplicationEventPublisher events) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
		provider.setPasswordEncoder(passwords);
		// a lock is told before the password is checked (it stops guessing); a
		// deactivation
		// only after a right password, so a wrong one reveals nothing about the account
		provider.setPreAuthenticationChecks((user) -> {
			if (!user.isAccountNonLocked()) {
				throw new LockedException("Account locked");
			}
		});
		provider.setPostAuthenticationChecks((user) -> {
			if (!user.isEnabled()) {
				throw new DisabledException("Account deactivated");
			}
		});
		ProviderManager manager = new ProviderManager(provider);
		manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
		return manager;
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens, JsonMapper json, MessageSource messages,
			LocaleResolver locales) throws Exception {
		ApiProblems problems = new ApiProblems(json, messages, locales);
		http.securityMatcher("/api/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.POST, "/api/v1/auth/token")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/locations", "/api/v1/locations/**", "/api/v1/boundaries")
				.permitAll()
				.requestMatchers("/api/docs", "/api/docs/**")
				.permitAll()
				.requestMatchers("/api/v1/users", "/api/v1/users/**")
				.hasRole("ADMIN")
				.requestMatchers(HttpMethod.GET, "/api/v1/organisations", "/api/v1/organisations/**")
				.authenticated()
				.requestMatchers("/api/v1/organisations", "/api/v1/organisations/**")
				.hasAnyRole("ADMIN", "SECRETARIAT")
				.anyRequest()
				.authenticated())
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.oauth2ResourceServer(
					(resourceServer) -> resourceServer.opaqueToken((opaque) -> opaque.introspector(tokens))
						.authenticationEntryPoint(problems)
						.accessDeniedHandler(problems))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pageChain(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
		ExceptionMappingAuthenticationFailureHandler failures = new ExceptionMappingAuthenticationFailureHandler();
		failures.setDefaultFailureUrl("/login?error");
		failures.setExceptionMappings(Map.of(LockedException.class.getName(), "/login?locked",
				DisabledException.class.getName(), "/login?disabled"));
		SavedRequestAwareAuthenticationSuccessHandler saved = new SavedRequestAwareAuthenticationSuccessHandler();
		http.authenticationManager(authenticationManager)
			.authorizeHttpRequests((requests) -> requests.requestMatchers(PUBLIC_PAGES)
				.permitAll()
				.requestMatchers("/admin/**")
				.hasRole("ADMIN")
				.anyRequest()
				.authenticated())
			.formLogin((form) -> form.loginPage("/login")
				.successHandler(
						(request, response, authentication) -> onSignIn(saved, request, response, authentication))
				.failureHandler(failures)
				.permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout"))
			.headers((headers) -> headers
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
				.contentSecurityPolicy((csp) -> csp.policyDirectives(
						"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")));
		return http.build();
	}

	private static void onSignIn(SavedRequestAwareAuthenticationSuccessHandler saved, HttpServletRequest request,
			HttpServletResponse response, Authentication authentication)
			throws IOException, jakarta.servlet.ServletException {
		if (authentication.getPrincipal() instanceof HululPrincipal principal && principal.mustChangePassword()) {
			response.sendRedirect(request.getContextPath() + "/account/password");
			return;
		}
		saved.onAuthenticationSuccess(request, response, authentication);
	}

	/** 401 and 403 for the API as RFC 9457 problem details. */
	static final class ApiProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

		private final JsonMapper json;

		private final MessageSource messages;

		private final LocaleResolver locales;

		ApiProblems(JsonMapper json, MessageSource messages, LocaleResolver locales) {
			this.json = json;
			this.messages = messages;
			this.locales = locales;
		}

		@Override
		public void commence(HttpServletRequest request, HttpServletResponse response,
				AuthenticationException exception) throws IOException {
			response.setHeader("WWW-Authenticate", "Bearer");
			write(request, response, HttpStatus.UNAUTHORIZED, "api.error.unauthorized");
		}

		@Override
		public void handle(HttpServletRequest request, HttpServletResponse response,
				org.springframework.security.access.AccessDeniedException exception) throws IOException {
			write(request, response, HttpStatus.FORBIDDEN, "api.error.forbidden");
		}

		private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key)
				throws IOException {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
					this.messages.getMessage(key, null, key, this.locales.resolveLocale(request)));
			problem.setInstance(java.net.URI.create(request.getRequestURI()));
			response.setStatus(status.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			this.json.writeValue(response.getOutputStream(), problem);
		}

	}

}
