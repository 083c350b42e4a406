package org.hulul.platform;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import org.hulul.platform.audit.AuditRepository;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Records who changed what, when, with the state before and after. Call it inside the
 * transaction that makes the change, so the change and its audit entry commit together.
 * The summary is a message key with its arguments, so the log reads in each reader's
 * language.
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

	/**
	 * A summary: a key of the message bundles ({@code audit.summary.*}) and its
	 * arguments.
	 */
	public static Summary summary(String messageKey, Object... args) {
		return new Summary(messageKey, Arrays.stream(args).map(String::valueOf).toList());
	}

	public void record(AuditAction action, String entityType, Object entityId, Summary summary, @Nullable Object before,
			@Nullable Object after) {
		this.repository.insert(this.clock.instant(), currentActor(), action.name(), entityType,
				String.valueOf(entityId), summary.messageKey(), this.json.writeValueAsString(summary.args()),
				toJson(before), toJson(after));
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

	/** What happened, as a message key and its arguments. */
	public record Summary(String messageKey, List<String> args) {
	}

}
