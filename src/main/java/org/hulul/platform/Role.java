package org.hulul.platform;

import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What a user may do. A user has one role; reporters are scoped to their organisation.
 */
public enum Role {

	ADMIN, SECRETARIAT, REVIEWER, AREA_COORDINATOR, REPORTER, VIEWER;

	public SimpleGrantedAuthority authority() {
		return new SimpleGrantedAuthority("ROLE_" + name());
	}

	/** Message-bundle key of the role's label. */
	public String labelKey() {
		return "role." + name();
	}

}
