package org.hulul.coordination;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.hulul.areas.Area;
import org.hulul.areas.Areas;
import org.hulul.organisations.Organisation;
import org.hulul.organisations.Organisations;
import org.hulul.platform.AuditAction;
import org.hulul.platform.AuditLog;
import org.hulul.platform.HululPrincipal;
import org.hulul.platform.InvalidInputException;
import org.hulul.platform.NotFoundException;
import org.hulul.platform.Role;
import org.hulul.platform.StaleEditException;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coordination bodies and the seats of their membership: everyone signed in reads
 * them; the secretariat and administrators change the seats, each change checked (a known
 * organisation, a term that ends after it starts), refused when the seat changed since it
 * was read, and audited. The composition check lists every rule of the terms of reference
 * the current membership breaks.
 */
@Service
public class Bodies {

	static final String SEAT_ENTITY = "seat";

	private final BodyRepository repository;

	private final Organisations organisations;

	private final Areas areas;

	private final AuditLog audit;

	private final Clock clock;

	private final ZoneId zone;

	Bodies(BodyRepository repository, Organisations organisations, Areas areas, AuditLog audit, Clock clock,
			@Value("${hulul.time-zone:Asia/Baghdad}") String zone) {
		this.repository = repository;
		this.areas = areas;
		this.organisations = organisations;
		this.audit = audit;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
	}

	public static boolean mayEdit(HululPrincipal me) {
		return me.is(Role.SECRETARIAT) || me.is(Role.ADMIN);
	}

	/**
	 * Whether the asker runs the body's meetings: the secretariat, administrators, and an
	 * area group's coordinators.
	 */
	public boolean mayRun(HululPrincipal me, Body body) {
		if (mayEdit(me)) {
			return true;
		}
		return body.area() != null && me.is(Role.AREA_COORDINATOR)
				&& this.areas.find(body.area()).map((a) -> Areas.mayEdit(me, a)).orElse(false);
	}

	/**
	 * Makes an area's group a body of the architecture, or brings it up to date: named as
	 * the area, reporting to the DSTWG, its co-chairs and secretariat as leads.
	 */
	@Transactional
	void syncArea(Area area) {
		Optional<Body> existing = find(area.code());
		if (existing.isPresent() && existing.get().kind() != BodyKind.AREA_GROUP) {
			return; // a body of the architecture has that code already
		}
		List<BodyRepository.StoredLead> leads = new ArrayList<>();
		for (Area.Role role : area.roles()) {
			LeadRole lead = switch (role.role()) {
				case GOVERNMENT_CO_CHAIR, INTERNATIONAL_CO_CHAIR -> LeadRole.CO_CHAIR;
				case SECRETARIAT -> LeadRole.SECRETARIAT;
				default -> null;
			};
			Optional<Organisation> organisation = this.organisations.getByCode(role.organisation());
			if (lead != null && organisation.isPresent()
					&& leads.stream().noneMatch((l) -> l.organisationId() == organisation.get().id())) {
				leads.add(new BodyRepository.StoredLead(lead, organisation.get().id()));
			}
		}
		Long parent = find(TermsOfReference.DSTWG).map(Body::id).orElse(null);
		if (existing.isPresent()) {
			this.repository.update(existing.get().id(), area.nameEn(), area.nameAr(), parent, leads);
		}
		else {
			long id = this.repository.insert(new BodyRepository.Stored(0, area.code(), area.nameEn(), area.nameAr(),
					BodyKind.AREA_GROUP, parent, area.code(), null, null, null, leads, 0));
			this.audit.record(AuditAction.CREATE, "body", id, AuditLog.summary("audit.summary.bodyAdded", area.code()),
					null, Map.of("code", area.code(), "kind", BodyKind.AREA_GROUP.name()));
		}
	}

	public List<Body> all() {
		List<BodyRepository.Stored> stored = this.repository.all();
		Map<Long, String> codes = new HashMap<>();
		stored.forEach((b) -> codes.put(b.id(), b.code()));
		return stored.stream().map((b) -> toBody(b, codes)).toList();
	}

	public Optional<Body> find(String code) {
		return all().stream().filter((b) -> b.code().equalsIgnoreCase(code.strip())).findFirst();
	}

	public Body get(String code) {
		return find(code).orElseThrow(() -> new NotFoundException("body", code));
	}

	/** The bodies that report to a body. */
	public List<Body> reportingTo(String code) {
		return all().stream().filter((b) -> code.equals(b.reportsTo())).toList();
	}

	public LocalDate today() {
		return LocalDate.now(this.clock.withZone(this.zone));
	}

	/** The body's seats, by category and term. */
	public List<Seat> seats(String code) {
		Body body = get(code);
		return this.repository.seats(body.id()).stream().map((s) -> toSeat(s, body.code())).toList();
	}

	/**
	 * The body's rotation: the days seats' terms end, from today on, each with the
	 * organisations whose seats end then.
	 */
	public List<Rotation> rotation(String code) {
		LocalDate today = today();
		Map<LocalDate, List<String>> ends = new TreeMap<>();
		for (Seat seat : seats(code)) {
			if (!seat.termEnd().isBefore(today)) {
				ends.computeIfAbsent(seat.termEnd(), (k) -> new ArrayList<>()).add(seat.organisation());
			}
		}
		return ends.entrySet().stream().map((e) -> new Rotation(e.getKey(), List.copyOf(e.getValue()))).toList();
	}

	/** A day seats' terms end, and whose. */
	public record Rotation(LocalDate ends, List<String> organisations) {
	}

	/** The rules of the terms of reference the body's current membership breaks today. */
	public MembershipCheck check(String code) {
		Body body = get(code);
		Map<String, Organisation> known = new HashMap<>();
		this.organisations.list().forEach((o) -> known.put(o.code(), o));
		List<TermsOfReference.Violation> violations = TermsOfReference.check(body.code(), seats(body.code()), known,
				today());
		return new MembershipCheck(violations.isEmpty(), violations);
	}

	/** A composition checked: valid when no rule is broken. */
	public record MembershipCheck(boolean valid, List<TermsOfReference.Violation> violations) {
	}

	/** Adds a seat to a body's membership. */
	@Transactional
	public Seat addSeat(HululPrincipal me, String code, SeatEntered entered) {
		requireEditor(me);
		Body body = get(code);
		BodyRepository.StoredSeat seat = check(body, 0, entered);
		long id = this.repository.insertSeat(seat);
		Seat added = seat(body, id);
		this.audit.record(AuditAction.CREATE, SEAT_ENTITY, id,
				AuditLog.summary("audit.summary.seatAdded", body.code(), added.organisation()), null, snapshot(added));
		return added;
	}

	/** Changes a seat, refused when it is no longer at {@code version}. */
	@Transactional
	public Seat changeSeat(HululPrincipal me, String code, long id, int version, SeatEntered entered) {
		requireEditor(me);
		Body body = get(code);
		Seat before = seat(body, id);
		BodyRepository.StoredSeat seat = check(body, id, entered);
		if (!this.repository.updateSeat(seat, version)) {
			throw new StaleEditException(SEAT_ENTITY, String.valueOf(id));
		}
		Seat after = seat(body, id);
		this.audit.record(AuditAction.UPDATE, SEAT_ENTITY, id,
				AuditLog.summary("audit.summary.seatChanged", body.code(), after.organisation()), snapshot(before),
				snapshot(after));
		return after;
	}

	/** Removes a seat, refused when it is no longer at {@code version}. */
	@Transactional
	public void removeSeat(HululPrincipal me, String code, long id, int version) {
		requireEditor(me);
		Body body = get(code);
		Seat before = seat(body, id);
		if (!this.repository.deleteSeat(id, version)) {
			throw new StaleEditException(SEAT_ENTITY, String.valueOf(id));
		}
		this.audit.record(AuditAction.DELETE, SEAT_ENTITY, id,
				AuditLog.summary("audit.summary.seatRemoved", body.code(), before.organisation()), snapshot(before),
				null);
	}

	/**
	 * Puts an organisation at the head of a body (as lead or co-chair), in place of the
	 * organisation stepping down, if any: the result of an endorsed selection.
	 */
	@Transactional
	void appoint(String code, LeadRole role, String organisation, @Nullable String replaces) {
		BodyRepository.Stored stored = this.repository.all()
			.stream()
			.filter((b) -> b.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("body", code));
		long appointed = this.organisations.getByCode(organisation)
			.orElseThrow(() -> new NotFoundException("organisation", organisation))
			.id();
		Long leaving = (replaces != null) ? this.organisations.getByCode(replaces).map(Organisation::id).orElse(null)
				: null;
		List<BodyRepository.StoredLead> leads = new ArrayList<>();
		for (BodyRepository.StoredLead lead : stored.leads()) {
			if (lead.organisationId() != appointed && (leaving == null || lead.organisationId() != leaving)) {
				leads.add(lead);
			}
		}
		leads.add(new BodyRepository.StoredLead(role, appointed));
		this.repository.update(stored.id(), stored.nameEn(), stored.nameAr(), stored.reportsTo(), leads);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put(role.name(), organisation);
		after.put("replaces", String.valueOf(replaces));
		this.audit.record(AuditAction.UPDATE, "body", stored.id(),
				AuditLog.summary("audit.summary.leadAppointed", code, organisation), null, after);
	}

	/** Adds a body of the reference data, on first start. */
	@Transactional
	void seed(String code, String nameEn, @Nullable String nameAr, BodyKind kind, @Nullable String reportsTo,
			@Nullable Integer seats, @Nullable String purpose, List<Body.Lead> leads) {
		Long parent = (reportsTo != null) ? find(reportsTo).map(Body::id).orElse(null) : null;
		List<BodyRepository.StoredLead> stored = new ArrayList<>();
		for (Body.Lead lead : leads) {
			this.organisations.getByCode(lead.organisation())
				.ifPresent((o) -> stored.add(new BodyRepository.StoredLead(lead.role(), o.id())));
		}
		long id = this.repository.insert(new BodyRepository.Stored(0, code, nameEn, nameAr, kind, parent, null, purpose,
				null, seats, stored, 0));
		this.audit.record(AuditAction.CREATE, "body", id, AuditLog.summary("audit.summary.bodyAdded", code), null,
				Map.of("code", code, "kind", kind.name()));
	}

	private Seat seat(Body body, long id) {
		return this.repository.seat(id)
			.filter((s) -> s.bodyId() == body.id())
			.map((s) -> toSeat(s, body.code()))
			.orElseThrow(() -> new NotFoundException(SEAT_ENTITY, id));
	}

	private BodyRepository.StoredSeat check(Body body, long id, SeatEntered entered) {
		List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
		SeatCategory category = null;
		try {
			category = SeatCategory
				.valueOf((entered.category() != null) ? entered.category().strip().toUpperCase(Locale.ROOT) : "");
		}
		catch (IllegalArgumentException ex) {
			problems.add(fieldProblem("category", "seat.error.category", String.valueOf(entered.category())));
		}
		String code = (entered.organisation() != null) ? entered.organisation().strip() : "";
		Optional<Organisation> holder = this.organisations.getByCode(code);
		if (holder.isEmpty()) {
			problems.add(fieldProblem("organisation", "seat.error.organisation", code));
		}
		String representative = text(entered.representative(), "representative", problems);
		String alternate = text(entered.alternate(), "alternate", problems);
		LocalDate start = date(entered.termStart(), "termStart", problems);
		LocalDate end = date(entered.termEnd(), "termEnd", problems);
		if (start == null && !problems.stream().anyMatch((p) -> p.field().equals("termStart"))) {
			problems.add(fieldProblem("termStart", "seat.error.noDate"));
		}
		if (end == null && !problems.stream().anyMatch((p) -> p.field().equals("termEnd"))) {
			problems.add(fieldProblem("termEnd", "seat.error.noDate"));
		}
		if (start != null && end != null && !end.isAfter(start)) {
			problems.add(fieldProblem("termEnd", "seat.error.termEnd", end.toString(), start.toString()));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new BodyRepository.StoredSeat(id, body.id(), category, holder.get().id(), representative, alternate,
				start, end, 0);
	}

	private static @Nullable String text(@Nullable String given, String field,
			List<InvalidInputException.FieldProblem> problems) {
		String text = (given == null || given.isBlank()) ? null : given.strip();
		if (text != null && text.length() > 200) {
			problems.add(fieldProblem(field, "seat.error.tooLong"));
		}
		return text;
	}

	private static @Nullable LocalDate date(@Nullable String text, String field,
			List<InvalidInputException.FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			problems.add(fieldProblem(field, "seat.error.date", text.strip()));
			return null;
		}
	}

	private void requireEditor(HululPrincipal me) {
		if (!mayEdit(me)) {
			throw new AccessDeniedException("Only the secretariat and administrators change the membership");
		}
	}

	private Body toBody(BodyRepository.Stored stored, Map<Long, String> codes) {
		List<Body.Lead> leads = stored.leads()
			.stream()
			.map((l) -> new Body.Lead(l.role(), organisation(l.organisationId())))
			.toList();
		return new Body(stored.id(), stored.code(), stored.nameEn(), stored.nameAr(), stored.kind(),
				(stored.reportsTo() != null) ? codes.get(stored.reportsTo()) : null, stored.area(), stored.purpose(),
				stored.endsOn(), stored.seats(), leads, stored.version());
	}

	private Seat toSeat(BodyRepository.StoredSeat stored, String body) {
		return new Seat(stored.id(), body, stored.category(), organisation(stored.organisationId()),
				stored.representative(), stored.alternate(), stored.termStart(), stored.termEnd(), stored.version());
	}

	String organisation(long id) {
		return this.organisations.get(id).map(Organisation::code).orElse("?");
	}

	private static Map<String, Object> snapshot(Seat seat) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("category", seat.category().name());
		state.put("organisation", seat.organisation());
		state.put("representative", String.valueOf(seat.representative()));
		state.put("alternate", String.valueOf(seat.alternate()));
		state.put("term", seat.termStart() + "/" + seat.termEnd());
		return state;
	}

	private static InvalidInputException.FieldProblem fieldProblem(String field, String key, Object... args) {
		return new InvalidInputException.FieldProblem(field, key, List.of(args));
	}

	/**
	 * A seat as entered: category, organisation code, representative and alternate (by
	 * role), term dates.
	 */
	public record SeatEntered(@Nullable String category, @Nullable String organisation, @Nullable String representative,
			@Nullable String alternate, @Nullable String termStart, @Nullable String termEnd) {
	}

}
