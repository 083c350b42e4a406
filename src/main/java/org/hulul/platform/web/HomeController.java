package org.hulul.platform.web;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Sign-in page, home page and the About page with the data sources and their licences.
 */
@Controller
class HomeController {

	private final Duration lockDuration;

	HomeController(@Value("${hulul.security.lock-duration}") Duration lockDuration) {
		this.lockDuration = lockDuration;
	}

	@GetMapping("/")
	String showHome() {
		return "home";
	}

	@GetMapping("/login")
	String showLogin(Model model) {
		model.addAttribute("lockMinutes", this.lockDuration.toMinutes());
		return "login";
	}

	@GetMapping("/about")
	String showAbout() {
		return "about";
	}

}
