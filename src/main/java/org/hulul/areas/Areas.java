package org.hulul.areas;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.hulul.analytics.ComputedValuesChanged;
import org.hulul.framework.FrameworkVersion;
import org.hulul.framework.Frameworks;
import org.hulul.geo.Location;
import org.hulul.geo.Locations;
import org.hulul.platform.AuditAction;
import org.hulul.platform.AuditLog;
import org.hulul.platform.HululPrincipal;
import org.hulul.platform.InvalidInputException;
import org.hulul.platform.NotFoundException;
import org.hulul.platform.OrganisationDirectory;
import org.hulul.platform.OrganisationRef;
import org.hulul.platform.Role;
import org.hulul.platform.StaleEditException;
import org.hulul.platform.UserAccounts;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The areas: everyone signed in reads them; the secretariat and administrators add them,
 * and change any; an area coordinator changes only the areas they coordinate. Every
 * change is checked (known p-codes, none inside another of the same area, known
 * organisations, population groups of the framework, coordinators who are area
 * coordinators), refused when the area changed since it was read, and audited.
 */
@Service
public class Areas {

	static final String ENTITY = "area";

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{1,39}");

	private final AreaRepository repository;

	private final Locations locations;

	private final OrganisationDirectory organisations;

	private final Frameworks frameworks;

	private final UserAccounts accounts;

	private final AuditLog audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Areas(AreaRepository repository, Locations locations, OrganisationDirectory organisations, Frameworks frameworks,
			UserAccounts accounts, AuditLog audit, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.repository = repository;
		this.locations = locations;
		this.organisations = organisations;
		this.frameworks = frameworks;
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
	}

	public List<Area> all() {
		return this.repository.all().stream().map(this::toArea).toList();
	}

	public Optional<Area> find(String code) {
		return this.repository.find(code).map(this::toArea);
	}

	public Area get(String code) {
		return find(code).orElseThrow(() -> new NotFoundException(ENTITY, code));
	}

	/** The areas a location is part of (it or a place it lies in is listed). */
	public List<Area> covering(String pcode) {
		return all().stream()
			.filter((a) -> a.locations().stream().anyMatch((p) -> pcode.startsWith(p) || p.startsWith(pcode)))
			.toList();
	}

	public static boolean mayCreate(HululPrincipal me) {
		return me.is(Role.SECRETARIAT) || me.is(Role.ADMIN);
	}

	public static boolean mayEdit(HululPrincipal me, Area area) {
		return mayCreate(me) || (me.is(Role.AREA_COORDINATOR) && area.coordinators().contains(me.id()));
	}

	@Transactional
	public Area create(HululPrincipal me, Entered entered) {
		if (!mayCreate(me)) {
			throw new AccessDeniedException("Only the secretariat and administrators add areas");
		}
		return add(entered);
	}

	/** Adds an area of the reference data, on first start (audited as the system). */
	@Transactional
	void seed(Entered entered) {
		add(entered);
	}

	private Area add(Entered entered) {
		String code = (entered.code() != null) ? entered.code().strip() : "";
		if (!CODE.matcher(code).matches()) {
			throw InvalidInputException.of("code", "area.error.code", code);
		}
		if (this.repository.exists(code)) {
			throw InvalidInputException.of("code", "area.error.codeTaken", code);
		}
		AreaRepository.Stored area = check(code, entered, List.of());
		long id;
		try {
			id = this.repository.insert(area, this.clock.instant());
		}
		catch (DataIntegrityViolationException ex) {
			throw InvalidInputException.of("code", "area.error.codeTaken", code);
		}
		Area created = get(code);
		this.audit.record(AuditAction.CREATE, ENTITY, id, AuditLog.summary("audit.summary.areaCreated", code), null,
				snapshot(created));
		this.events.publishEvent(new AreaSaved(code));
		return created;
	}

	/**
	 * Changes an area (everything but its code), refused when its version is no longer
	 * {@code version}. An area coordinator may not change who coordinates it.
	 */
	@Transactional
	public Area update(HululPrincipal me, String code, int version, Entered entered) {
		Area before = get(code);
		if (!mayEdit(me, before)) {
			throw new AccessDeniedException("Not a coordinator of " + before.code());
		}
		Entered change = mayCreate(me) ? entered
				: new Entered(before.code(), entered.nameEn(), entered.nameAr(), entered.type(), entered.status(),
						entered.locations(), entered.roles(), entered.populationGroups(), usernames(before));
		AreaRepository.Stored area = check(before.code(), change, before.coordinators());
		if (!this.repository.update(before.id(), version, area, this.clock.instant())) {
			throw new StaleEditException(ENTITY, before.code());
		}
		Area after = get(code);
		this.audit.record(AuditAction.UPDATE, ENTITY, before.id(),
				AuditLog.summary("audit.summary.areaChanged", before.code()), snapshot(before), snapshot(after));
		this.events.publishEvent(new AreaSaved(after.code()));
		if (!after.locations().equals(before.locations())) {
			// the plans' input is counted at the area's first location
			this.events.publishEvent(new ComputedValuesChanged(PlanInputValues.SOURCE));
		}
		return after;
	}

	/** The area as entered, checked, every problem named by its field. */
	private AreaRepository.Stored check(String code, Entered entered, List<Long> keptCoordinators) {
		List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
		String nameEn = (entered.nameEn() != null) ? entered.nameEn().strip() : "";
		if (nameEn.isEmpty() || nameEn.length() > 200) {
			problems.add(fieldProblem("name", "area.error.name"));
		}
		String nameAr = (entered.nameAr() == null || entered.nameAr().isBlank()) ? null : entered.nameAr().strip();
		if (nameAr != null && nameAr.length() > 200) {
			problems.add(fieldProblem("nameAr", "area.error.name"));
		}
		AreaType type = parse(AreaType.class, entered.type(), "type", problems);
		AreaStatus status = (entered.status() == null || entered.status().isBlank()) ? AreaStatus.ACTIVE
				: parse(AreaStatus.class, entered.status(), "status", problems);
		Set<String> pcodes = new LinkedHashSet<>();
		for (String given : (entered.locations() != null) ? entered.locations() : List.<String>of()) {
			String pcode = (given != null) ? given.strip().toUpperCase(Locale.ROOT) : "";
			if (pcode.isEmpty()) {
				continue;
			}
			Optional<Location> place = this.locations.find(pcode);
			if (place.isEmpty()) {
				problems.add(fieldProblem("locations", "area.error.location", pcode));
			}
			else {
				pcodes.add(place.get().pcode());
			}
		}
		if (pcodes.isEmpty()) {
			problems.add(fieldProblem("locations", "area.error.noLocation"));
		}
		for (String pcode : pcodes) {
			for (String other : pcodes) {
				if (!other.equals(pcode) && pcode.startsWith(other)) {
					problems.add(fieldProblem("locations", "area.error.inside", pcode, other));
				}
			}
		}
		List<AreaRepository.StoredRole> roles = new ArrayList<>();
		int row = 0;
		for (RoleEntered role : (entered.roles() != null) ? entered.roles() : List.<RoleEntered>of()) {
			String field = "roles[" + row++ + "]";
			if ((role.role() == null || role.role().isBlank())
					&& (role.organisation() == null || role.organisation().isBlank())) {
				continue; // an empty line of the form
			}
			AreaRoleKind kind = parse(AreaRoleKind.class, role.role(), field + ".role", problems);
			String organisation = (role.organisation() != null) ? role.organisation().strip() : "";
			Optional<OrganisationRef> found = this.organisations.findByCode(organisation);
			if (found.isEmpty()) {
				problems.add(fieldProblem(field + ".organisation", "area.error.organisation", organisation));
			}
			String note = (role.note() == null || role.note().isBlank()) ? null : role.note().strip();
			if (note != null && note.length() > 300) {
				problems.add(fieldProblem(field + ".note", "area.error.note"));
			}
			if (kind != null && found.isPresent()) {
				roles.add(new AreaRepository.StoredRole(kind, found.get().id(), note));
			}
		}
		Set<String> known = new LinkedHashSet<>();
		this.frameworks.current()
			.map(FrameworkVersion::definition)
			.ifPresent((f) -> f.populationGroups().forEach((g) -> known.add(g.code())));
		Set<String> groups = new LinkedHashSet<>();
		for (String group : (entered.populationGroups() != null) ? entered.populationGroups() : List.<String>of()) {
			if (group == null || group.isBlank()) {
				continue;
			}
			if (!known.contains(group.strip())) {
				problems.add(fieldProblem("populationGroups", "area.error.populationGroup", group.strip()));
			}
			groups.add(group.strip());
		}
		List<Long> coordinators = new ArrayList<>();
		if (entered.coordinators() == null) {
			coordinators.addAll(keptCoordinators);
		}
		else {
			for (String username : entered.coordinators()) {
				if (username == null || username.isBlank()) {
					continue;
				}
				Optional<HululPrincipal> user = this.accounts.principal(username.strip());
				if (user.isEmpty() || !user.get().is(Role.AREA_COORDINATOR)) {
					problems.add(fieldProblem("coordinators", "area.error.coordinator", username.strip()));
				}
				else if (!coordinators.contains(user.get().id())) {
					coordinators.add(user.get().id());
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new AreaRepository.Stored(0, code, nameEn, nameAr, type, status, List.copyOf(pcodes), roles,
				List.copyOf(groups), coordinators, 0);
	}

	private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String value, String field,
			List<InvalidInputException.FieldProblem> problems) {
		try {
			return Enum.valueOf(type, (value != null) ? value.strip().toUpperCase(Locale.ROOT) : "");
		}
		catch (IllegalArgumentException ex) {
			problems.add(fieldProblem(field, "area.error.choice", String.valueOf(value)));
			return null;
		}
	}

	private static InvalidInputException.FieldProblem fieldProblem(String field, String key, Object... args) {
		return new InvalidInputException.FieldProblem(field, key, List.of(args));
	}

	private List<String> usernames(Area area) {
		return area.coordinators()
			.stream()
			.map((id) -> this.accounts.principal(id).map(HululPrincipal::getUsername).orElse(""))
			.toList();
	}

	/** The coordinators' user names, for pages and the API. */
	public List<String> coordinatorNames(Area area) {
		return usernames(area).stream().filter((u) -> !u.isEmpty()).toList();
	}

	private Area toArea(AreaRepository.Stored stored) {
		List<Area.Role> roles = stored.roles()
			.stream()
			.map((r) -> new Area.Role(r.role(),
					this.organisations.find(r.organisationId()).map(OrganisationRef::code).orElse("?"), r.note()))
			.toList();
		return new Area(stored.id(), stored.code(), stored.nameEn(), stored.nameAr(), stored.type(), stored.status(),
				stored.locations(), roles, stored.populationGroups(), stored.coordinators(), stored.version());
	}

	private static Map<String, Object> snapshot(Area area) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("name", area.nameEn());
		state.put("nameAr", String.valueOf(area.nameAr()));
		state.put("type", area.type().name());
		state.put("status", area.status().name());
		state.put("locations", area.locations());
		state.put("roles", area.roles().stream().map((r) -> r.role() + " " + r.organisation()).toList());
		state.put("populationGroups", area.populationGroups());
		state.put("coordinators", area.coordinators());
		return state;
	}

	/** An area as someone entered it; coordinators by user name (null: leave them). */
	public record Entered(@Nullable String code, @Nullable String nameEn, @Nullable String nameAr,
			@Nullable String type, @Nullable String status, @Nullable List<String> locations,
			@Nullable List<RoleEntered> roles, @Nullable List<String> populationGroups,
			@Nullable List<String> coordinators) {
	}

	/** A role as entered: the role, the organisation's code and a note. */
	public record RoleEntered(@Nullable String role, @Nullable String organisation, @Nullable String note) {
	}

}
