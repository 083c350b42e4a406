package org.hulul.platform.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.hulul.platform.HululPrincipal;
import org.hulul.platform.NotFoundException;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in user's notifications, newest first: opening one marks it read and goes to
 * its page.
 */
@Controller
class NotificationController {

	static final int SHOWN = 100;

	private final NotificationRepository notifications;

	private final NotificationText text;

	private final Clock clock;

	NotificationController(NotificationRepository notifications, NotificationText text, Clock clock) {
		this.notifications = notifications;
		this.text = text;
		this.clock = clock;
	}

	@GetMapping("/notifications")
	String showNotifications(@AuthenticationPrincipal HululPrincipal me, Locale locale, Model model) {
		List<Shown> shown = this.notifications.forUser(me.id(), SHOWN)
			.stream()
			.map((n) -> new Shown(n.id(), n.createdAt(), this.text.message(n.messageKey(), n.messageArgs(), locale),
					n.unread()))
			.toList();
		model.addAttribute("notifications", shown);
		model.addAttribute("anyUnread", shown.stream().anyMatch(Shown::unread));
		return "notifications/list";
	}

	@GetMapping("/notifications/{id}")
	String openNotification(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id) {
		Notification notification = this.notifications.find(me.id(), id)
			.orElseThrow(() -> new NotFoundException("notification", id));
		this.notifications.markRead(me.id(), id, this.clock.instant());
		return "redirect:" + notification.link();
	}

	@PostMapping("/notifications/read")
	String processMarkAllRead(@AuthenticationPrincipal HululPrincipal me, RedirectAttributes redirect) {
		this.notifications.markAllRead(me.id(), this.clock.instant());
		redirect.addFlashAttribute("flashMessage", "notifications.markedRead");
		return "redirect:/notifications";
	}

	/** A notification in the reader's language. */
	record Shown(long id, Instant createdAt, String text, boolean unread) {
	}

}
