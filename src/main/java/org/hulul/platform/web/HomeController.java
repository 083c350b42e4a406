package org.hulul.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Sign-in page, home page and the About page with the data sources and their licences.
 */
@Controller
class HomeController {

	@GetMapping("/")
	String showHome() {
		return "home";
	}

	@GetMapping("/login")
	String showLogin() {
		return "login";
	}

	@GetMapping("/about")
	String showAbout() {
		return "about";
	}

}
