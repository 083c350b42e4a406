package org.hulul.platform.account;

import org.hulul.platform.Role;
import org.jspecify.annotations.Nullable;

/**
 * The user form of the administration pages. A mutable bean because Spring binds forms to
 * one.
 */
public class UserForm {

	private @Nullable String username;

	private @Nullable String displayName;

	private @Nullable String password;

	private @Nullable Role role;

	private @Nullable String organisation;

	private @Nullable String email;

	private @Nullable String language;

	private boolean active = true;

	private int version;

	public @Nullable String getUsername() {
		return this.username;
	}

	public void setUsername(@Nullable String username) {
		this.username = username;
	}

	public @Nullable String getDisplayName() {
		return this.displayName;
	}

	public void setDisplayName(@Nullable String displayName) {
		this.displayName = displayName;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	public @Nullable Role getRole() {
		return this.role;
	}

	public void setRole(@Nullable Role role) {
		this.role = role;
	}

	public @Nullable String getOrganisation() {
		return this.organisation;
	}

	public void setOrganisation(@Nullable String organisation) {
		this.organisation = organisation;
	}

	public @Nullable String getEmail() {
		return this.email;
	}

	public void setEmail(@Nullable String email) {
		this.email = email;
	}

	public @Nullable String getLanguage() {
		return this.language;
	}

	public void setLanguage(@Nullable String language) {
		this.language = language;
	}

	public boolean isActive() {
		return this.active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public int getVersion() {
		return this.version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

}
