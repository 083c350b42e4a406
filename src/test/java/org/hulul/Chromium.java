package org.hulul;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * Debian's Chromium driven by Playwright, headless, with no browser download and no
 * background network traffic (the machines here have no internet). One per browser test
 * class.
 */
public final class Chromium implements AutoCloseable {

	static final Path EXECUTABLE = Path.of(System.getenv().getOrDefault("HULUL_CHROMIUM", "/usr/bin/chromium"));

	private final Playwright playwright;

	private final Browser browser;

	private Chromium() {
		if (!Files.isExecutable(EXECUTABLE)) {
			throw new IllegalStateException(EXECUTABLE + " is missing: apt-get install chromium (.ci/run installs it)");
		}
		this.playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		this.browser = this.playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-background-networking", "--disable-component-update",
						"--disable-sync", "--disable-gpu")));
	}

	public static Chromium launch() {
		return new Chromium();
	}

	public Browser browser() {
		return this.browser;
	}

	@Override
	public void close() {
		this.browser.close();
		this.playwright.close();
	}

}
