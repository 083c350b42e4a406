package org.hulul.platform.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.hulul.platform.HululPrincipal;
import org.hulul.platform.LocalizedText;
import org.hulul.platform.OrganisationDirectory;
import org.hulul.platform.OrganisationRef;
import org.hulul.platform.Settings;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the shared layout needs on every page: language and direction, the signed-in user
 * and their organisation, the current path for the navigation and the demo banner.
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

	private final Settings settings;

	private final OrganisationDirectory organisations;

	LayoutAdvice(Settings settings, OrganisationDirectory organisations) {
		this.settings = settings;
		this.organisations = organisations;
	}

	@ModelAttribute("lang")
	String lang(Locale locale) {
		return WebConfig.supported(locale).getLanguage();
	}

	@ModelAttribute("dir")
	String dir(Locale locale) {
		return LocalizedText.isRightToLeft(locale) ? "rtl" : "ltr";
	}

	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	@ModelAttribute("demoData")
	boolean demoData() {
		return this.settings.demoLoaded();
	}

	@ModelAttribute("me")
	@Nullable HululPrincipal me() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof HululPrincipal principal) ? principal
				: null;
	}

	@ModelAttribute("myOrganisation")
	@Nullable OrganisationRef myOrganisation() {
		HululPrincipal me = me();
		return (me != null && me.organisationId() != null) ? this.organisations.find(me.organisationId()).orElse(null)
				: null;
	}

}
