package org.hulul.coordination;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.hulul.framework.FrameworkDefinition;
import org.hulul.framework.Frameworks;
import org.hulul.organisations.Organisation;
import org.hulul.organisations.Organisations;
import org.hulul.platform.AuditAction;
import org.hulul.platform.AuditLog;
import org.hulul.platform.HululPrincipal;
import org.hulul.platform.InvalidInputException;
import org.hulul.platform.NotFoundException;
import org.hulul.platform.Notifications;
import org.hulul.platform.Role;
import org.hulul.platform.StaleEditException;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coordination library and its reviews. Whoever runs a body (the secretariat,
 * administrators; an area group's coordinators) adds its documents, tagged by strategic
 * objective, and gives a technical guideline its classification; opens a review round
 * with a deadline and sections, each assigned to a reviewing organisation (whose people
 * are told) or left to everyone; everyone signed in with an organisation reads and
 * comments until the deadline; the runners resolve every comment (accepted, partly, not
 * accepted, with a response) and then submit the document to the next body — the one the
 * owning body reports to unless another is named. Every change is audited; a change is
 * refused when the document or round changed since it was read.
 */
@Service
public class Library {

	static final String ENTITY = "library_document";

	private static final int MAX_SECTIONS = 40;

	private static final List<Role> MEMBER_ROLES = List.of(Role.SECRETARIAT, Role.REVIEWER, Role.AREA_COORDINATOR,
			Role.REPORTER, Role.VIEWER);

	private final DocumentRepository repository;

	private final Bodies bodies;

	private final Organisations organisations;

	private final Frameworks frameworks;

	private final Notifications notifications;

	private final AuditLog audit;

	private final Clock clock;

	Library(DocumentRepository repository, Bodies bodies, Organisations organisations, Frameworks frameworks,
			Notifications notifications, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.bodies = bodies;
		this.organisations = organisations;
		this.frameworks = frameworks;
		this.notifications = notifications;
		this.audit = audit;
		this.clock = clock;
	}

	/** A document as entered. */
	public record DocumentEntered(@Nullable String title, @Nullable String kind, @Nullable String body,
			@Nullable List<String> objectives, @Nullable String link, @Nullable String classification,
			@Nullable String summary) {
	}

	/** A section of a round as entered: its title and reviewing organisation (a code). */
	public record SectionEntered(@Nullable String title, @Nullable String organisation) {
	}

	/** The library, the latest first; each filter optional. */
	public List<LibraryDocument> find(@Nullable String objective, @Nullable String body, @Nullable String kind) {
		Map<Long, String> codes = bodyCodes();
		return this.repository.all()
			.stream()
			.filter((d) -> objective == null || d.objectives().contains(objective.strip().toUpperCase(Locale.ROOT)))
			.filter((d) -> body == null || body.strip().equalsIgnoreCase(codes.get(d.bodyId())))
			.filter((d) -> kind == null || d.kind().name().equalsIgnoreCase(kind.strip()))
			.map((d) -> assembled(d, codes))
			.toList();
	}

	public LibraryDocument get(long id) {
		return assembled(this.repository.find(id).orElseThrow(() -> new NotFoundException(ENTITY, id)), bodyCodes());
	}

	/** The strategic objectives of the current framework, to tag documents with. */
	public List<FrameworkDefinition.Objective> objectives() {
		return this.frameworks.current().map((v) -> v.definition().objectives()).orElse(List.of());
	}

	public boolean mayEdit(HululPrincipal me, LibraryDocument document) {
		return this.bodies.mayRun(me, this.bodies.get(document.body()));
	}

	/**
	 * Whether the asker may comment: everyone whose account belongs to an organisation.
	 */
	public static boolean mayComment(HululPrincipal me) {
		return me.organisationId() != null || Bodies.mayEdit(me);
	}

	@Transactional
	public LibraryDocument add(HululPrincipal me, DocumentEntered entered) {
		DocumentRepository.Stored checked = check(me, 0, entered);
		long id = this.repository.insert(checked);
		LibraryDocument added = get(id);
		this.audit.record(AuditAction.CREATE, ENTITY, id,
				AuditLog.summary("audit.summary.documentAdded", added.body(), added.title()), null, snapshot(added));
		return added;
	}

	@Transactional
	public LibraryDocument change(HululPrincipal me, long id, int version, DocumentEntered entered) {
		LibraryDocument before = get(id);
		requireEditor(me, before);
		if (!this.repository.update(check(me, id, entered), version)) {
			throw new StaleEditException(ENTITY, String.valueOf(id));
		}
		LibraryDocument after = get(id);
		this.audit.record(AuditAction.UPDATE, ENTITY, id,
				AuditLog.summary("audit.summary.documentChanged", after.body(), after.title()), snapshot(before),
				snapshot(after));
		return after;
	}

	/** Opens a review round, telling the reviewing organisations of their sections. */
	@Transactional
	public LibraryDocument openRound(HululPrincipal me, long id, @Nullable LocalDate deadline,
			@Nullable List<SectionEntered> sections) {
		LibraryDocument document = get(id);
		requireEditor(me, document);
		if (document.openRound() != null) {
			throw InvalidInputException.of("round", "document.error.roundOpen", document.openRound().number());
		}
		List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
		if (deadline == null || deadline.isBefore(this.bodies.today())) {
			problems.add(fieldProblem("deadline", "document.error.deadline", String.valueOf(deadline)));
		}
		List<SectionEntered> given = (sections != null) ? sections : List.of();
		if (given.isEmpty() || given.size() > MAX_SECTIONS) {
			problems.add(fieldProblem("sections", "document.error.sections", MAX_SECTIONS));
		}
		List<Long> reviewers = new ArrayList<>();
		for (int i = 0; i < given.size(); i++) {
			String title = blank(given.get(i).title());
			if (title == null || title.length() > 300) {
				problems.add(fieldProblem("sections[" + i + "].title", "document.error.sectionTitle", i + 1));
			}
			String code = blank(given.get(i).organisation());
			Long reviewer = null;
			if (code != null) {
				Optional<Organisation> found = this.organisations.getByCode(code);
				if (found.isEmpty()) {
					problems.add(fieldProblem("sections[" + i + "].organisation", "document.error.organisation", i + 1,
							code));
				}
				else {
					reviewer = found.get().id();
				}
			}
			reviewers.add(reviewer);
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		int number = document.rounds().size() + 1;
		long round = this.repository.insertRound(id, number, deadline, this.clock.instant());
		for (int i = 0; i < given.size(); i++) {
			this.repository.insertSection(round, i + 1, blank(given.get(i).title()), reviewers.get(i));
		}
		this.audit.record(AuditAction.UPDATE, ENTITY, id,
				AuditLog.summary("audit.summary.documentReview", document.title(), number), null,
				Map.of("round", number, "deadline", deadline.toString(), "sections", given.size()));
		Notifications.Notice notice = Notifications.Notice
			.of("DOCUMENT_REVIEW", "notification.documentReview", "/documents/" + id + "#round-" + number,
					document.title(), "\u2066" + deadline + "\u2069")
			.once("document-review:" + round);
		for (Long reviewer : new TreeSet<>(reviewers.stream().filter(Objects::nonNull).toList())) {
			for (Role role : MEMBER_ROLES) {
				this.notifications.toOrganisation(reviewer, role, notice);
			}
		}
		return get(id);
	}

	/** A comment on a section of the round under way, until its deadline. */
	@Transactional
	public LibraryDocument comment(HululPrincipal me, long sectionId, @Nullable String text) {
		if (!mayComment(me)) {
			throw new AccessDeniedException("Only the members' people comment");
		}
		LibraryDocument document = documentOfSection(sectionId);
		LibraryDocument.Round round = roundOfSection(document, sectionId);
		if (!round.takesComments(this.bodies.today())) {
			throw InvalidInputException.of("section", "document.error.closed", "\u2066" + round.deadline() + "\u2069");
		}
		String comment = blank(text);
		if (comment == null || comment.length() > 4000) {
			throw InvalidInputException.of("text", "document.error.comment");
		}
		long id = this.repository.insertComment(sectionId, me.organisationId(), me.getUsername(), comment,
				this.clock.instant());
		this.audit.record(AuditAction.CREATE, "document_comment", id,
				AuditLog.summary("audit.summary.documentComment", document.title(), round.number()), null,
				Map.of("section", sectionId, "text", comment));
		return get(document.id());
	}

	/** Resolves a comment: accepted, partly or not accepted, with a response. */
	@Transactional
	public LibraryDocument resolve(HululPrincipal me, long commentId, @Nullable String resolution,
			@Nullable String response) {
		long documentId = this.repository.documentOfComment(commentId)
			.orElseThrow(() -> new NotFoundException("document_comment", commentId));
		LibraryDocument document = get(documentId);
		requireEditor(me, document);
		LibraryDocument.Round round = document.rounds()
			.stream()
			.filter((r) -> r.sections()
				.stream()
				.anyMatch((s) -> s.comments().stream().anyMatch((c) -> c.id() == commentId)))
			.findFirst()
			.orElseThrow();
		if (round.submitted()) {
			throw InvalidInputException.of("comment", "document.error.submitted", round.number());
		}
		Resolution chosen;
		try {
			chosen = Resolution.valueOf((resolution != null) ? resolution.strip().toUpperCase(Locale.ROOT) : "");
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInputException.of("resolution", "document.error.resolution", String.valueOf(resolution));
		}
		String answer = blank(response);
		if (answer != null && answer.length() > 2000) {
			throw InvalidInputException.of("response", "document.error.tooLong", 2000);
		}
		this.repository.resolve(commentId, chosen, answer, me.getUsername());
		this.audit.record(AuditAction.UPDATE, "document_comment", commentId,
				AuditLog.summary("audit.summary.documentResolved", document.title(), round.number()), null,
				Map.of("resolution", chosen.name(), "response", String.valueOf(answer)));
		return get(documentId);
	}

	/**
	 * Submits the document, its round's comments all resolved, to the next body: the one
	 * its body reports to unless another is named.
	 */
	@Transactional
	public LibraryDocument submit(HululPrincipal me, long roundId, int version, @Nullable String to) {
		long documentId = this.repository.documentOfRound(roundId)
			.orElseThrow(() -> new NotFoundException("document_round", roundId));
		LibraryDocument document = get(documentId);
		requireEditor(me, document);
		LibraryDocument.Round round = document.rounds()
			.stream()
			.filter((r) -> r.id() == roundId)
			.findFirst()
			.orElseThrow();
		if (round.submitted()) {
			throw InvalidInputException.of("round", "document.error.submitted", round.number());
		}
		if (round.unresolved() > 0) {
			throw InvalidInputException.of("round", "document.error.unresolved", round.unresolved());
		}
		String target = (blank(to) != null) ? blank(to) : this.bodies.get(document.body()).reportsTo();
		if (target == null) {
			throw InvalidInputException.of("to", "document.error.noNextBody", document.body());
		}
		Body next = this.bodies.find(target)
			.orElseThrow(() -> InvalidInputException.of("to", "document.error.body", target));
		if (next.code().equals(document.body())) {
			throw InvalidInputException.of("to", "document.error.sameBody", next.code());
		}
		if (!this.repository.submit(roundId, version, next.id(), this.bodies.today())) {
			throw new StaleEditException("document_round", String.valueOf(roundId));
		}
		this.audit.record(AuditAction.UPDATE, ENTITY, documentId,
				AuditLog.summary("audit.summary.documentSubmitted", document.title(), next.code()), null,
				Map.of("round", round.number(), "to", next.code()));
		return get(documentId);
	}

	private DocumentRepository.Stored check(HululPrincipal me, long id, DocumentEntered entered) {
		List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
		String title = blank(entered.title());
		if (title == null || title.length() > 300) {
			problems.add(fieldProblem("title", "document.error.title"));
		}
		DocumentKind kind = null;
		try {
			kind = DocumentKind
				.valueOf((entered.kind() != null) ? entered.kind().strip().toUpperCase(Locale.ROOT) : "");
		}
		catch (IllegalArgumentException ex) {
			problems.add(fieldProblem("kind", "document.error.kind", String.valueOf(entered.kind())));
		}
		Optional<Body> body = (blank(entered.body()) != null) ? this.bodies.find(entered.body()) : Optional.empty();
		if (body.isEmpty()) {
			problems.add(fieldProblem("body", "document.error.body", String.valueOf(entered.body())));
		}
		else if (!this.bodies.mayRun(me, body.get())) {
			throw new AccessDeniedException("Neither the secretariat nor a coordinator of " + body.get().code());
		}
		Set<String> known = new HashSet<>();
		objectives().forEach((o) -> known.add(o.code()));
		List<String> objectives = new ArrayList<>();
		List<String> given = (entered.objectives() != null) ? entered.objectives() : List.of();
		for (int i = 0; i < given.size(); i++) {
			String code = given.get(i).strip().toUpperCase(Locale.ROOT);
			if (!known.contains(code)) {
				problems.add(fieldProblem("objectives[" + i + "]", "document.error.objective", code));
			}
			else if (!objectives.contains(code)) {
				objectives.add(code);
			}
		}
		objectives.sort(null);
		String link = blank(entered.link());
		if (link != null && (link.length() > 1000 || !link.matches("(?i)https?://\\S+"))) {
			problems.add(fieldProblem("link", "document.error.link", link));
		}
		GuidelineClass classification = null;
		if (blank(entered.classification()) != null) {
			try {
				classification = GuidelineClass.valueOf(entered.classification().strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				problems.add(fieldProblem("classification", "document.error.classification",
						entered.classification().strip()));
			}
			if (kind != null && kind != DocumentKind.GUIDELINE) {
				problems.add(fieldProblem("classification", "document.error.notGuideline"));
			}
		}
		String summary = blank(entered.summary());
		if (summary != null && summary.length() > 2000) {
			problems.add(fieldProblem("summary", "document.error.tooLong", 2000));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new DocumentRepository.Stored(id, title, kind, body.get().id(), objectives, link, classification,
				summary, this.clock.instant(), 0);
	}

	private LibraryDocument documentOfSection(long sectionId) {
		return get(this.repository.documentOfSection(sectionId)
			.orElseThrow(() -> new NotFoundException("document_section", sectionId)));
	}

	private static LibraryDocument.Round roundOfSection(LibraryDocument document, long sectionId) {
		return document.rounds()
			.stream()
			.filter((r) -> r.sections().stream().anyMatch((s) -> s.id() == sectionId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("document_section", sectionId));
	}

	private LibraryDocument assembled(DocumentRepository.Stored stored, Map<Long, String> codes) {
		List<DocumentRepository.StoredRound> rounds = this.repository.rounds(stored.id());
		Map<Long, List<DocumentRepository.StoredSection>> sections = rounds.isEmpty() ? Map.of()
				: this.repository.sections(rounds.stream().map(DocumentRepository.StoredRound::id).toList());
		List<Long> sectionIds = sections.values()
			.stream()
			.flatMap(List::stream)
			.map(DocumentRepository.StoredSection::id)
			.toList();
		Map<Long, List<DocumentRepository.StoredComment>> comments = sectionIds.isEmpty() ? Map.of()
				: this.repository.comments(sectionIds);
		List<LibraryDocument.Round> built = new ArrayList<>();
		for (DocumentRepository.StoredRound round : rounds) {
			List<LibraryDocument.Section> parts = new ArrayList<>();
			for (DocumentRepository.StoredSection section : sections.getOrDefault(round.id(), List.of())) {
				List<LibraryDocument.Comment> said = comments.getOrDefault(section.id(), List.of())
					.stream()
					.map((c) -> new LibraryDocument.Comment(c.id(),
							(c.organisationId() != null) ? this.bodies.organisation(c.organisationId()) : null,
							c.author(), c.text(), c.writtenAt(), c.resolution(), c.response(), c.resolvedBy()))
					.toList();
				parts.add(new LibraryDocument.Section(section.id(), section.position(), section.title(),
						(section.organisationId() != null) ? this.bodies.organisation(section.organisationId()) : null,
						said));
			}
			built.add(new LibraryDocument.Round(round.id(), round.number(), round.deadline(), round.submitted(),
					(round.submittedTo() != null) ? codes.get(round.submittedTo()) : null, round.submittedOn(), parts,
					round.version()));
		}
		return new LibraryDocument(stored.id(), stored.title(), stored.kind(), codes.getOrDefault(stored.bodyId(), "?"),
				stored.objectives(), stored.link(), stored.classification(), stored.summary(), stored.addedAt(), built,
				stored.version());
	}

	private Map<Long, String> bodyCodes() {
		Map<Long, String> codes = new HashMap<>();
		this.bodies.all().forEach((b) -> codes.put(b.id(), b.code()));
		return codes;
	}

	private void requireEditor(HululPrincipal me, LibraryDocument document) {
		if (!mayEdit(me, document)) {
			throw new AccessDeniedException("Neither the secretariat nor a coordinator of " + document.body());
		}
	}

	private static Map<String, Object> snapshot(LibraryDocument document) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("title", document.title());
		state.put("kind", document.kind().name());
		state.put("body", document.body());
		state.put("objectives", String.join(",", document.objectives()));
		state.put("link", String.valueOf(document.link()));
		state.put("classification", String.valueOf(document.classification()));
		return state;
	}

	private static @Nullable String blank(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static InvalidInputException.FieldProblem fieldProblem(String field, String key, Object... args) {
		return new InvalidInputException.FieldProblem(field, key, List.of(args));
	}

}
