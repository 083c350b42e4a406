package org.hulul.coordination;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hulul.platform.HululPrincipal;
import org.hulul.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Selections over the API: the call, the applications, the vote, the count and the DSTF's
 * endorsement.
 */
@RestController
@Tag(name = "Coordination")
class SelectionApiController {

	private final Selections selections;

	SelectionApiController(Selections selections) {
		this.selections = selections;
	}

	record VoteOpening(@Nullable LocalDate closes, @Nullable Integer version) {
	}

	record Ballot(@Nullable List<String> choices) {
	}

	record Versioned(@Nullable Integer version) {
	}

	record Endorsement(@Nullable Boolean endorsed, @Nullable LocalDate on, @Nullable Integer meeting,
			@Nullable List<String> chosen, @Nullable String note, @Nullable Integer version) {
	}

	@GetMapping("/api/v1/selections")
	@Operation(summary = "Every selection, the latest deadline first; ?body= a body's code")
	List<Selection> all(@RequestParam(required = false) @Nullable String body) {
		return (body != null) ? this.selections.ofBody(body) : this.selections.all();
	}

	@GetMapping("/api/v1/selections/{id}")
	@Operation(summary = "A selection with its applications; votes are shown once counted")
	Selection get(@PathVariable long id) {
		return this.selections.get(id);
	}

	@GetMapping("/api/v1/selections/{id}/electorate")
	@Operation(summary = "Who may vote and whether each has (never what it chose): for the secretariat")
	Map<String, Boolean> electorate(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id) {
		return this.selections.electorate(me, id);
	}

	@PostMapping("/api/v1/bodies/{code}/selections")
	@Operation(summary = "Open a call for expressions of interest (the secretariat)",
			description = "{\"kind\":\"SEATS|CO_LEAD|CO_CHAIR\",\"category\" (a seat category; required for seats),"
					+ "\"places\",\"purpose\",\"deadline\",\"termStart\",\"termEnd\",\"replaces\" (the organisation "
					+ "stepping down)}")
	ResponseEntity<Selection> open(@AuthenticationPrincipal HululPrincipal me, @PathVariable String code,
			@RequestBody Selections.CallEntered body) {
		Selection selection = this.selections.open(me, code, body);
		return ResponseEntity.created(URI.create("/api/v1/selections/" + selection.id())).body(selection);
	}

	@PostMapping("/api/v1/selections/{id}/applications")
	@Operation(summary = "Express the organisation's interest, until the deadline",
			description = "{\"representative\",\"alternate\" (by role),\"statement\",\"organisation\" (the secretariat "
					+ "only, for an application received otherwise)}")
	ResponseEntity<Selection> apply(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			@RequestBody Selections.ApplicationEntered body) {
		return ResponseEntity.status(201).body(this.selections.apply(me, id, body));
	}

	@DeleteMapping("/api/v1/selections/{id}/applications/{organisation}")
	@Operation(summary = "Withdraw an application, while the call is open")
	Selection withdraw(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			@PathVariable String organisation) {
		return this.selections.withdraw(me, id, organisation);
	}

	@PostMapping("/api/v1/selections/{id}/vote")
	@Operation(summary = "Open the vote once the deadline has passed", description = "{\"closes\",\"version\"}")
	Selection openVote(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			@RequestBody VoteOpening body) {
		return this.selections.openVote(me, id, version(body.version()), body.closes());
	}

	@PostMapping("/api/v1/selections/{id}/ballots")
	@Operation(summary = "Cast the organisation's one ballot",
			description = "{\"choices\":[organisation codes]}, at most as many as there are places")
	ResponseEntity<Map<String, Boolean>> vote(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			@RequestBody Ballot body) {
		this.selections.vote(me, id, body.choices());
		return ResponseEntity.status(201).body(Map.of("voted", true));
	}

	@PostMapping("/api/v1/selections/{id}/tally")
	@Operation(summary = "Close the vote and count it", description = "{\"version\"}")
	Selection tally(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id, @RequestBody Versioned body) {
		return this.selections.tally(me, id, version(body.version()));
	}

	@PostMapping("/api/v1/selections/{id}/endorsement")
	@Operation(summary = "Record the DSTF's decision (the secretariat); endorsed, the membership changes",
			description = "{\"endorsed\":true|false,\"on\",\"meeting\" (the DSTF meeting's number),"
					+ "\"chosen\" (codes; required after a tie),\"note\",\"version\"}")
	Selection endorse(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			@RequestBody Endorsement body) {
		return this.selections.endorse(me, id, version(body.version()), new Selections.EndorsementEntered(
				body.endorsed(), body.on(), body.meeting(), body.chosen(), body.note()));
	}

	private static int version(@Nullable Integer version) {
		if (version == null) {
			throw InvalidInputException.of("version", "selection.error.version");
		}
		return version;
	}

}
