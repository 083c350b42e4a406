package org.hulul.framework;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * The framework module's API: the versions of the results framework, the current (latest
 * published) one, and its indicators. Parsed definitions are kept in memory, since a
 * framework is small and read on every report and chart.
 */
@Service
public class Frameworks {

	private final FrameworkRepository repository;

	private final JsonMapper json;

	private final Map<Long, FrameworkDefinition> definitions = new ConcurrentHashMap<>();

	Frameworks(FrameworkRepository repository, JsonMapper json) {
		this.repository = repository;
		this.json = json;
	}

	/** The latest published version, the one reports are made against by default. */
	public Optional<FrameworkVersion> current() {
		return this.repository.latestPublished().map(this::toVersion);
	}

	/** Every version, newest first. */
	public List<FrameworkVersion> versions() {
		return this.repository.all().stream().map(this::toVersion).toList();
	}

	public Optional<FrameworkVersion> version(long id) {
		return this.repository.find(id).map(this::toVersion);
	}

	/** An indicator of the current version, by code. */
	public Optional<FrameworkDefinition.Indicator> indicator(String code) {
		return current().flatMap((version) -> version.definition().indicator(code));
	}

	private FrameworkVersion toVersion(FrameworkRepository.StoredVersion stored) {
		FrameworkDefinition definition = (stored.status() == FrameworkVersion.Status.PUBLISHED)
				? this.definitions.computeIfAbsent(stored.id(), (id) -> parse(stored.definitionJson()))
				: parse(stored.definitionJson());
		return new FrameworkVersion(stored.id(), stored.frameworkCode(), stored.label(), stored.status(),
				stored.createdAt(), stored.publishedAt(), definition);
	}

	private FrameworkDefinition parse(String definitionJson) {
		return this.json.readValue(definitionJson, FrameworkDefinition.class);
	}

}
