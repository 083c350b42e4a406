package org.hulul.platform;

import java.time.Clock;

import org.hulul.platform.audit.AuditRepository;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Records who changed what, when, with the state before and after. Call it inside the
 * transaction that makes the change, so the change and its audit entry commit together.
 */
@Component
public class AuditLog {

	/**
	 * Actor recorded for changes made by the application itself (first start, seeding).
	 */
	public static final String SYSTEM = "system";

	private final AuditRepository repository;

	private final JsonMapper json;

	private final Clock clock;

	AuditLog(AuditRepository repository, JsonMapper json, Clock clock) {
		this.repository = repository;
		this.json = json;
		this.clock = clock;
	}

	public void record(AuditAction action, String entityType, Object entityId, String summary, @Nullable Object before,
			@Nullable Object after) {
		this.repository.insert(this.clock.instant(), currentActor(), action.name(), entityType,
				String.valueOf(entityId), summary, toJson(before), toJson(after));
	}

	private @Nullable String toJson(@Nullable Object state) {
		return (state != null) ? this.json.writeValueAsString(state) : null;
	}

	static String currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null
				|| "anonymousUser".equals(authentication.getName())) {
			return SYSTEM;
		}
		return authentication.getName();
	}

}
