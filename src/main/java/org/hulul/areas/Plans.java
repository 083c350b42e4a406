package org.hulul.areas;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hulul.analytics.ComputedValuesChanged;
import org.hulul.platform.AuditAction;
import org.hulul.platform.AuditLog;
import org.hulul.platform.HululPrincipal;
import org.hulul.platform.InvalidInputException;
import org.hulul.platform.NotFoundException;
import org.hulul.platform.OrganisationDirectory;
import org.hulul.platform.OrganisationRef;
import org.hulul.platform.StaleEditException;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The areas' Plans of Action: everyone signed in reads them; whoever may edit the area
 * (the secretariat, administrators, its coordinators) writes the sections, moves the plan
 * through the eight steps and records the authorities' input. Every change is refused
 * when the plan changed since it was read, and audited.
 */
@Service
public class Plans {

	static final String ENTITY = "plan";

	/** The longest section text, in characters. */
	static final int MAX_SECTION = 100_000;

	private final PlanRepository repository;

	private final Areas areas;

	private final OrganisationDirectory organisations;

	private final AuditLog audit;

	private final Clock clock;

	private final ZoneId zone;

	private final ApplicationEventPublisher events;

	Plans(PlanRepository repository, Areas areas, OrganisationDirectory organisations, AuditLog audit, Clock clock,
			@Value("${hulul.time-zone:Asia/Baghdad}") String zone, ApplicationEventPublisher events) {
		this.events = events;
		this.repository = repository;
		this.areas = areas;
		this.organisations = organisations;
		this.audit = audit;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
	}

	public List<Plan> ofArea(String areaCode) {
		Area area = this.areas.get(areaCode);
		return this.repository.ofArea(area.id()).stream().map(this::get).toList();
	}

	public Plan get(long id) {
		return find(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
	}

	public Optional<Plan> find(long id) {
		return this.repository.find(id).map(this::toPlan);
	}

	/** The area a plan belongs to. */
	public Area area(Plan plan) {
		return this.areas.get(plan.area());
	}

	public boolean mayEdit(HululPrincipal me, Plan plan) {
		return Areas.mayEdit(me, area(plan));
	}

	/** Starts a plan for an area, at the first step, from today; its sections empty. */
	@Transactional
	public Plan create(HululPrincipal me, String areaCode, @Nullable String titleEn, @Nullable String titleAr) {
		Area area = this.areas.get(areaCode);
		if (!Areas.mayEdit(me, area)) {
			throw new AccessDeniedException("Not a coordinator of " + area.code());
		}
		String title = (titleEn != null) ? titleEn.strip() : "";
		if (title.isEmpty() || title.length() > 200) {
			throw InvalidInputException.of("title", "plan.error.title");
		}
		String arabic = (titleAr == null || titleAr.isBlank()) ? null : titleAr.strip();
		if (arabic != null && arabic.length() > 200) {
			throw InvalidInputException.of("titleAr", "plan.error.title");
		}
		long id = this.repository.insert(area.id(), title, arabic, today(), this.clock.instant());
		Plan created = get(id);
		this.audit.record(AuditAction.CREATE, ENTITY, id, AuditLog.summary("audit.summary.planCreated", area.code()),
				null, Map.of("title", title, "area", area.code()));
		return created;
	}

	/** Writes one section in one language (English or Arabic); empty text clears it. */
	@Transactional
	public Plan writeSection(HululPrincipal me, long id, int version, @Nullable PlanSection section,
			@Nullable String language, @Nullable String text) {
		Plan before = editable(me, id);
		if (section == null) {
			throw InvalidInputException.of("section", "plan.error.section");
		}
		if (!"en".equals(language) && !"ar".equals(language)) {
			throw InvalidInputException.of("language", "plan.error.language", String.valueOf(language));
		}
		String body = (text != null) ? text.strip().replace("\r\n", "\n") : "";
		if (body.length() > MAX_SECTION) {
			throw InvalidInputException.of("text", "plan.error.tooLong", MAX_SECTION);
		}
		if (body.equals(before.section(section, language))) {
			return before; // nothing changed, nothing to refuse
		}
		claim(before, version);
		this.repository.putSection(id, section, language, body);
		this.audit.record(AuditAction.UPDATE, ENTITY, id,
				AuditLog.summary("audit.summary.planSection", before.area(), section.name(), language),
				Map.of(section.name() + "." + language, before.section(section, language)),
				Map.of(section.name() + "." + language, body));
		return get(id);
	}

	/**
	 * Moves the plan to a step of the process (forwards, or back when a step must be done
	 * again), dated {@code on} (today when null; not in the future).
	 */
	@Transactional
	public Plan moveTo(HululPrincipal me, long id, int version, int step, @Nullable LocalDate on) {
		Plan before = editable(me, id);
		if (step < 1 || step > Plan.STEPS) {
			throw InvalidInputException.of("step", "plan.error.step", step);
		}
		LocalDate day = (on != null) ? on : today();
		if (day.isAfter(today())) {
			throw InvalidInputException.of("on", "plan.error.future", day.toString());
		}
		LocalDate started = before.steps().isEmpty() ? day : before.steps().get(0).startedOn();
		if (day.isBefore(started)) {
			throw InvalidInputException.of("on", "plan.error.beforeStart", day.toString(), started.toString());
		}
		claim(before, version);
		this.repository.moveTo(id, step, day);
		this.audit.record(AuditAction.UPDATE, ENTITY, id,
				AuditLog.summary("audit.summary.planStep", before.area(), before.step(), step),
				Map.of("step", before.step()), Map.of("step", step, "on", day.toString()));
		return get(id);
	}

	/** Records input from the authorities: a government body, the day, what they gave. */
	@Transactional
	public Plan recordInput(HululPrincipal me, long id, int version, @Nullable String organisation,
			@Nullable LocalDate on, @Nullable String summary) {
		Plan before = editable(me, id);
		OrganisationRef body = this.organisations.findByCode((organisation != null) ? organisation.strip() : "")
			.orElseThrow(() -> InvalidInputException.of("organisation", "plan.error.organisation",
					String.valueOf(organisation)));
		LocalDate day = (on != null) ? on : today();
		if (day.isAfter(today())) {
			throw InvalidInputException.of("on", "plan.error.future", day.toString());
		}
		String text = (summary != null) ? summary.strip() : "";
		if (text.isEmpty() || text.length() > 2000) {
			throw InvalidInputException.of("summary", "plan.error.summary");
		}
		claim(before, version);
		this.repository.addInput(id, body.id(), day, before.step(), text);
		this.events.publishEvent(new ComputedValuesChanged(PlanInputValues.SOURCE));
		this.audit.record(AuditAction.UPDATE, ENTITY, id,
				AuditLog.summary("audit.summary.planInput", before.area(), body.code()), null,
				Map.of("organisation", body.code(), "on", day.toString(), "summary", text));
		return get(id);
	}

	/** The plan, when the asker may edit it. */
	Plan editable(HululPrincipal me, long id) {
		Plan plan = get(id);
		if (!mayEdit(me, plan)) {
			throw new AccessDeniedException("Not a coordinator of " + plan.area());
		}
		return plan;
	}

	/**
	 * Moves the plan to its next version, refused when it is no longer at
	 * {@code version}.
	 */
	void claim(Plan plan, int version) {
		if (!this.repository.touch(plan.id(), version, this.clock.instant())) {
			throw new StaleEditException(ENTITY, String.valueOf(plan.id()));
		}
	}

	/** Today, in the zone of the reports (Iraq by default). */
	LocalDate today() {
		return LocalDate.now(this.clock.withZone(this.zone));
	}

	private Plan toPlan(PlanRepository.Stored stored) {
		String area = this.areas.all()
			.stream()
			.filter((a) -> a.id() == stored.areaId())
			.map(Area::code)
			.findFirst()
			.orElse("?");
		List<Plan.Input> inputs = stored.inputs()
			.stream()
			.map((i) -> new Plan.Input(i.id(),
					this.organisations.find(i.organisationId()).map(OrganisationRef::code).orElse("?"), i.receivedOn(),
					i.step(), i.summary()))
			.toList();
		return new Plan(stored.id(), area, stored.titleEn(), stored.titleAr(), stored.step(), stored.steps(),
				stored.sections(), inputs, stored.version());
	}

}
