package org.hulul.framework;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.hulul.platform.AuditAction;
import org.hulul.platform.AuditLog;
import org.hulul.platform.InvalidInputException;
import org.hulul.platform.NotFoundException;
import org.hulul.platform.StaleEditException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The framework module's API: the versions of the results framework, the current (latest
 * published) one and its indicators; drafts the secretariat creates, imports, publishes
 * or discards. A published version never changes: reports stay tied to the version they
 * were made against. Parsed definitions are kept in memory, since a framework is small
 * and read on every report and chart.
 */
@Service
public class Frameworks {

	private static final String ENTITY = "framework";

	private final FrameworkRepository repository;

	private final FrameworkDocuments documents;

	private final JsonMapper json;

	private final AuditLog audit;

	private final Clock clock;

	/** Published versions never change, so they are parsed once. */
	private final Map<Long, FrameworkVersion> published = new ConcurrentHashMap<>();

	private static final java.util.regex.Pattern LABEL = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,40}");

	Frameworks(FrameworkRepository repository, FrameworkDocuments documents, JsonMapper json, AuditLog audit,
			Clock clock) {
		this.repository = repository;
		this.documents = documents;
		this.json = json;
		this.audit = audit;
		this.clock = clock;
	}

	/** The latest published version, the one reports are made against by default. */
	public Optional<FrameworkVersion> current() {
		return this.repository.latestPublishedId()
			.map((id) -> Optional.ofNullable(this.published.get(id)).orElseGet(() -> version(id).orElseThrow()));
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

	/** A new draft with the content of another version, under a new version label. */
	@Transactional
	public FrameworkVersion createDraft(long fromId, String label) {
		FrameworkVersion from = load(fromId);
		FrameworkDefinition d = from.definition();
		return saveDraft(
				new FrameworkDefinition(d.code(), label.strip(), d.title(), d.source(), d.translationStatus(),
						d.strategicObjective(), d.categories(), d.populationGroups(), d.objectives()),
				fromId, "audit.summary.frameworkDrafted");
	}

	/**
	 * A new draft from a framework file; a file with any problem changes nothing and says
	 * every problem with its path ({@link InvalidFrameworkException}).
	 */
	@Transactional
	public FrameworkVersion importDraft(String content) {
		return saveDraft(this.documents.read(content), null, "audit.summary.frameworkImported");
	}

	/** Publishes a draft: it becomes read-only, and the current version. */
	@Transactional
	public FrameworkVersion publish(long id, int version) {
		FrameworkVersion draft = load(id);
		Optional<FrameworkVersion> current = current();
		Optional<Long> basedOn = this.repository.basedOn(id);
		if (current.isPresent() && basedOn.isPresent() && basedOn.get() != current.get().id()) {
			String base = version(basedOn.get()).map(FrameworkVersion::label).orElse("?");
			throw InvalidInputException.of("version", "framework.error.notBasedOnCurrent", base, current.get().label());
		}
		if (!this.repository.publish(id, version, this.clock.instant(), actor())) {
			throw new StaleEditException(ENTITY, draft.label());
		}
		this.audit.record(AuditAction.UPDATE, ENTITY, id,
				AuditLog.summary("audit.summary.frameworkPublished", draft.frameworkCode(), draft.label()),
				Map.of("status", "DRAFT"), Map.of("status", "PUBLISHED"));
		return load(id);
	}

	/**
	 * Replaces one indicator of a draft. The whole definition is checked again as a file
	 * would be; nothing is saved when anything is wrong.
	 */
	@Transactional
	public FrameworkVersion updateIndicator(long id, int version, FrameworkDefinition.Indicator indicator) {
		FrameworkVersion draft = load(id);
		FrameworkDefinition.Indicator before = draft.definition()
			.indicator(indicator.code())
			.orElseThrow(() -> new NotFoundException("indicator", indicator.code()));
		FrameworkDefinition changed = this.documents
			.read(this.documents.toJson(draft.definition().withIndicator(indicator)));
		saveChange(draft, version, changed);
		this.audit.record(AuditAction.UPDATE, ENTITY, id,
				AuditLog.summary("audit.summary.frameworkIndicatorChanged", indicator.code(), draft.label()), before,
				indicator);
		return load(id);
	}

	/**
	 * Adopts a suggestion of the inter-agency library into a draft, under the objective
	 * chosen: a sub-criterion named after the library's, an indicator with the library's
	 * wording and its source, measured as a share of the target population. Its guidance
	 * is marked incomplete until the secretariat writes it.
	 */
	@Transactional
	public FrameworkVersion adopt(long id, int version, String objectiveCode, LibraryIndicators.Suggestion suggestion) {
		FrameworkVersion draft = load(id);
		FrameworkDefinition definition = draft.definition();
		if (definition.objectives().stream().noneMatch((o) -> o.code().equals(objectiveCode))) {
			throw InvalidInputException.of("objective", "framework.error.unknownObjective", objectiveCode);
		}
		if (definition.indicators().anyMatch((i) -> i.name().en().equals(suggestion.text()))) {
			throw InvalidInputException.of("suggestion", "framework.error.alreadyAdopted", suggestion.id());
		}
		String subCode = objectiveCode + "-" + abbreviation(suggestion.subCriterion());
		int next = definition.indicators()
			.map(FrameworkDefinition.Indicator::code)
			.filter((code) -> code.startsWith(subCode + "-"))
			.mapToInt((code) -> Integer.parseInt(code.substring(subCode.length() + 1)))
			.max()
			.orElse(0) + 1;
		if (next > 99) {
			throw InvalidInputException.of("suggestion", "framework.error.subCriterionFull", subCode);
		}
		FrameworkDefinition.Indicator indicator = new FrameworkDefinition.Indicator(
				subCode + "-" + String.format("%02d", next), new Text(suggestion.text(), null, null),
				new Text("% of the target population", null, null),
				new Text("Adopted from the " + suggestion.source() + ". Write the guidance before publishing.", null,
						null),
				Boolean.TRUE, ValueType.PERCENTAGE, Aggregation.RATIO,
				new Text("Persons of the target population for whom the indicator holds", null, null),
				new Text("Persons of the target population", null, null), List.of(), 3, suggestion.iascCriterion(),
				"Source: " + suggestion.source());
		FrameworkDefinition changed = this.documents.read(this.documents.toJson(definition
			.withIndicatorAdded(objectiveCode, subCode, new Text(suggestion.subCriterion(), null, null), indicator)));
		saveChange(draft, version, changed);
		this.audit.record(AuditAction.UPDATE, ENTITY, id,
				AuditLog.summary("audit.summary.frameworkAdopted", indicator.code(), draft.label()), null, indicator);
		return load(id);
	}

	/** Initials of the words of a name (2 to 4 capitals), or its first three letters. */
	static String abbreviation(String name) {
		StringBuilder initials = new StringBuilder();
		for (String word : name.split("[^\\p{L}]+")) {
			if (!word.isEmpty() && !List.of("and", "of", "the").contains(word.toLowerCase(java.util.Locale.ROOT))) {
				initials.append(Character.toUpperCase(word.charAt(0)));
			}
		}
		if (initials.length() >= 2) {
			return initials.substring(0, Math.min(4, initials.length()));
		}
		String letters = name.replaceAll("[^\\p{L}]", "").toUpperCase(java.util.Locale.ROOT);
		return letters.substring(0, Math.min(3, letters.length()));
	}

	/** Marks the Arabic and Kurdish texts of a draft as reviewed (or as drafts again). */
	@Transactional
	public FrameworkVersion confirmTranslations(long id, int version, boolean confirmed) {
		FrameworkVersion draft = load(id);
		String status = confirmed ? "confirmed" : "draft";
		saveChange(draft, version, draft.definition().withTranslationStatus(status));
		this.audit.record(AuditAction.UPDATE, ENTITY, id,
				AuditLog.summary("audit.summary.frameworkTranslations", draft.label(), status),
				Map.of("translationStatus", String.valueOf(draft.definition().translationStatus())),
				Map.of("translationStatus", status));
		return load(id);
	}

	private void saveChange(FrameworkVersion draft, int version, FrameworkDefinition changed) {
		if (draft.isPublished()) {
			throw InvalidInputException.of("version", "framework.error.published", draft.label());
		}
		if (!this.repository.updateDraft(draft.id(), version, changed, this.documents.toJson(changed))) {
			throw new StaleEditException(ENTITY, draft.label());
		}
	}

	/** Discards a draft; published versions are never deleted. */
	@Transactional
	public void deleteDraft(long id, int version) {
		FrameworkVersion draft = load(id);
		if (!this.repository.deleteDraft(id, version)) {
			throw new StaleEditException(ENTITY, draft.label());
		}
		this.audit.record(AuditAction.DELETE, ENTITY, id,
				AuditLog.summary("audit.summary.frameworkDiscarded", draft.frameworkCode(), draft.label()),
				Map.of("version", draft.label(), "status", draft.status().name()), null);
	}

	/** The version's framework file, YAML or JSON, as it can be imported again. */
	public String export(long id, boolean yaml) {
		FrameworkDefinition definition = load(id).definition();
		return yaml ? this.documents.toYaml(definition) : this.documents.toJson(definition);
	}

	public FrameworkComparison compare(long fromId, long toId) {
		return FrameworkComparison.of(load(fromId).definition(), load(toId).definition());
	}

	private FrameworkVersion saveDraft(FrameworkDefinition definition, @Nullable Long basedOn, String summaryKey) {
		if (!LABEL.matcher(definition.version()).matches()) {
			throw InvalidInputException.of("label", "framework.error.label");
		}
		if (this.repository.exists(definition.code(), definition.version())) {
			throw InvalidInputException.of("label", "framework.error.labelTaken", definition.version());
		}
		long id;
		try {
			id = this.repository.insert(definition, this.documents.toJson(definition), FrameworkVersion.Status.DRAFT,
					basedOn, this.clock.instant(), actor());
		}
		catch (org.springframework.dao.DataIntegrityViolationException ex) {
			throw InvalidInputException.of("label", "framework.error.labelTaken", definition.version());
		}
		this.audit.record(AuditAction.CREATE, ENTITY, id,
				AuditLog.summary(summaryKey, definition.code(), definition.version()), null, Map.of("version",
						definition.version(), "status", "DRAFT", "indicators", definition.indicators().count()));
		return load(id);
	}

	private FrameworkVersion load(long id) {
		return version(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
	}

	private static String actor() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getName() != null) ? authentication.getName()
				: AuditLog.SYSTEM;
	}

	private FrameworkVersion toVersion(FrameworkRepository.StoredVersion stored) {
		FrameworkVersion cached = this.published.get(stored.id());
		if (cached != null) {
			return cached;
		}
		FrameworkVersion version = new FrameworkVersion(stored.id(), stored.frameworkCode(), stored.label(),
				stored.status(), stored.createdAt(), stored.publishedAt(), stored.version(),
				parse(stored.definitionJson()));
		if (version.isPublished()) {
			this.published.put(version.id(), version);
		}
		return version;
	}

	private FrameworkDefinition parse(String definitionJson) {
		return this.json.readValue(definitionJson, FrameworkDefinition.class);
	}

}
