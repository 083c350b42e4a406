package org.hulul.framework;

import org.hulul.platform.HululPrincipal;
import org.hulul.platform.Role;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who may see drafts and change the framework: the secretariat and administrators.
 */
final class FrameworkAccess {

	private FrameworkAccess() {
	}

	static boolean mayEdit() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof HululPrincipal me
				&& (me.is(Role.ADMIN) || me.is(Role.SECRETARIAT));
	}

}
