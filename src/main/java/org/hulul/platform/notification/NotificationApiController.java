package org.hulul.platform.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hulul.platform.HululPrincipal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own notifications over the API, in the caller's Accept-Language.
 */
@RestController
@Tag(name = "Notifications")
class NotificationApiController {

	private final NotificationRepository notifications;

	private final NotificationText text;

	private final Clock clock;

	NotificationApiController(NotificationRepository notifications, NotificationText text, Clock clock) {
		this.notifications = notifications;
		this.text = text;
		this.clock = clock;
	}

	@GetMapping("/api/v1/notifications")
	@Operation(summary = "My notifications, newest first (the last 100)")
	List<NotificationBody> list(@AuthenticationPrincipal HululPrincipal me, Locale locale) {
		return this.notifications.forUser(me.id(), NotificationController.SHOWN)
			.stream()
			.map((n) -> new NotificationBody(n.id(), n.createdAt(), n.kind(),
					this.text.message(n.messageKey(), n.messageArgs(), locale), n.link(), !n.unread()))
			.toList();
	}

	@PostMapping("/api/v1/notifications/read")
	@Operation(summary = "Mark all my notifications as read")
	MarkedRead markAllRead(@AuthenticationPrincipal HululPrincipal me) {
		return new MarkedRead(this.notifications.markAllRead(me.id(), this.clock.instant()));
	}

	record NotificationBody(long id, Instant createdAt, String kind, String message, String link, boolean read) {
	}

	record MarkedRead(int marked) {
	}

}
