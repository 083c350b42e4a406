package org.hulul.areas;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;
import org.hulul.platform.AuditAction;
import org.hulul.platform.AuditLog;
import org.hulul.platform.HululPrincipal;
import org.hulul.platform.InvalidInputException;
import org.hulul.platform.NotFoundException;
import org.hulul.platform.OrganisationDirectory;
import org.hulul.platform.OrganisationRef;
import org.hulul.platform.StaleEditException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review of the Plans of Action and the versions kept of them. The plan's editors
 * open a review round with a deadline (a week by default, as the framework's review did)
 * and the organisations that review each section; people of those organisations comment
 * on their sections until the deadline; the editors resolve every comment, then record
 * the endorsement, which ends the round. A version of the plan is kept when a round
 * opens, when the plan is endorsed, and whenever an editor keeps one; any two compare
 * section by section, line by line. Every step is audited.
 */
@Service
public class Reviews {

	/** Days from opening to the deadline when none is given. */
	static final int DEFAULT_DAYS = 7;

	private final ReviewRepository repository;

	private final Plans plans;

	private final Activities activities;

	private final OrganisationDirectory organisations;

	private final AuditLog audit;

	private final JsonMapper json;

	private final Clock clock;

	Reviews(ReviewRepository repository, Plans plans, Activities activities, OrganisationDirectory organisations,
			AuditLog audit, JsonMapper json, Clock clock) {
		this.repository = repository;
		this.plans = plans;
		this.activities = activities;
		this.organisations = organisations;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	/** A plan's review rounds, the latest first. */
	public List<Review> ofPlan(long planId) {
		this.plans.get(planId);
		return this.repository.reviews(planId).stream().map(this::toReview).toList();
	}

	public Review get(long reviewId) {
		return this.repository.review(reviewId)
			.map(this::toReview)
			.orElseThrow(() -> new NotFoundException("plan_review", reviewId));
	}

	/** The versions kept of a plan, oldest first. */
	public List<PlanVersion> versions(long planId) {
		this.plans.get(planId);
		return this.repository.versions(planId).stream().map(this::toVersion).toList();
	}

	/** Whether the asker may comment on a section in the round. */
	public boolean mayComment(HululPrincipal me, Review review, PlanSection section) {
		if (!review.open() || this.plans.today().isAfter(review.deadline())) {
			return false;
		}
		if (this.plans.mayEdit(me, this.plans.get(review.plan()))) {
			return true;
		}
		String mine = organisation(me).map(OrganisationRef::code).orElse(null);
		return mine != null && review.reviewersOf(section).contains(mine);
	}

	/**
	 * Opens a review round: the deadline (a week from today when null) and, per section
	 * name, the codes of the organisations that review it. Keeps a version of the plan.
	 */
	@Transactional
	public Review open(HululPrincipal me, long planId, @Nullable LocalDate deadline,
			@Nullable Map<String, List<String>> reviewers) {
		Plan plan = this.plans.editable(me, planId);
		List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
		if (ofPlan(planId).stream().anyMatch(Review::open)) {
			problems.add(fieldProblem("review", "review.error.alreadyOpen"));
		}
		LocalDate today = this.plans.today();
		LocalDate until = (deadline != null) ? deadline : today.plusDays(DEFAULT_DAYS);
		if (until.isBefore(today)) {
			problems.add(fieldProblem("deadline", "review.error.deadline", until.toString()));
		}
		Map<PlanSection, List<Long>> chosen = new EnumMap<>(PlanSection.class);
		if (reviewers != null) {
			reviewers.forEach((name, codes) -> {
				PlanSection section = PlanApiController.section(name);
				if (section == null) {
					problems.add(fieldProblem("reviewers." + name, "plan.error.section"));
					return;
				}
				for (String code : (codes != null) ? codes : List.<String>of()) {
					if (code == null || code.isBlank()) {
						continue;
					}
					Optional<OrganisationRef> found = this.organisations.findByCode(code.strip());
					if (found.isEmpty()) {
						problems
							.add(fieldProblem("reviewers." + section.name(), "plan.error.organisation", code.strip()));
					}
					else if (!chosen.computeIfAbsent(section, (k) -> new ArrayList<>()).contains(found.get().id())) {
						chosen.get(section).add(found.get().id());
					}
				}
			});
		}
		if (chosen.isEmpty() && problems.stream().noneMatch((p) -> p.field().startsWith("reviewers"))) {
			problems.add(fieldProblem("reviewers", "review.error.noReviewer"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long version = keepVersion(me, plan, PlanVersion.Reason.REVIEW, null);
		long id = this.repository.openReview(planId, version, today, until, chosen);
		this.audit.record(AuditAction.UPDATE, Plans.ENTITY, planId,
				AuditLog.summary("audit.summary.reviewOpened", plan.area(), until.toString()), null,
				Map.of("review", id, "deadline", until.toString(), "reviewers", codes(chosen)));
		return get(id);
	}

	/** Comments on a section of a plan in an open round, before its deadline. */
	@Transactional
	public Review comment(HululPrincipal me, long reviewId, @Nullable String sectionName, @Nullable String body) {
		Review review = get(reviewId);
		PlanSection section = (sectionName != null) ? PlanApiController.section(sectionName) : null;
		if (section == null) {
			throw InvalidInputException.of("section", "plan.error.section");
		}
		if (!review.open()) {
			throw InvalidInputException.of("review", "review.error.notOpen");
		}
		if (this.plans.today().isAfter(review.deadline())) {
			throw InvalidInputException.of("review", "review.error.pastDeadline", review.deadline().toString());
		}
		if (!mayComment(me, review, section)) {
			throw new AccessDeniedException("Not a reviewer of " + section);
		}
		OrganisationRef organisation = organisation(me)
			.orElseThrow(() -> InvalidInputException.of("organisation", "review.error.noOrganisation"));
		String text = (body != null) ? body.strip() : "";
		if (text.isEmpty() || text.length() > 4000) {
			throw InvalidInputException.of("body", "review.error.body");
		}
		long id = this.repository.addComment(reviewId, section, organisation.id(), me.getUsername(), text,
				this.clock.instant());
		Plan plan = this.plans.get(review.plan());
		this.audit.record(AuditAction.UPDATE, Plans.ENTITY, plan.id(),
				AuditLog.summary("audit.summary.reviewComment", plan.area(), section.name(), organisation.code()), null,
				Map.of("comment", id, "section", section.name(), "body", text));
		return get(reviewId);
	}

	/**
	 * Resolves a comment: taken in, in part, or declined (with a response that says why,
	 * for the latter two).
	 */
	@Transactional
	public Review resolve(HululPrincipal me, long commentId, @Nullable String resolution, @Nullable String response) {
		long reviewId = this.repository.reviewOf(commentId)
			.orElseThrow(() -> new NotFoundException("plan_comment", commentId));
		Review review = get(reviewId);
		Plan plan = this.plans.editable(me, review.plan());
		Review.Resolution chosen;
		try {
			chosen = Review.Resolution.valueOf((resolution != null) ? resolution.strip().toUpperCase(Locale.ROOT) : "");
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInputException.of("resolution", "review.error.resolution", String.valueOf(resolution));
		}
		String text = (response == null || response.isBlank()) ? null : response.strip();
		if (text != null && text.length() > 2000) {
			throw InvalidInputException.of("response", "review.error.response");
		}
		if (text == null && chosen != Review.Resolution.ACCEPTED) {
			throw InvalidInputException.of("response", "review.error.responseNeeded");
		}
		if (!review.open()) {
			throw InvalidInputException.of("review", "review.error.notOpen");
		}
		if (!this.repository.resolve(commentId, chosen, text, this.clock.instant(), me.getUsername())) {
			throw new StaleEditException("plan_comment", String.valueOf(commentId));
		}
		this.audit.record(AuditAction.UPDATE, Plans.ENTITY, plan.id(),
				AuditLog.summary("audit.summary.reviewResolved", plan.area(), chosen.name()), null,
				Map.of("comment", commentId, "resolution", chosen.name(), "response", String.valueOf(text)));
		return get(reviewId);
	}

	/**
	 * Records the endorsement that ends an open round, once every comment is resolved:
	 * which body endorsed the plan, when (today when null), a note. Keeps a version.
	 */
	@Transactional
	public Review endorse(HululPrincipal me, long reviewId, @Nullable String organisation, @Nullable LocalDate on,
			@Nullable String note) {
		Review review = get(reviewId);
		Plan plan = this.plans.editable(me, review.plan());
		List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
		if (!review.open()) {
			problems.add(fieldProblem("review", "review.error.notOpen"));
		}
		if (review.unresolved() > 0) {
			problems.add(fieldProblem("review", "review.error.unresolved", review.unresolved()));
		}
		Optional<OrganisationRef> body = this.organisations
			.findByCode((organisation != null) ? organisation.strip() : "");
		if (body.isEmpty()) {
			problems.add(fieldProblem("organisation", "plan.error.organisation", String.valueOf(organisation)));
		}
		LocalDate day = (on != null) ? on : this.plans.today();
		if (day.isAfter(this.plans.today())) {
			problems.add(fieldProblem("on", "plan.error.future", day.toString()));
		}
		else if (day.isBefore(review.openedOn())) {
			problems.add(fieldProblem("on", "review.error.beforeOpened", day.toString(), review.openedOn().toString()));
		}
		String text = (note == null || note.isBlank()) ? null : note.strip();
		if (text != null && text.length() > 1000) {
			problems.add(fieldProblem("note", "review.error.note"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long version = keepVersion(me, plan, PlanVersion.Reason.ENDORSED, text);
		if (!this.repository.endorse(reviewId, day, body.get().id(), text, version)) {
			throw new StaleEditException("plan_review", String.valueOf(reviewId));
		}
		this.audit.record(AuditAction.UPDATE, Plans.ENTITY, plan.id(),
				AuditLog.summary("audit.summary.reviewEndorsed", plan.area(), body.get().code()), null,
				Map.of("review", reviewId, "endorsedBy", body.get().code(), "on", day.toString()));
		return get(reviewId);
	}

	/** Closes an open round without endorsement (it was superseded, say). */
	@Transactional
	public Review close(HululPrincipal me, long reviewId) {
		Review review = get(reviewId);
		Plan plan = this.plans.editable(me, review.plan());
		if (!this.repository.close(reviewId)) {
			throw InvalidInputException.of("review", "review.error.notOpen");
		}
		this.audit.record(AuditAction.UPDATE, Plans.ENTITY, plan.id(),
				AuditLog.summary("audit.summary.reviewClosed", plan.area()), null, Map.of("review", reviewId));
		return get(reviewId);
	}

	/** Keeps a version of the plan as it stands now, with a note. */
	@Transactional
	public PlanVersion keep(HululPrincipal me, long planId, @Nullable String note) {
		Plan plan = this.plans.editable(me, planId);
		String text = (note == null || note.isBlank()) ? null : note.strip();
		if (text != null && text.length() > 300) {
			throw InvalidInputException.of("note", "version.error.note");
		}
		long id = keepVersion(me, plan, PlanVersion.Reason.KEPT, text);
		return versions(planId).stream().filter((v) -> v.id() == id).findFirst().orElseThrow();
	}

	private long keepVersion(HululPrincipal me, Plan plan, PlanVersion.Reason reason, @Nullable String note) {
		Map<String, Map<String, String>> sections = new LinkedHashMap<>();
		for (PlanSection section : PlanSection.values()) {
			Map<String, String> texts = new LinkedHashMap<>();
			texts.put("en", plan.section(section, "en"));
			texts.put("ar", plan.section(section, "ar"));
			sections.put(section.name(), texts);
		}
		List<String> activities = this.activities.ofPlan(plan.id()).stream().map(Reviews::line).toList();
		PlanVersion.Content content = new PlanVersion.Content(plan.titleEn(), plan.titleAr(), plan.step(), sections,
				activities);
		long id = this.repository.addVersion(plan.id(), reason, note, this.clock.instant(), me.getUsername(),
				this.json.writeValueAsString(content));
		this.audit.record(AuditAction.UPDATE, Plans.ENTITY, plan.id(),
				AuditLog.summary("audit.summary.versionKept", plan.area(), reason.name()), null,
				Map.of("version", id, "reason", reason.name()));
		return id;
	}

	/** An activity as one line of a version, to compare. */
	private static String line(Activity activity) {
		StringBuilder line = new StringBuilder();
		line.append(activity.objective())
			.append(" · ")
			.append(activity.titleEn())
			.append(" · ")
			.append(activity.lead());
		if (!activity.supporting().isEmpty()) {
			line.append(" + ").append(String.join(", ", activity.supporting()));
		}
		if (!activity.locations().isEmpty()) {
			line.append(" · ").append(String.join(", ", activity.locations()));
		}
		for (Activity.Target target : activity.targets()) {
			line.append(" · ")
				.append(target.indicator())
				.append(' ')
				.append(target.period())
				.append(' ')
				.append(new java.math.BigDecimal(Double.toString(target.value())).stripTrailingZeros().toPlainString());
		}
		if (activity.startsOn() != null || activity.endsOn() != null) {
			line.append(" · ").append(activity.startsOn()).append(" – ").append(activity.endsOn());
		}
		return line.append(" · ").append(activity.status().name()).toString();
	}

	/**
	 * Two versions compared: the title, each section in each language and the activities,
	 * line by line, words changed marked ({@code <del>}, {@code <ins>}; the text itself
	 * escaped).
	 */
	public Comparison compare(long planId, int from, int to) {
		PlanVersion older = version(planId, from, "from");
		PlanVersion newer = version(planId, to, "to");
		List<Part> parts = new ArrayList<>();
		parts.add(part("version.part.title", null, "", titles(older), titles(newer)));
		for (PlanSection section : PlanSection.values()) {
			for (String language : PlanPdf.LANGUAGES) {
				String before = text(older, section, language);
				String after = text(newer, section, language);
				if (!before.isEmpty() || !after.isEmpty()) {
					parts.add(part(section.labelKey(), section, language, lines(before), lines(after)));
				}
			}
		}
		parts.add(part("activity.title", null, "", older.content().activities(), newer.content().activities()));
		return new Comparison(older, newer, parts);
	}

	private PlanVersion version(long planId, int number, String field) {
		return this.repository.version(planId, number)
			.map(this::toVersion)
			.orElseThrow(() -> InvalidInputException.of(field, "version.error.unknown", number));
	}

	private static List<String> titles(PlanVersion version) {
		String arabic = version.content().titleAr();
		return (arabic != null) ? List.of(version.content().title(), arabic) : List.of(version.content().title());
	}

	private static String text(PlanVersion version, PlanSection section, String language) {
		Map<String, String> texts = version.content().sections().get(section.name());
		return (texts != null) ? texts.getOrDefault(language, "") : "";
	}

	private static List<String> lines(String text) {
		return text.isEmpty() ? List.of() : List.of(text.split("\n", -1));
	}

	private static Part part(String labelKey, @Nullable PlanSection section, String language, List<String> before,
			List<String> after) {
		DiffRowGenerator generator = DiffRowGenerator.create()
			.showInlineDiffs(true)
			.inlineDiffByWord(true)
			.oldTag((open) -> open ? "<del>" : "</del>")
			.newTag((open) -> open ? "<ins>" : "</ins>")
			.build();
		List<Line> lines = new ArrayList<>();
		boolean changed = false;
		for (DiffRow row : generator.generateDiffRows(before, after)) {
			lines.add(new Line(row.getTag().name(), row.getOldLine(), row.getNewLine()));
			changed |= row.getTag() != DiffRow.Tag.EQUAL;
		}
		return new Part(labelKey, section, language, changed, lines);
	}

	/** Two versions compared, part by part. */
	public record Comparison(PlanVersion from, PlanVersion to, List<Part> parts) {

		/** Whether anything changed between the two. */
		public boolean changed() {
			return this.parts.stream().anyMatch(Part::changed);
		}

	}

	/**
	 * A part compared: what it is (a message key; a section and language for sections),
	 * whether it changed, its lines.
	 */
	public record Part(String labelKey, @Nullable PlanSection section, String language, boolean changed,
			List<Line> lines) {
	}

	/**
	 * A line compared: EQUAL, CHANGE, INSERT or DELETE, the old and new text as HTML
	 * (escaped, with the changed words marked).
	 */
	public record Line(String tag, String before, String after) {
	}

	private Optional<OrganisationRef> organisation(HululPrincipal me) {
		return (me.organisationId() != null) ? this.organisations.find(me.organisationId()) : Optional.empty();
	}

	private Map<String, List<String>> codes(Map<PlanSection, List<Long>> byId) {
		Map<String, List<String>> codes = new LinkedHashMap<>();
		byId.forEach((section, ids) -> codes.put(section.name(), ids.stream().map(this::code).toList()));
		return codes;
	}

	private String code(long organisationId) {
		return this.organisations.find(organisationId).map(OrganisationRef::code).orElse("?");
	}

	private Review toReview(ReviewRepository.StoredReview stored) {
		Map<PlanSection, List<String>> reviewers = new EnumMap<>(PlanSection.class);
		stored.reviewers().forEach((section, ids) -> reviewers.put(section, ids.stream().map(this::code).toList()));
		List<Review.Comment> comments = stored.comments()
			.stream()
			.map((c) -> new Review.Comment(c.id(), c.section(), code(c.organisationId()), c.author(), c.body(),
					c.createdAt(), c.resolution(), c.response(), c.resolvedAt(), c.resolvedBy()))
			.toList();
		return new Review(stored.id(), stored.planId(), this.repository.versionNumber(stored.versionId()),
				stored.openedOn(), stored.deadline(), stored.status(), reviewers, comments, stored.endorsedOn(),
				(stored.endorsedBy() != null) ? code(stored.endorsedBy()) : null, stored.endorsementNote(),
				(stored.endorsedVersionId() != null) ? this.repository.versionNumber(stored.endorsedVersionId())
						: null);
	}

	private PlanVersion toVersion(ReviewRepository.StoredVersion stored) {
		return new PlanVersion(stored.id(), stored.planId(), stored.number(), stored.reason(), stored.note(),
				stored.takenAt(), stored.takenBy(), this.json.readValue(stored.content(), PlanVersion.Content.class));
	}

	private static InvalidInputException.FieldProblem fieldProblem(String field, String key, Object... args) {
		return new InvalidInputException.FieldProblem(field, key, List.of(args));
	}

}
