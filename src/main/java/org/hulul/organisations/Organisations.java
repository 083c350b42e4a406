package org.hulul.organisations;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.hulul.platform.AuditAction;
import org.hulul.platform.AuditLog;
import org.hulul.platform.InvalidInputException;
import org.hulul.platform.InvalidInputException.FieldProblem;
import org.hulul.platform.NotFoundException;
import org.hulul.platform.OrganisationDirectory;
import org.hulul.platform.OrganisationRef;
import org.hulul.platform.StaleEditException;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisations module's API: list, create, edit, deactivate and reactivate, each
 * change checked and audited. Deactivated organisations are kept, never deleted, because
 * reports and users refer to them.
 */
@Service
public class Organisations implements OrganisationDirectory {

	private static final Pattern CODE = Pattern.compile("[\\p{L}0-9][\\p{L}0-9&-]{0,39}");

	private static final String ENTITY = "organisation";

	private final OrganisationRepository repository;

	private final AuditLog audit;

	private final Clock clock;

	Organisations(OrganisationRepository repository, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.audit = audit;
		this.clock = clock;
	}

	public List<Organisation> list() {
		return this.repository.all();
	}

	public Optional<Organisation> get(long id) {
		return this.repository.find(id);
	}

	public Optional<Organisation> getByCode(String code) {
		return this.repository.findByCode(code);
	}

	public long count() {
		return this.repository.count();
	}

	/**
	 * Organisations whose code or English or Arabic name contains {@code query} (ignoring
	 * case), of the given type if any; deactivated ones only when asked.
	 */
	public List<Organisation> search(@Nullable String query, @Nullable OrganisationType type, boolean includeInactive) {
		String q = (query != null) ? query.strip().toLowerCase(java.util.Locale.ROOT) : "";
		return this.repository.all()
			.stream()
			.filter((o) -> includeInactive || o.active())
			.filter((o) -> type == null || o.type() == type)
			.filter((o) -> q.isEmpty() || o.code().toLowerCase(java.util.Locale.ROOT).contains(q)
					|| o.nameEn().toLowerCase(java.util.Locale.ROOT).contains(q)
					|| (o.nameAr() != null && o.nameAr().contains(q)))
			.toList();
	}

	@Transactional
	public Organisation create(OrganisationDetails entered, boolean demo) {
		OrganisationDetails details = check(entered, null);
		long id;
		try {
			id = this.repository.insert(details, demo, this.clock.instant());
		}
		catch (DataIntegrityViolationException ex) {
			throw codeTaken(details);
		}
		Organisation created = this.repository.find(id).orElseThrow();
		this.audit.record(AuditAction.CREATE, ENTITY, created.id(),
				AuditLog.summary("audit.summary.organisationCreated", created.code()), null, snapshot(created));
		return created;
	}

	/**
	 * Saves new details, and the active flag when given, as one change; refused when the
	 * version is no longer the saved one.
	 */
	@Transactional
	public Organisation update(long id, int version, OrganisationDetails entered, @Nullable Boolean active) {
		Organisation before = this.repository.find(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
		OrganisationDetails details = check(entered, before);
		boolean saved;
		try {
			saved = this.repository.update(id, version, details, (active != null) ? active : before.active(),
					this.clock.instant());
		}
		catch (DataIntegrityViolationException ex) {
			throw codeTaken(details);
		}
		if (!saved) {
			throw new StaleEditException(ENTITY, before.code());
		}
		Organisation after = this.repository.find(id).orElseThrow();
		this.audit.record(AuditAction.UPDATE, ENTITY, after.id(),
				AuditLog.summary("audit.summary.organisationChanged", after.code()), snapshot(before), snapshot(after));
		return after;
	}

	@Transactional
	public Organisation setActive(long id, int version, boolean active) {
		Organisation before = this.repository.find(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
		if (!this.repository.setActive(id, version, active, this.clock.instant())) {
			throw new StaleEditException(ENTITY, before.code());
		}
		Organisation after = this.repository.find(id).orElseThrow();
		this.audit.record(AuditAction.UPDATE, ENTITY, after.id(),
				AuditLog.summary(
						active ? "audit.summary.organisationReactivated" : "audit.summary.organisationDeactivated",
						after.code()),
				snapshot(before), snapshot(after));
		return after;
	}

	private static InvalidInputException codeTaken(OrganisationDetails details) {
		return InvalidInputException.of("code", "organisation.error.codeTaken", details.code());
	}

	private OrganisationDetails check(OrganisationDetails entered, @Nullable Organisation existing) {
		List<FieldProblem> problems = new ArrayList<>();
		String code = (entered.code() != null) ? entered.code().strip() : "";
		if (!CODE.matcher(code).matches()) {
			problems.add(new FieldProblem("code", "organisation.error.code", List.of()));
		}
		else {
			this.repository.findByCode(code)
				.filter((other) -> existing == null || other.id() != existing.id())
				.ifPresent((other) -> problems
					.add(new FieldProblem("code", "organisation.error.codeTaken", List.of(other.code()))));
		}
		String nameEn = (entered.nameEn() != null) ? entered.nameEn().strip() : "";
		if (nameEn.isEmpty() || nameEn.length() > 300) {
			problems.add(new FieldProblem("nameEn", "organisation.error.name", List.of()));
		}
		String nameAr = (entered.nameAr() != null && !entered.nameAr().isBlank()) ? entered.nameAr().strip() : null;
		if (nameAr != null && nameAr.length() > 300) {
			problems.add(new FieldProblem("nameAr", "organisation.error.name", List.of()));
		}
		if (entered.type() == null) {
			problems.add(new FieldProblem("type", "organisation.error.type", List.of()));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new OrganisationDetails(code, nameEn, nameAr, entered.type(),
				(entered.programming() == null || entered.programming().isEmpty()) ? EnumSet.noneOf(Programming.class)
						: EnumSet.copyOf(entered.programming()));
	}

	private static Map<String, Object> snapshot(Organisation o) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("code", o.code());
		state.put("nameEn", o.nameEn());
		state.put("nameAr", o.nameAr());
		state.put("type", o.type().name());
		state.put("programming", o.programming().stream().map(Enum::name).sorted().toList());
		state.put("active", o.active());
		return state;
	}

	// OrganisationDirectory, for the platform

	@Override
	public List<OrganisationRef> all() {
		return this.repository.all().stream().map(Organisation::toRef).toList();
	}

	@Override
	public Optional<OrganisationRef> find(long id) {
		return this.repository.find(id).map(Organisation::toRef);
	}

	@Override
	public Optional<OrganisationRef> findByCode(String code) {
		return this.repository.findByCode(code).map(Organisation::toRef);
	}

}
