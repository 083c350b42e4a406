package org.hulul.platform;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;

/**
 * The signed-in user, the same for pages (form sign-in) and the API (bearer token), so
 * every controller asks "who is asking" the same way.
 */
public final class HululPrincipal
		implements UserDetails, OAuth2AuthenticatedPrincipal, CredentialsContainer, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final long id;

	private final String username;

	private final Role role;

	private final @Nullable Long organisationId;

	private final boolean active;

	private final @Nullable Instant lockedUntil;

	private final boolean mustChangePassword;

	private @Nullable String passwordHash;

	public HululPrincipal(long id, String username, Role role, @Nullable Long organisationId, boolean active,
			@Nullable Instant lockedUntil, boolean mustChangePassword, @Nullable String passwordHash) {
		this.id = id;
		this.username = username;
		this.role = role;
		this.organisationId = organisationId;
		this.active = active;
		this.lockedUntil = lockedUntil;
		this.mustChangePassword = mustChangePassword;
		this.passwordHash = passwordHash;
	}

	public long id() {
		return this.id;
	}

	public Role role() {
		return this.role;
	}

	public @Nullable Long organisationId() {
		return this.organisationId;
	}

	public boolean mustChangePassword() {
		return this.mustChangePassword;
	}

	public @Nullable Instant lockedUntil() {
		return this.lockedUntil;
	}

	public boolean is(Role candidate) {
		return this.role == candidate;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(this.role.authority());
	}

	@Override
	public @Nullable String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public String getName() {
		return this.username;
	}

	@Override
	public Map<String, Object> getAttributes() {
		return Map.of("id", this.id, "role", this.role.name());
	}

	@Override
	public boolean isAccountNonLocked() {
		return this.lockedUntil == null || this.lockedUntil.isBefore(Instant.now());
	}

	@Override
	public boolean isEnabled() {
		return this.active;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof HululPrincipal that && that.id == this.id;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.id);
	}

	@Override
	public String toString() {
		return "HululPrincipal[" + this.username + ", " + this.role + "]";
	}

}
