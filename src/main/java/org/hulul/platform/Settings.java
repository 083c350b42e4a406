package org.hulul.platform;

import java.util.Optional;

import org.hulul.platform.settings.SettingRepository;

import org.springframework.stereotype.Component;

/**
 * Settings the application keeps about itself, such as whether demo data was loaded.
 */
@Component
public class Settings {

	/** Set once the demo dataset has been loaded into this database. */
	public static final String DEMO_LOADED = "demo_loaded";

	private final SettingRepository repository;

	private volatile boolean demoLoaded;

	Settings(SettingRepository repository) {
		this.repository = repository;
		this.demoLoaded = repository.find(DEMO_LOADED).isPresent();
	}

	public Optional<String> find(String name) {
		return this.repository.find(name);
	}

	public void put(String name, String value) {
		this.repository.put(name, value);
		if (DEMO_LOADED.equals(name)) {
			this.demoLoaded = true;
		}
	}

	/** Whether this database holds demo data, so every page says so. */
	public boolean demoLoaded() {
		return this.demoLoaded;
	}

}
