package org.hulul.coordination;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hulul.organisations.Organisation;
import org.hulul.organisations.Organisations;
import org.hulul.platform.FormErrors;
import org.hulul.platform.FormInput;
import org.hulul.platform.HululPrincipal;
import org.hulul.platform.InvalidInputException;
import org.hulul.platform.Markdown;
import org.hulul.platform.PdfDocuments;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordination pages: the architecture of the bodies, a body with its leads,
 * membership (and the rules it breaks) and meetings, a meeting with its agenda, the
 * action points carried into it and those it raised, attendance, minutes and decisions,
 * and the lists of open action points. Problems go back to the page they came from.
 */
@Controller
class CoordinationController {

	private final Bodies bodies;

	private final Meetings meetings;

	private final Organisations organisations;

	private final MessageSource messages;

	private final Markdown markdown;

	private final PdfDocuments documents;

	private final Selections selections;

	CoordinationController(Bodies bodies, Meetings meetings, Selections selections, Organisations organisations,
			MessageSource messages, Markdown markdown, PdfDocuments documents) {
		this.selections = selections;
		this.documents = documents;
		this.bodies = bodies;
		this.meetings = meetings;
		this.organisations = organisations;
		this.messages = messages;
		this.markdown = markdown;
	}

	/** A body in the architecture, with the bodies that report to it. */
	public record Node(Body body, List<Node> below) {
	}

	@GetMapping("/coordination")
	String architecture(@AuthenticationPrincipal HululPrincipal me, Model model) {
		List<Body> all = this.bodies.all();
		List<Node> roots = new ArrayList<>();
		for (Body body : all) {
			if (body.reportsTo() == null) {
				roots.add(node(body, all));
			}
		}
		model.addAttribute("roots", roots);
		model.addAttribute("today", this.bodies.today());
		model.addAttribute("overdue", this.meetings.overdue());
		model.addAttribute("selections", this.selections.all().stream().filter((s) -> !s.status().finished()).toList());
		model.addAttribute("mine", this.meetings.organisationOf(me).map(this.meetings::open).orElse(List.of()));
		return "coordination/architecture";
	}

	private Node node(Body body, List<Body> all) {
		List<Node> below = new ArrayList<>();
		for (Body other : all) {
			if (body.code().equals(other.reportsTo())) {
				below.add(node(other, all));
			}
		}
		return new Node(body, below);
	}

	@GetMapping("/coordination/{code}")
	String body(@AuthenticationPrincipal HululPrincipal me, @PathVariable String code, Locale locale, Model model) {
		Body body = this.bodies.get(code);
		model.addAttribute("body", body);
		model.addAttribute("parent",
				(body.reportsTo() != null) ? this.bodies.find(body.reportsTo()).orElse(null) : null);
		model.addAttribute("below", this.bodies.reportingTo(body.code()));
		List<Seat> seats = this.bodies.seats(body.code());
		LocalDate today = this.bodies.today();
		model.addAttribute("seats", seats);
		model.addAttribute("current", seats.stream().filter((s) -> s.current(today)).count());
		model.addAttribute("violations",
				this.bodies.check(body.code())
					.violations()
					.stream()
					.map((v) -> CoordinationApiController.message(v, this.messages, locale))
					.toList());
		model.addAttribute("categories", SeatCategory.values());
		model.addAttribute("quotas", TermsOfReference.DSTWG.equals(body.code()) ? TermsOfReference.QUOTAS : Map.of());
		model.addAttribute("meetings", this.meetings.ofBody(body.code()).reversed());
		List<Selection> calls = this.selections.ofBody(body.code());
		model.addAttribute("selections", calls);
		model.addAttribute("rotation",
				this.bodies.rotation(body.code())
					.stream()
					.map((r) -> new RotationRow(r, Selections.successorCall(calls, r.ends()).orElse(null)))
					.toList());
		model.addAttribute("kinds", SelectionKind.values());
		model.addAttribute("mayEdit", Bodies.mayEdit(me));
		model.addAttribute("mayRun", this.bodies.mayRun(me, body));
		model.addAttribute("today", today);
		model.addAttribute("organisationChoices", choices(locale));
		return "coordination/body";
	}

	@PostMapping("/coordination/{code}/seats")
	String addSeat(@AuthenticationPrincipal HululPrincipal me, @PathVariable String code,
			@RequestParam MultiValueMap<String, String> form, Locale locale, RedirectAttributes redirect) {
		return act("/coordination/" + code + "#membership", "seat.saved", locale, redirect,
				() -> this.bodies.addSeat(me, code, seat(form)));
	}

	@PostMapping("/coordination/{code}/seats/{seat}/remove")
	String removeSeat(@AuthenticationPrincipal HululPrincipal me, @PathVariable String code, @PathVariable long seat,
			@RequestParam int version, Locale locale, RedirectAttributes redirect) {
		return act("/coordination/" + code + "#membership", "seat.removed", locale, redirect,
				() -> this.bodies.removeSeat(me, code, seat, version));
	}

	@PostMapping("/coordination/{code}/meetings")
	String createMeeting(@AuthenticationPrincipal HululPrincipal me, @PathVariable String code,
			@RequestParam(required = false) @Nullable Integer number,
			@RequestParam(required = false) @Nullable String date,
			@RequestParam(required = false) @Nullable String startsAt,
			@RequestParam(required = false) @Nullable String place, Locale locale, RedirectAttributes redirect) {
		try {
			Meeting meeting = this.meetings.create(me, code, number, FormInput.date(date, "date"), startsAt, place);
			redirect.addFlashAttribute("flashMessage", "meeting.created");
			return "redirect:/meetings/" + meeting.id();
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("pageErrors", FormErrors.messages(ex, this.messages, locale));
			return "redirect:/coordination/" + code + "#meetings";
		}
	}

	@GetMapping("/meetings/{id}")
	String meeting(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id, Locale locale, Model model) {
		Meeting meeting = this.meetings.get(id);
		model.addAttribute("meeting", meeting);
		Body body = this.bodies.get(meeting.body());
		model.addAttribute("body", body);
		// dates inside a sentence are isolated left to right, or Arabic reverses them
		model.addAttribute("agendaDue", "\u2066" + this.meetings.agendaDue(meeting) + "\u2069");
		model.addAttribute("minutesHtml", this.markdown.html(meeting.minutes()));
		model.addAttribute("mayEdit", this.bodies.mayRun(me, body));
		model.addAttribute("mine", this.meetings.organisationOf(me).orElse(null));
		model.addAttribute("statuses", ActionStatus.values());
		model.addAttribute("today", this.bodies.today());
		model.addAttribute("organisationChoices", choices(locale));
		return "coordination/meeting";
	}

	/** The meeting's agenda, action points and minutes as a PDF, in English or Arabic. */
	@GetMapping("/meetings/{id}.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable long id,
			@RequestParam(name = "language", defaultValue = "en") String language) {
		if (!List.of("en", "ar", "ckb").contains(language)) {
			throw InvalidInputException.of("language", "plan.error.language", language);
		}
		Meeting meeting = this.meetings.get(id);
		Map<String, Object> variables = new java.util.HashMap<>();
		variables.put("meeting", meeting);
		variables.put("body", this.bodies.get(meeting.body()));
		variables.put("minutesHtml", this.markdown.html(meeting.minutes()));
		byte[] document = this.documents.render("coordination/meeting-pdf", variables, Locale.forLanguageTag(language));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(meeting.body() + "-" + meeting.number() + "-" + language + ".pdf")
						.build()
						.toString())
			.body(document);
	}

	@PostMapping("/meetings/{id}/agenda")
	String agenda(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) @Nullable String title,
			@RequestParam(required = false) @Nullable Integer minutes,
			@RequestParam(required = false) @Nullable String presenter, Locale locale, RedirectAttributes redirect) {
		return act("/meetings/" + id + "#agenda", "meeting.saved", locale, redirect,
				() -> this.meetings.addAgendaItem(me, id, version, title, minutes, presenter));
	}

	@PostMapping("/meetings/{id}/agenda/{item}/remove")
	String removeItem(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id, @PathVariable long item,
			@RequestParam int version, Locale locale, RedirectAttributes redirect) {
		return act("/meetings/" + id + "#agenda", "meeting.saved", locale, redirect,
				() -> this.meetings.removeAgendaItem(me, id, version, item));
	}

	@PostMapping("/meetings/{id}/publish")
	String publish(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id, @RequestParam int version,
			Locale locale, RedirectAttributes redirect) {
		return act("/meetings/" + id + "#agenda", "meeting.published", locale, redirect,
				() -> this.meetings.publishAgenda(me, id, version));
	}

	@PostMapping("/meetings/{id}/attendance")
	String attendance(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) @Nullable List<String> organisations, Locale locale,
			RedirectAttributes redirect) {
		return act("/meetings/" + id + "#attendance", "meeting.saved", locale, redirect,
				() -> this.meetings.setAttendance(me, id, version, FormInput.codes(organisations)));
	}

	@PostMapping("/meetings/{id}/minutes")
	String minutes(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) @Nullable String minutes, Locale locale, RedirectAttributes redirect) {
		return act("/meetings/" + id + "#minutes", "meeting.saved", locale, redirect,
				() -> this.meetings.writeMinutes(me, id, version, minutes));
	}

	@PostMapping("/meetings/{id}/decisions")
	String decision(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) @Nullable String text, Locale locale, RedirectAttributes redirect) {
		return act("/meetings/" + id + "#decisions", "meeting.saved", locale, redirect,
				() -> this.meetings.addDecision(me, id, version, text));
	}

	@PostMapping("/meetings/{id}/action-points")
	String addAction(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			@RequestParam(required = false) @Nullable String text,
			@RequestParam(required = false) @Nullable String owner,
			@RequestParam(required = false) @Nullable String due, Locale locale, RedirectAttributes redirect) {
		return act("/meetings/" + id + "#action-points", "action.added", locale, redirect,
				() -> this.meetings.addActionPoint(me, id, text, owner, FormInput.date(due, "due")));
	}

	@PostMapping("/action-points/{id}/status")
	String actionStatus(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String back, Locale locale, RedirectAttributes redirect) {
		String to = (back != null && back.startsWith("/") && !back.startsWith("//")) ? back : "/action-points";
		return act(to, "action.saved", locale, redirect, () -> this.meetings.setStatus(me, id, status, version));
	}

	@GetMapping("/action-points")
	String actions(@AuthenticationPrincipal HululPrincipal me, @RequestParam(required = false) @Nullable String owner,
			Model model) {
		String mine = this.meetings.organisationOf(me).orElse(null);
		String chosen = (owner != null && !owner.isBlank()) ? owner.strip() : null;
		model.addAttribute("owner", chosen);
		model.addAttribute("mineCode", mine);
		model.addAttribute("overdue",
				this.meetings.overdue().stream().filter((a) -> chosen == null || chosen.equals(a.owner())).toList());
		model.addAttribute("open", this.meetings.open(chosen));
		model.addAttribute("today", this.bodies.today());
		model.addAttribute("statuses", ActionStatus.values());
		model.addAttribute("mayEditAll", Bodies.mayEdit(me));
		return "coordination/actions";
	}

	private List<Choice> choices(Locale locale) {
		return choices(this.organisations, locale);
	}

	/** The active organisations to choose from, by code. */
	static List<Choice> choices(Organisations organisations, Locale locale) {
		return organisations.list()
			.stream()
			.filter(Organisation::active)
			.sorted(Comparator.comparing(Organisation::code))
			.map((o) -> new Choice(o.code(), o.code() + " · " + o.name(locale)))
			.toList();
	}

	/** A day seats' terms end, and the call for their successors, if one is out. */
	public record RotationRow(Bodies.Rotation rotation, @Nullable Selection call) {
	}

	/** An organisation to choose: its code and what the reader sees. */
	public record Choice(String code, String label) {
	}

	private static Bodies.SeatEntered seat(MultiValueMap<String, String> form) {
		return new Bodies.SeatEntered(form.getFirst("category"), form.getFirst("organisation"),
				form.getFirst("representative"), form.getFirst("alternate"), form.getFirst("termStart"),
				form.getFirst("termEnd"));
	}

	private String act(String to, String done, Locale locale, RedirectAttributes redirect, Runnable action) {
		return PageOutcome.act(to, done, "meeting.stale", this.messages, locale, redirect, action);
	}

}
