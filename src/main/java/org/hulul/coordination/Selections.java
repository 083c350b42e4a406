package org.hulul.coordination;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
 * Selections as the terms of reference run them: whoever runs a body's meetings opens a
 * call for expressions of interest with a deadline, for seats of one category, for the
 * co-lead or for a co-chair; organisations apply for themselves (the secretariat may
 * record an application sent by e-mail) until the deadline, each once, each fit for what
 * is filled; then the vote opens to the body's member organisations as they stand that
 * day (the holders of a current seat and its leads; for a body without seats, its leads
 * and the organisations that attended its meetings in the past year), one ballot each,
 * naming at most as many applications as there are places. Nobody learns what an
 * organisation chose, nor any count before the vote closes. The count chooses the
 * applications with most votes; a tie at the last place is left to the endorsement. The
 * secretariat records the DSTF's endorsement, which seats the chosen organisations or
 * puts them at the head of the body, or that the DSTF declined. Every step is audited; a
 * step is refused when the selection changed since it was read.
 */
@Service
public class Selections {

	static final String ENTITY = "selection";

	/** How far back attendance makes an organisation a member of a body without seats. */
	private static final int ATTENDANCE_MONTHS = 12;

	private static final List<Role> MEMBER_ROLES = List.of(Role.SECRETARIAT, Role.REVIEWER, Role.AREA_COORDINATOR,
			Role.REPORTER, Role.VIEWER);

	private final SelectionRepository repository;

	private final Bodies bodies;

	private final Meetings meetings;

	private final Organisations organisations;

	private final Notifications notifications;

	private final AuditLog audit;

	private final Clock clock;

	Selections(SelectionRepository repository, Bodies bodies, Meetings meetings, Organisations organisations,
			Notifications notifications, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.bodies = bodies;
		this.meetings = meetings;
		this.organisations = organisations;
		this.notifications = notifications;
		this.audit = audit;
		this.clock = clock;
	}

	/** A call as entered. */
	public record CallEntered(@Nullable String kind, @Nullable String category, @Nullable Integer places,
			@Nullable String purpose, @Nullable LocalDate deadline, @Nullable LocalDate termStart,
			@Nullable LocalDate termEnd, @Nullable String replaces) {
	}

	/** An expression of interest as entered. */
	public record ApplicationEntered(@Nullable String organisation, @Nullable String representative,
			@Nullable String alternate, @Nullable String statement) {
	}

	/** The DSTF's decision as the secretariat records it. */
	public record EndorsementEntered(@Nullable Boolean endorsed, @Nullable LocalDate on, @Nullable Integer meeting,
			@Nullable List<String> chosen, @Nullable String note) {
	}

	/** Every selection, the latest deadline first. */
	public List<Selection> all() {
		Map<Long, String> codes = bodyCodes();
		return this.repository.all().stream().map((s) -> toSelection(s, codes)).toList();
	}

	public List<Selection> ofBody(String code) {
		Body body = this.bodies.get(code);
		return all().stream().filter((s) -> s.body().equals(body.code())).toList();
	}

	public Selection get(long id) {
		return toSelection(stored(id), bodyCodes());
	}

	/**
	 * The call for the successors of the seats whose terms end on a day, among a body's
	 * selections: a call for seats whose term starts within a month of that day.
	 */
	public static Optional<Selection> successorCall(List<Selection> selections, LocalDate ends) {
		return selections.stream()
			.filter((c) -> c.kind() == SelectionKind.SEATS && c.termStart() != null
					&& !c.termStart().isBefore(ends.minusMonths(1)) && !c.termStart().isAfter(ends.plusMonths(1)))
			.findFirst();
	}

	/**
	 * The electorate of a selection (codes), and whether each has voted: for its runners.
	 */
	public Map<String, Boolean> electorate(HululPrincipal me, long id) {
		Selection selection = get(id);
		requireRunner(me, selection.body());
		Map<String, Boolean> voters = new LinkedHashMap<>();
		this.repository.voters(id)
			.stream()
			.sorted(Comparator.comparing((v) -> this.bodies.organisation(v.organisationId())))
			.forEach((v) -> voters.put(this.bodies.organisation(v.organisationId()), v.voted()));
		return voters;
	}

	/** Whether the asker's organisation may still vote in the selection. */
	public boolean mayVote(HululPrincipal me, Selection selection) {
		return selection.takesBallots(this.bodies.today()) && me.organisationId() != null
				&& this.repository.voters(selection.id())
					.stream()
					.anyMatch((v) -> v.organisationId() == me.organisationId() && !v.voted());
	}

	/**
	 * Whether the asker's organisation is of the selection's electorate and has voted.
	 */
	public boolean hasVoted(HululPrincipal me, Selection selection) {
		return me.organisationId() != null && this.repository.voters(selection.id())
			.stream()
			.anyMatch((v) -> v.organisationId() == me.organisationId() && v.voted());
	}

	public boolean mayRun(HululPrincipal me, Selection selection) {
		return this.bodies.mayRun(me, this.bodies.get(selection.body()));
	}

	/** Whether the asker may apply, for their organisation or (the secretariat) any. */
	public static boolean mayApply(HululPrincipal me) {
		return Bodies.mayEdit(me) || (me.organisationId() != null && !me.is(Role.VIEWER));
	}

	/**
	 * Opens a call for expressions of interest and tells the organisations that may
	 * apply.
	 */
	@Transactional
	public Selection open(HululPrincipal me, String code, CallEntered entered) {
		Body body = this.bodies.get(code);
		requireRunner(me, body.code());
		List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
		SelectionKind kind = parse(SelectionKind.class, entered.kind(), "kind", "selection.error.kind", problems);
		SeatCategory category = (blank(entered.category()) != null)
				? parse(SeatCategory.class, entered.category(), "category", "seat.error.category", problems) : null;
		if (kind == SelectionKind.SEATS && category == null && blank(entered.category()) == null) {
			problems.add(fieldProblem("category", "selection.error.noCategory"));
		}
		int places = (entered.places() != null) ? entered.places() : 1;
		if (kind != null && kind != SelectionKind.SEATS && places != 1) {
			problems.add(fieldProblem("places", "selection.error.onePlace", places));
		}
		else if (places < 1 || places > 24) {
			problems.add(fieldProblem("places", "selection.error.places", places));
		}
		String purpose = blank(entered.purpose());
		if (purpose != null && purpose.length() > 2000) {
			problems.add(fieldProblem("purpose", "selection.error.tooLong", 2000));
		}
		LocalDate today = this.bodies.today();
		if (entered.deadline() == null) {
			problems.add(fieldProblem("deadline", "selection.error.noDeadline"));
		}
		else if (entered.deadline().isBefore(today)) {
			problems.add(fieldProblem("deadline", "selection.error.pastDeadline", entered.deadline().toString()));
		}
		if (kind == SelectionKind.SEATS && (entered.termStart() == null || entered.termEnd() == null)) {
			problems
				.add(fieldProblem((entered.termStart() == null) ? "termStart" : "termEnd", "selection.error.noTerm"));
		}
		if (entered.termStart() != null && entered.termEnd() != null
				&& !entered.termEnd().isAfter(entered.termStart())) {
			problems.add(fieldProblem("termEnd", "seat.error.termEnd", entered.termEnd().toString(),
					entered.termStart().toString()));
		}
		Long replaces = null;
		String leaving = blank(entered.replaces());
		if (leaving != null) {
			Optional<Organisation> found = this.organisations.getByCode(leaving);
			if (kind == SelectionKind.SEATS || found.isEmpty()
					|| body.leads().stream().noneMatch((l) -> l.organisation().equals(found.get().code()))) {
				problems.add(fieldProblem("replaces", "selection.error.replaces", leaving, body.code()));
			}
			else {
				replaces = found.get().id();
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long id = this.repository.insert(new SelectionRepository.Stored(0, body.id(), kind, category, places, purpose,
				entered.deadline(), entered.termStart(), entered.termEnd(), replaces, SelectionStatus.CALL, null, null,
				null, null, this.clock.instant(), 0));
		Selection opened = get(id);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("body", body.code());
		after.put("kind", kind.name());
		after.put("category", String.valueOf(category));
		after.put("places", places);
		after.put("deadline", entered.deadline().toString());
		this.audit.record(AuditAction.CREATE, ENTITY, id,
				AuditLog.summary("audit.summary.selectionOpened", body.code(), kind.name()), null, after);
		Notifications.Notice notice = Notifications.Notice
			.of("SELECTION_CALL", "notification.selectionCall." + kind.name(), "/selections/" + id, body.code(),
					isolate(entered.deadline().toString()))
			.once("selection-call:" + id);
		for (Organisation organisation : this.organisations.list()) {
			if (organisation.active() && (category == null || category.takes(organisation.type()))) {
				tell(organisation.id(), notice);
			}
		}
		return opened;
	}

	/** Records an expression of interest, until the deadline. */
	@Transactional
	public Selection apply(HululPrincipal me, long id, ApplicationEntered entered) {
		Selection selection = get(id);
		if (!mayApply(me)) {
			throw new AccessDeniedException("Only an organisation's people, or the secretariat, apply");
		}
		Organisation applicant = applicant(me, entered.organisation());
		List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
		LocalDate today = this.bodies.today();
		if (!selection.takesApplications(today)) {
			throw InvalidInputException.of("selection", "selection.error.callClosed", isolate(selection.deadline()));
		}
		if (selection.category() != null && !selection.category().takes(applicant.type())) {
			problems.add(fieldProblem("organisation", "selection.error.unfit", applicant.code(),
					selection.category().name()));
		}
		if (selection.applications().stream().anyMatch((a) -> a.organisation().equals(applicant.code()))) {
			problems.add(fieldProblem("organisation", "selection.error.applied", applicant.code()));
		}
		if (selection.kind() == SelectionKind.SEATS && selection.termStart() != null && selection.termEnd() != null
				&& this.bodies.seats(selection.body())
					.stream()
					.anyMatch((s) -> s.organisation().equals(applicant.code())
							&& !s.termEnd().isBefore(selection.termStart())
							&& !s.termStart().isAfter(selection.termEnd()))) {
			problems.add(fieldProblem("organisation", "selection.error.seated", applicant.code(), selection.body()));
		}
		String representative = text(entered.representative(), "representative", 200, problems);
		String alternate = text(entered.alternate(), "alternate", 200, problems);
		String statement = text(entered.statement(), "statement", 4000, problems);
		if (selection.kind() == SelectionKind.SEATS && representative == null) {
			problems.add(fieldProblem("representative", "selection.error.noRepresentative"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		this.repository.insertApplication(id, applicant.id(), representative, alternate, statement,
				this.clock.instant());
		this.audit.record(AuditAction.UPDATE, ENTITY, id,
				AuditLog.summary("audit.summary.selectionApplied", applicant.code(), selection.body()), null,
				Map.of("applicant", applicant.code()));
		return get(id);
	}

	/** Withdraws an organisation's expression of interest, while the call is open. */
	@Transactional
	public Selection withdraw(HululPrincipal me, long id, @Nullable String organisation) {
		Selection selection = get(id);
		if (!mayApply(me)) {
			throw new AccessDeniedException("Only an organisation's people, or the secretariat, withdraw");
		}
		Organisation applicant = applicant(me, organisation);
		if (!selection.takesApplications(this.bodies.today())) {
			throw InvalidInputException.of("selection", "selection.error.callClosed", isolate(selection.deadline()));
		}
		if (!this.repository.deleteApplication(id, applicant.id())) {
			throw new NotFoundException("application", applicant.code());
		}
		this.audit.record(AuditAction.UPDATE, ENTITY, id,
				AuditLog.summary("audit.summary.selectionWithdrawn", applicant.code(), selection.body()),
				Map.of("applicant", applicant.code()), null);
		return get(id);
	}

	/**
	 * Opens the vote once the deadline has passed, until the day it closes, to the member
	 * organisations as they stand today, and tells them.
	 */
	@Transactional
	public Selection openVote(HululPrincipal me, long id, int version, @Nullable LocalDate closes) {
		Selection selection = get(id);
		requireRunner(me, selection.body());
		LocalDate today = this.bodies.today();
		if (selection.status() != SelectionStatus.CALL) {
			throw InvalidInputException.of("status", "selection.error.status", selection.status().name());
		}
		if (!today.isAfter(selection.deadline())) {
			throw InvalidInputException.of("deadline", "selection.error.callOpen", isolate(selection.deadline()));
		}
		if (selection.applications().isEmpty()) {
			throw InvalidInputException.of("applications", "selection.error.noApplications");
		}
		if (closes == null || closes.isBefore(today)) {
			throw InvalidInputException.of("closes", "selection.error.closes", String.valueOf(closes));
		}
		Set<Long> members = members(selection.body(), today);
		if (members.isEmpty()) {
			throw InvalidInputException.of("electorate", "selection.error.noMembers", selection.body());
		}
		if (!this.repository.move(id, version, SelectionStatus.VOTING, closes, null, null, null)) {
			throw new StaleEditException(ENTITY, String.valueOf(id));
		}
		this.repository.electorate(id, List.copyOf(members));
		this.audit.record(AuditAction.UPDATE, ENTITY, id,
				AuditLog.summary("audit.summary.selectionVoting", selection.body(), members.size()),
				Map.of("status", selection.status().name()), Map.of("status", SelectionStatus.VOTING.name(), "closes",
						closes.toString(), "electorate", members.size()));
		Notifications.Notice notice = Notifications.Notice
			.of("SELECTION_VOTE", "notification.selectionVote", "/selections/" + id, selection.body(),
					isolate(closes.toString()))
			.once("selection-vote:" + id);
		members.forEach((o) -> tell(o, notice));
		return get(id);
	}

	/**
	 * Casts the asker's organisation's ballot: one to as many applications (organisation
	 * codes) as there are places. Only that the organisation voted is kept.
	 */
	@Transactional
	public Selection vote(HululPrincipal me, long id, @Nullable List<String> choices) {
		Selection selection = get(id);
		if (me.organisationId() == null) {
			throw new AccessDeniedException("Only member organisations vote");
		}
		Optional<SelectionRepository.Voter> voter = this.repository.voters(id)
			.stream()
			.filter((v) -> v.organisationId() == me.organisationId())
			.findFirst();
		if (voter.isEmpty()) {
			throw new AccessDeniedException("The organisation is not of the selection's electorate");
		}
		if (!selection.takesBallots(this.bodies.today())) {
			throw InvalidInputException.of("selection", "selection.error.notVoting");
		}
		if (voter.get().voted()) {
			throw InvalidInputException.of("ballot", "selection.error.voted");
		}
		List<String> codes = (choices != null) ? choices.stream().map(String::strip).distinct().toList() : List.of();
		if (codes.isEmpty() || codes.size() > selection.places()) {
			throw InvalidInputException.of("choices", "selection.error.choices", selection.places(), codes.size());
		}
		Map<String, Long> applications = new HashMap<>();
		selection.applications().forEach((a) -> applications.put(a.organisation(), a.id()));
		List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
		List<Long> chosen = new ArrayList<>();
		for (int i = 0; i < codes.size(); i++) {
			Long application = applications.get(codes.get(i));
			if (application == null) {
				problems.add(fieldProblem("choices[" + i + "]", "selection.error.notApplicant", codes.get(i)));
			}
			else {
				chosen.add(application);
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (!this.repository.cast(id, me.organisationId(), chosen, this.clock.instant())) {
			throw InvalidInputException.of("ballot", "selection.error.voted");
		}
		String voterCode = this.bodies.organisation(me.organisationId());
		// the ballot's choices are never recorded, not even in the audit trail
		this.audit.record(AuditAction.UPDATE, ENTITY, id,
				AuditLog.summary("audit.summary.selectionBallot", voterCode, selection.body()), null,
				Map.of("voted", voterCode));
		return get(id);
	}

	/**
	 * Closes the vote and counts it, once every member has voted or the vote's last day
	 * has passed: the applications with most votes are chosen, as many as there are
	 * places, save those tied for the last place.
	 */
	@Transactional
	public Selection tally(HululPrincipal me, long id, int version) {
		Selection selection = get(id);
		requireRunner(me, selection.body());
		if (selection.status() != SelectionStatus.VOTING) {
			throw InvalidInputException.of("status", "selection.error.status", selection.status().name());
		}
		if (selection.voted() < selection.electorate() && selection.votingCloses() != null
				&& !this.bodies.today().isAfter(selection.votingCloses())) {
			throw InvalidInputException.of("selection", "selection.error.stillVoting", selection.voted(),
					selection.electorate(), isolate(selection.votingCloses()));
		}
		List<SelectionRepository.StoredApplication> ranked = new ArrayList<>(this.repository.applications(id));
		ranked.sort(Comparator.comparingInt(SelectionRepository.StoredApplication::votes).reversed());
		List<Long> chosen = new ArrayList<>();
		int places = Math.min(selection.places(), ranked.size());
		if (places > 0) {
			int last = ranked.get(places - 1).votes();
			boolean tie = ranked.size() > places && ranked.get(places).votes() == last;
			for (SelectionRepository.StoredApplication application : ranked.subList(0, places)) {
				if (application.votes() > 0 && (!tie || application.votes() > last)) {
					chosen.add(application.id());
				}
			}
		}
		if (!this.repository.move(id, version, SelectionStatus.TALLIED, selection.votingCloses(), null, null, null)) {
			throw new StaleEditException(ENTITY, String.valueOf(id));
		}
		this.repository.choose(id, chosen);
		Map<String, Object> counts = new LinkedHashMap<>();
		for (SelectionRepository.StoredApplication application : ranked) {
			counts.put(this.bodies.organisation(application.organisationId()), application.votes());
		}
		this.audit.record(AuditAction.UPDATE, ENTITY, id,
				AuditLog.summary("audit.summary.selectionTallied", selection.body(), selection.voted()),
				Map.of("status", SelectionStatus.VOTING.name()), counts);
		return get(id);
	}

	/**
	 * Records the DSTF's decision on a counted selection: endorsed, the chosen
	 * organisations (those the count chose unless others are named, which a tie requires)
	 * take their seats for the term or their place at the head of the body; declined,
	 * nothing changes.
	 */
	@Transactional
	public Selection endorse(HululPrincipal me, long id, int version, EndorsementEntered entered) {
		if (!Bodies.mayEdit(me)) {
			throw new AccessDeniedException("Only the secretariat records the DSTF's endorsement");
		}
		Selection selection = get(id);
		if (selection.status() != SelectionStatus.TALLIED) {
			throw InvalidInputException.of("status", "selection.error.status", selection.status().name());
		}
		if (entered.endorsed() == null) {
			throw InvalidInputException.of("endorsed", "selection.error.endorsed");
		}
		List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
		LocalDate on = (entered.on() != null) ? entered.on() : this.bodies.today();
		if (on.isAfter(this.bodies.today())) {
			problems.add(fieldProblem("on", "selection.error.futureEndorsement", on.toString()));
		}
		Long meeting = null;
		if (entered.meeting() != null) {
			meeting = this.meetings.ofBody(TermsOfReference.DSTF)
				.stream()
				.filter((m) -> m.number() == entered.meeting())
				.map(Meeting::id)
				.findFirst()
				.orElse(null);
			if (meeting == null) {
				problems
					.add(fieldProblem("meeting", "selection.error.meeting", TermsOfReference.DSTF, entered.meeting()));
			}
		}
		String note = blank(entered.note());
		if (note != null && note.length() > 2000) {
			problems.add(fieldProblem("note", "selection.error.tooLong", 2000));
		}
		List<Selection.Application> chosen = selection.chosen();
		List<String> named = (entered.chosen() != null)
				? entered.chosen().stream().map(String::strip).filter((c) -> !c.isEmpty()).distinct().toList()
				: List.of();
		if (entered.endorsed() && !named.isEmpty()) {
			chosen = new ArrayList<>();
			for (int i = 0; i < named.size(); i++) {
				String code = named.get(i);
				Optional<Selection.Application> application = selection.applications()
					.stream()
					.filter((a) -> a.organisation().equals(code))
					.findFirst();
				if (application.isEmpty()) {
					problems.add(fieldProblem("chosen[" + i + "]", "selection.error.notApplicant", code));
				}
				else {
					chosen.add(application.get());
				}
			}
		}
		if (entered.endorsed() && problems.isEmpty()
				&& (chosen.isEmpty() || chosen.size() > selection.places() || (named.isEmpty()
						&& chosen.size() < Math.min(selection.places(), selection.applications().size())))) {
			problems.add(fieldProblem("chosen", "selection.error.choose", selection.places()));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		SelectionStatus status = entered.endorsed() ? SelectionStatus.ENDORSED : SelectionStatus.DECLINED;
		if (!this.repository.move(id, version, status, selection.votingCloses(), on, meeting, note)) {
			throw new StaleEditException(ENTITY, String.valueOf(id));
		}
		if (entered.endorsed()) {
			this.repository.choose(id, chosen.stream().map(Selection.Application::id).toList());
			for (Selection.Application application : chosen) {
				if (selection.kind() == SelectionKind.SEATS) {
					this.bodies.addSeat(me, selection.body(),
							new Bodies.SeatEntered(selection.category().name(), application.organisation(),
									application.representative(), application.alternate(),
									selection.termStart().toString(), selection.termEnd().toString()));
				}
				else {
					this.bodies.appoint(selection.body(), selection.kind().lead(), application.organisation(),
							selection.replaces());
				}
			}
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("status", status.name());
		after.put("on", on.toString());
		after.put("chosen", String.join(",", chosen.stream().map(Selection.Application::organisation).toList()));
		this.audit.record(AuditAction.UPDATE, ENTITY, id,
				AuditLog.summary(
						entered.endorsed() ? "audit.summary.selectionEndorsed" : "audit.summary.selectionDeclined",
						selection.body()),
				Map.of("status", selection.status().name()), after);
		Notifications.Notice notice = Notifications.Notice
			.of("SELECTION_RESULT", "notification.selectionResult." + status.name(), "/selections/" + id,
					selection.body())
			.once("selection-result:" + id);
		for (Selection.Application application : selection.applications()) {
			this.organisations.getByCode(application.organisation()).ifPresent((o) -> tell(o.id(), notice));
		}
		return get(id);
	}

	/**
	 * The member organisations of a body on a day: the holders of a current seat and its
	 * leads; for a body without seats, its leads and the organisations that attended its
	 * meetings in the year before.
	 */
	Set<Long> members(String code, LocalDate day) {
		Body body = this.bodies.get(code);
		Set<String> members = new LinkedHashSet<>();
		body.leads()
			.stream()
			.filter((l) -> l.role() != LeadRole.SECRETARIAT)
			.forEach((l) -> members.add(l.organisation()));
		if (body.seats() != null) {
			this.bodies.seats(code)
				.stream()
				.filter((s) -> s.current(day))
				.forEach((s) -> members.add(s.organisation()));
		}
		else {
			LocalDate from = day.minusMonths(ATTENDANCE_MONTHS);
			this.meetings.ofBody(code)
				.stream()
				.filter((m) -> !m.heldOn().isBefore(from) && !m.heldOn().isAfter(day))
				.forEach((m) -> members.addAll(m.attendance()));
		}
		Set<Long> ids = new LinkedHashSet<>();
		for (String member : members) {
			this.organisations.getByCode(member).ifPresent((o) -> ids.add(o.id()));
		}
		return ids;
	}

	private Organisation applicant(HululPrincipal me, @Nullable String given) {
		String code = blank(given);
		if (code != null && Bodies.mayEdit(me)) {
			return this.organisations.getByCode(code)
				.orElseThrow(() -> InvalidInputException.of("organisation", "seat.error.organisation", code));
		}
		if (me.organisationId() == null) {
			throw InvalidInputException.of("organisation", "selection.error.noOrganisation");
		}
		Organisation own = this.organisations.get(me.organisationId())
			.orElseThrow(() -> new NotFoundException("organisation", me.organisationId()));
		if (code != null && !code.equals(own.code())) {
			throw new AccessDeniedException("An organisation applies for itself");
		}
		return own;
	}

	private void tell(long organisation, Notifications.Notice notice) {
		for (Role role : MEMBER_ROLES) {
			this.notifications.toOrganisation(organisation, role, notice);
		}
	}

	private SelectionRepository.Stored stored(long id) {
		return this.repository.find(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
	}

	private Map<Long, String> bodyCodes() {
		Map<Long, String> codes = new HashMap<>();
		this.bodies.all().forEach((b) -> codes.put(b.id(), b.code()));
		return codes;
	}

	private Selection toSelection(SelectionRepository.Stored stored, Map<Long, String> codes) {
		boolean counted = stored.status() == SelectionStatus.TALLIED || stored.status().finished();
		List<Selection.Application> applications = this.repository.applications(stored.id())
			.stream()
			.map((a) -> new Selection.Application(a.id(), this.bodies.organisation(a.organisationId()),
					a.representative(), a.alternate(), a.statement(), a.submittedAt(), counted ? a.votes() : null,
					a.chosen()))
			.toList();
		List<SelectionRepository.Voter> voters = this.repository.voters(stored.id());
		return new Selection(stored.id(), codes.getOrDefault(stored.bodyId(), "?"), stored.kind(), stored.category(),
				stored.places(), stored.purpose(), stored.deadline(), stored.termStart(), stored.termEnd(),
				(stored.replacesId() != null) ? this.bodies.organisation(stored.replacesId()) : null, stored.status(),
				stored.votingCloses(), stored.endorsedOn(), stored.endorsedMeeting(), stored.note(), stored.openedAt(),
				applications, voters.size(), (int) voters.stream().filter(SelectionRepository.Voter::voted).count(),
				stored.version());
	}

	private void requireRunner(HululPrincipal me, String body) {
		if (!this.bodies.mayRun(me, this.bodies.get(body))) {
			throw new AccessDeniedException("Neither the secretariat nor a coordinator of " + body);
		}
	}

	private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String given, String field,
			String key, List<InvalidInputException.FieldProblem> problems) {
		try {
			return Enum.valueOf(type, (given != null) ? given.strip().toUpperCase(Locale.ROOT) : "");
		}
		catch (IllegalArgumentException ex) {
			problems.add(fieldProblem(field, key, String.valueOf(given)));
			return null;
		}
	}

	private static @Nullable String text(@Nullable String given, String field, int most,
			List<InvalidInputException.FieldProblem> problems) {
		String text = blank(given);
		if (text != null && text.length() > most) {
			problems.add(fieldProblem(field, "selection.error.tooLong", most));
		}
		return text;
	}

	private static String isolate(Object date) {
		return "\u2066" + date + "\u2069";
	}

	private static @Nullable String blank(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static InvalidInputException.FieldProblem fieldProblem(String field, String key, Object... args) {
		return new InvalidInputException.FieldProblem(field, key, List.of(args));
	}

}
