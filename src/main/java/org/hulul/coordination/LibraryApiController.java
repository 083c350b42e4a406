package org.hulul.coordination;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hulul.platform.HululPrincipal;
import org.hulul.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The coordination library and its review rounds over the API. */
@RestController
@Tag(name = "Coordination")
class LibraryApiController {

	private final Library library;

	LibraryApiController(Library library) {
		this.library = library;
	}

	record DocumentBody(@Nullable String title, @Nullable String kind, @Nullable String body,
			@Nullable List<String> objectives, @Nullable String link, @Nullable String classification,
			@Nullable String summary, @Nullable Integer version) {

		Library.DocumentEntered entered() {
			return new Library.DocumentEntered(this.title, this.kind, this.body, this.objectives, this.link,
					this.classification, this.summary);
		}

	}

	record RoundBody(@Nullable LocalDate deadline, @Nullable List<Library.SectionEntered> sections) {
	}

	record CommentBody(@Nullable String text) {
	}

	record ResolutionBody(@Nullable String resolution, @Nullable String response) {
	}

	record SubmissionBody(@Nullable String to, @Nullable Integer version) {
	}

	@GetMapping("/api/v1/documents")
	@Operation(summary = "The coordination library, the latest first",
			description = "?objective=SO3, ?body=DSTWG, ?kind=GUIDELINE")
	List<LibraryDocument> find(@RequestParam(required = false) @Nullable String objective,
			@RequestParam(required = false) @Nullable String body,
			@RequestParam(required = false) @Nullable String kind) {
		return this.library.find(objective, body, kind);
	}

	@GetMapping("/api/v1/documents/{id}")
	@Operation(summary = "A document with its review rounds, sections and comments")
	LibraryDocument get(@PathVariable long id) {
		return this.library.get(id);
	}

	@PostMapping("/api/v1/documents")
	@Operation(summary = "Add a document to the library (whoever runs its body)",
			description = "{\"title\",\"kind\":\"FRAMEWORK|TERMS_OF_REFERENCE|GUIDELINE|PLAN|OTHER\",\"body\","
					+ "\"objectives\":[\"SO1\"],\"link\",\"classification\":\"APPLIES|REFRAME|NEW\" (guidelines),"
					+ "\"summary\"}")
	ResponseEntity<LibraryDocument> add(@AuthenticationPrincipal HululPrincipal me, @RequestBody DocumentBody body) {
		LibraryDocument document = this.library.add(me, body.entered());
		return ResponseEntity.created(URI.create("/api/v1/documents/" + document.id())).body(document);
	}

	@PutMapping("/api/v1/documents/{id}")
	@Operation(summary = "Change a document", description = "As for adding, with its \"version\"; 409 when stale.")
	LibraryDocument change(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			@RequestBody DocumentBody body) {
		return this.library.change(me, id, version(body.version()), body.entered());
	}

	@PostMapping("/api/v1/documents/{id}/rounds")
	@Operation(summary = "Open a review round; the reviewing organisations are told",
			description = "{\"deadline\",\"sections\":[{\"title\",\"organisation\" (optional)}]}")
	ResponseEntity<LibraryDocument> openRound(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			@RequestBody RoundBody body) {
		return ResponseEntity.status(201).body(this.library.openRound(me, id, body.deadline(), body.sections()));
	}

	@PostMapping("/api/v1/document-sections/{id}/comments")
	@Operation(summary = "Comment on a section, until the round's deadline", description = "{\"text\"}")
	ResponseEntity<LibraryDocument> comment(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			@RequestBody CommentBody body) {
		return ResponseEntity.status(201).body(this.library.comment(me, id, body.text()));
	}

	@PatchMapping("/api/v1/document-comments/{id}")
	@Operation(summary = "Resolve a comment",
			description = "{\"resolution\":\"ACCEPTED|PARTLY|NOT_ACCEPTED\",\"response\"}")
	LibraryDocument resolve(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			@RequestBody ResolutionBody body) {
		return this.library.resolve(me, id, body.resolution(), body.response());
	}

	@PostMapping("/api/v1/document-rounds/{id}/submission")
	@Operation(summary = "Submit the reviewed document to the next body, every comment resolved",
			description = "{\"to\" (a body's code; the one the owner reports to when left out),\"version\"}")
	LibraryDocument submit(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			@RequestBody SubmissionBody body) {
		return this.library.submit(me, id, version(body.version()), body.to());
	}

	private static int version(@Nullable Integer version) {
		if (version == null) {
			throw InvalidInputException.of("version", "document.error.version");
		}
		return version;
	}

}
