package org.hulul.exchange;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import org.hulul.framework.FrameworkVersion;
import org.hulul.framework.Frameworks;
import org.hulul.geo.Locations;
import org.hulul.platform.AuditAction;
import org.hulul.platform.AuditLog;
import org.hulul.platform.HululPrincipal;
import org.hulul.platform.InvalidInputException;
import org.hulul.platform.NotFoundException;
import org.hulul.platform.OrganisationDirectory;
import org.hulul.platform.Role;
import org.hulul.platform.StaleEditException;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mapping table of DHIS2 and ADX codes: everyone signed in reads it; the secretariat
 * and administrators add, change and delete rows, each change checked against the
 * framework, the locations and the organisations, refused when the row changed since it
 * was read, and audited.
 */
@Service
public class CodeMappings {

	static final String ENTITY = "code_mapping";

	private final CodeMappingRepository repository;

	private final Frameworks frameworks;

	private final Locations locations;

	private final OrganisationDirectory organisations;

	private final AuditLog audit;

	private final Clock clock;

	CodeMappings(CodeMappingRepository repository, Frameworks frameworks, Locations locations,
			OrganisationDirectory organisations, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.frameworks = frameworks;
		this.locations = locations;
		this.organisations = organisations;
		this.audit = audit;
		this.clock = clock;
	}

	public List<CodeMapping> all() {
		return this.repository.all();
	}

	public static boolean mayEdit(HululPrincipal me) {
		return me.is(Role.SECRETARIAT) || me.is(Role.ADMIN);
	}

	/** Adds a row for the kind's external code. */
	@Transactional
	public CodeMapping create(HululPrincipal me, Entered entered) {
		requireEditor(me);
		Entered row = check(entered);
		long id;
		try {
			if (this.repository.find(row.kind(), row.externalCode()).isPresent()) {
				throw taken(row);
			}
			id = this.repository.insert(row.kind(), row.externalCode(), row.hululValue(), row.populationGroup(),
					this.clock.instant());
		}
		catch (DataIntegrityViolationException ex) {
			throw taken(row);
		}
		CodeMapping created = this.repository.find(id).orElseThrow();
		this.audit.record(AuditAction.CREATE, ENTITY, id,
				AuditLog.summary("audit.summary.codeMappingCreated", created.kind(), created.externalCode()), null,
				snapshot(created));
		return created;
	}

	/** Changes a row, refused when its version is no longer {@code version}. */
	@Transactional
	public CodeMapping update(HululPrincipal me, long id, int version, Entered entered) {
		requireEditor(me);
		CodeMapping before = this.repository.find(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
		Entered row = check(
				new Entered(before.kind(), entered.externalCode(), entered.hululValue(), entered.populationGroup()));
		if (row.externalCode().equals(before.externalCode()) && row.hululValue().equals(before.hululValue())
				&& java.util.Objects.equals(row.populationGroup(), before.populationGroup())
				&& version == before.version()) {
			return before;
		}
		boolean saved;
		try {
			saved = this.repository.update(id, version, row.externalCode(), row.hululValue(), row.populationGroup(),
					this.clock.instant());
		}
		catch (DataIntegrityViolationException ex) {
			throw taken(row);
		}
		if (!saved) {
			throw new StaleEditException(ENTITY, before.externalCode());
		}
		CodeMapping after = this.repository.find(id).orElseThrow();
		this.audit.record(AuditAction.UPDATE, ENTITY, id,
				AuditLog.summary("audit.summary.codeMappingChanged", after.kind(), after.externalCode()),
				snapshot(before), snapshot(after));
		return after;
	}

	/**
	 * Adds the row, or changes the kind's row of the same external code when
	 * {@code version} is its version (refused when it is not, or not given).
	 */
	@Transactional
	public CodeMapping put(HululPrincipal me, Entered entered, @Nullable Integer version) {
		requireEditor(me);
		Entered row = check(entered);
		return this.repository.find(row.kind(), row.externalCode()).map((existing) -> {
			if (version == null) {
				throw new StaleEditException(ENTITY, existing.externalCode());
			}
			return update(me, existing.id(), version, row);
		}).orElseGet(() -> create(me, row));
	}

	/** Several rows as {@link #put} takes them, all or none. */
	@Transactional
	public List<CodeMapping> putAll(HululPrincipal me, List<Put> rows) {
		requireEditor(me);
		return rows.stream().map((row) -> put(me, row.entered(), row.version())).toList();
	}

	@Transactional
	public void delete(HululPrincipal me, long id, int version) {
		requireEditor(me);
		CodeMapping before = this.repository.find(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
		if (!this.repository.delete(id, version)) {
			throw new StaleEditException(ENTITY, before.externalCode());
		}
		this.audit.record(AuditAction.DELETE, ENTITY, id,
				AuditLog.summary("audit.summary.codeMappingDeleted", before.kind(), before.externalCode()),
				snapshot(before), null);
	}

	/** The table as an import or an export reads it. */
	Dhis2Codes codes() {
		return new Dhis2Codes(this.repository.all(),
				this.frameworks.current().map(FrameworkVersion::definition).orElse(null),
				(pcode) -> this.locations.find(pcode).isPresent(), this.organisations);
	}

	/** A row as entered: the Hulul value is checked and written in its stored form. */
	private Entered check(Entered entered) {
		if (entered.kind() == null) {
			throw InvalidInputException.of("kind", "dhis2.mapping.error.kind");
		}
		String external = (entered.externalCode() != null) ? entered.externalCode().strip() : "";
		if (external.isEmpty() || external.length() > 200) {
			throw InvalidInputException.of("externalCode", "dhis2.mapping.error.externalCode");
		}
		String value = (entered.hululValue() != null) ? entered.hululValue().strip() : "";
		Dhis2Codes codes = codes();
		String group = null;
		String stored = switch (entered.kind()) {
			case DATA_ELEMENT -> codes.element(value)
				.map((e) -> e.part().append(e.indicator()))
				.orElseThrow(() -> InvalidInputException.of("hululValue", "dhis2.mapping.error.indicator", value));
			case ORG_UNIT -> codes.location(value)
				.orElseThrow(() -> InvalidInputException.of("hululValue", "dhis2.mapping.error.location", value));
			case ATTRIBUTE_OPTION_COMBO -> codes.organisation(value)
				.orElseThrow(() -> InvalidInputException.of("hululValue", "dhis2.mapping.error.organisation", value));
			case CATEGORY_OPTION_COMBO -> {
				String given = (entered.populationGroup() != null) ? entered.populationGroup().strip() : "";
				Dhis2Codes.Combo combo = codes.combo(value, given)
					.orElseThrow(
							() -> InvalidInputException.of("hululValue", "dhis2.mapping.error.combo", value, given));
				group = combo.populationGroup();
				yield stored(combo.breakdown());
			}
		};
		return new Entered(entered.kind(), external, stored, group);
	}

	private static String stored(SortedMap<String, String> breakdown) {
		StringBuilder pairs = new StringBuilder();
		breakdown.forEach((category,
				option) -> pairs.append((pairs.length() > 0) ? ";" : "").append(category).append('=').append(option));
		return pairs.toString();
	}

	private static InvalidInputException taken(Entered row) {
		return InvalidInputException.of("externalCode", "dhis2.mapping.error.taken", row.externalCode());
	}

	private static void requireEditor(HululPrincipal me) {
		if (!mayEdit(me)) {
			throw new AccessDeniedException("Only the secretariat and administrators change the mapping table");
		}
	}

	private static Map<String, Object> snapshot(CodeMapping mapping) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("kind", mapping.kind().name());
		state.put("externalCode", mapping.externalCode());
		state.put("hululValue", mapping.hululValue());
		state.put("populationGroup", mapping.populationGroup());
		return state;
	}

	/** A row to add or change, with the version it was read at when it exists. */
	public record Put(Entered entered, @Nullable Integer version) {
	}

	/** A row as someone entered it. */
	public record Entered(@Nullable CodeMappingKind kind, @Nullable String externalCode, @Nullable String hululValue,
			@Nullable String populationGroup) {
	}

}
