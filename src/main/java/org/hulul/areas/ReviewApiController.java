package org.hulul.areas;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hulul.platform.HululPrincipal;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Review rounds of the Plans of Action and the versions kept of them, over the API. */
@RestController
@Tag(name = "Areas")
class ReviewApiController {

	private final Reviews reviews;

	ReviewApiController(Reviews reviews) {
		this.reviews = reviews;
	}

	record NewReview(@Nullable LocalDate deadline, @Nullable Map<String, List<String>> reviewers) {
	}

	record NewComment(@Nullable String section, @Nullable String body) {
	}

	record ResolutionBody(@Nullable String resolution, @Nullable String response) {
	}

	record EndorsementBody(@Nullable String organisation, @Nullable LocalDate on, @Nullable String note) {
	}

	record KeepBody(@Nullable String note) {
	}

	/** A version as listed: without its content. */
	record VersionBody(int number, String reason, @Nullable String note, String takenAt, String takenBy) {

		static VersionBody of(PlanVersion version) {
			return new VersionBody(version.number(), version.reason().name(), version.note(),
					version.takenAt().toString(), version.takenBy());
		}

	}

	@GetMapping("/api/v1/plans/{id}/reviews")
	@Operation(summary = "A plan's review rounds, the latest first")
	List<Review> list(@PathVariable long id) {
		return this.reviews.ofPlan(id);
	}

	@PostMapping("/api/v1/plans/{id}/reviews")
	@Operation(summary = "Open a review round of a plan (its editors)",
			description = "{\"deadline\":\"yyyy-mm-dd\" (a week from today when left out),\"reviewers\":{\"PURPOSE\":"
					+ "[organisation codes], …}}; one round open at a time; a version of the plan is kept.")
	ResponseEntity<Review> open(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			@RequestBody NewReview body) {
		Review review = this.reviews.open(me, id, body.deadline(), body.reviewers());
		return ResponseEntity.created(URI.create("/api/v1/reviews/" + review.id())).body(review);
	}

	@GetMapping("/api/v1/reviews/{review}")
	@Operation(summary = "A review round with its comments")
	Review get(@PathVariable long review) {
		return this.reviews.get(review);
	}

	@PostMapping("/api/v1/reviews/{review}/comments")
	@Operation(summary = "Comment on a section (people of its reviewing organisations, and the plan's editors)",
			description = "{\"section\",\"body\"}; until the round's deadline.")
	Review comment(@AuthenticationPrincipal HululPrincipal me, @PathVariable long review,
			@RequestBody NewComment body) {
		return this.reviews.comment(me, review, body.section(), body.body());
	}

	@PostMapping("/api/v1/comments/{comment}/resolution")
	@Operation(summary = "Resolve a comment (the plan's editors)",
			description = "{\"resolution\":\"ACCEPTED|PARTLY|DECLINED\",\"response\" (needed unless ACCEPTED)}; "
					+ "409 when it was resolved meanwhile.")
	Review resolve(@AuthenticationPrincipal HululPrincipal me, @PathVariable long comment,
			@RequestBody ResolutionBody body) {
		return this.reviews.resolve(me, comment, body.resolution(), body.response());
	}

	@PostMapping("/api/v1/reviews/{review}/endorsement")
	@Operation(summary = "Record the endorsement that ends a round (every comment resolved)",
			description = "{\"organisation\" (the body that endorsed),\"on\",\"note\"}; a version of the plan is kept.")
	Review endorse(@AuthenticationPrincipal HululPrincipal me, @PathVariable long review,
			@RequestBody EndorsementBody body) {
		return this.reviews.endorse(me, review, body.organisation(), body.on(), body.note());
	}

	@PostMapping("/api/v1/reviews/{review}/close")
	@Operation(summary = "Close a round without endorsement")
	Review close(@AuthenticationPrincipal HululPrincipal me, @PathVariable long review) {
		return this.reviews.close(me, review);
	}

	@GetMapping("/api/v1/plans/{id}/versions")
	@Operation(summary = "The versions kept of a plan")
	List<VersionBody> versions(@PathVariable long id) {
		return this.reviews.versions(id).stream().map(VersionBody::of).toList();
	}

	@PostMapping("/api/v1/plans/{id}/versions")
	@Operation(summary = "Keep a version of the plan as it stands", description = "{\"note\"}")
	ResponseEntity<VersionBody> keep(@AuthenticationPrincipal HululPrincipal me, @PathVariable long id,
			@RequestBody KeepBody body) {
		PlanVersion version = this.reviews.keep(me, id, body.note());
		return ResponseEntity.created(URI.create("/api/v1/plans/" + id + "/versions/" + version.number()))
			.body(VersionBody.of(version));
	}

	@GetMapping("/api/v1/plans/{id}/versions/{number}")
	@Operation(summary = "A version kept of a plan, with the plan as it stood")
	PlanVersion version(@PathVariable long id, @PathVariable int number) {
		return this.reviews.versions(id)
			.stream()
			.filter((v) -> v.number() == number)
			.findFirst()
			.orElseThrow(() -> new org.hulul.platform.NotFoundException("plan_version", number));
	}

	@GetMapping("/api/v1/plans/{id}/versions/compare")
	@Operation(summary = "Two versions of a plan compared, part by part, line by line",
			description = "?from=1&to=2; lines tagged EQUAL, CHANGE, INSERT, DELETE, words changed in <del>/<ins>.")
	Reviews.Comparison compare(@PathVariable long id, @RequestParam int from, @RequestParam int to) {
		return this.reviews.compare(id, from, to);
	}

}
