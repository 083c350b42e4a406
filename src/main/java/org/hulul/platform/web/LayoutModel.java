package org.hulul.platform.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hulul.platform.HululPrincipal;
import org.hulul.platform.LocalizedText;
import org.hulul.platform.Notifications;
import org.hulul.platform.OrganisationDirectory;
import org.hulul.platform.Settings;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the shared layout needs, added only when a page is rendered (never for the API or
 * a redirect): language and direction, links to this same page in each language, the
 * signed-in user and their organisation, their unread notifications, the current path and
 * the demo banner.
 */
@Component
class LayoutModel implements HandlerInterceptor {

	private final Settings settings;

	private final OrganisationDirectory organisations;

	private final Notifications notifications;

	LayoutModel(Settings settings, OrganisationDirectory organisations, Notifications notifications) {
		this.settings = settings;
		this.organisations = organisations;
		this.notifications = notifications;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView page) {
		if (page == null || (page.getViewName() != null && page.getViewName().startsWith("redirect:"))) {
			return;
		}
		Locale locale = WebConfig.supported(RequestContextUtils.getLocale(request));
		// on an error page, the address the user asked for, not /error
		Object errorUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String uri = (errorUri != null) ? errorUri.toString() : request.getRequestURI();
		String query = (errorUri != null) ? (String) request.getAttribute(RequestDispatcher.ERROR_QUERY_STRING)
				: request.getQueryString();
		Map<String, String> languageLinks = new LinkedHashMap<>();
		for (Locale language : WebConfig.LANGUAGES) {
			languageLinks.put(language.getLanguage(),
					UriComponentsBuilder.fromPath(uri)
						.query(query)
						.replaceQueryParam("lang", language.getLanguage())
						.build()
						.toUriString());
		}
		HululPrincipal me = currentUser();
		page.addObject("lang", locale.getLanguage());
		page.addObject("dir", LocalizedText.isRightToLeft(locale) ? "rtl" : "ltr");
		page.addObject("languageLinks", languageLinks);
		page.addObject("currentPath", uri.substring(request.getContextPath().length()));
		page.addObject("demoData", this.settings.demoLoaded());
		page.addObject("me", me);
		page.addObject("myOrganisation", (me != null && me.organisationId() != null)
				? this.organisations.find(me.organisationId()).orElse(null) : null);
		page.addObject("unreadNotifications", (me != null) ? this.notifications.unread(me.id()) : 0);
	}

	private static @Nullable HululPrincipal currentUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof HululPrincipal principal) ? principal
				: null;
	}

}
