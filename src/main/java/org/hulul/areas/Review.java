package org.hulul.areas;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A review round of a plan: the version it reviews, its deadline, the organisations that
 * review each section, their comments and their resolution, and the endorsement that ends
 * it.
 */
public record Review(long id, long plan, int version, LocalDate openedOn, LocalDate deadline, Status status,
		Map<PlanSection, List<String>> reviewers, List<Comment> comments, @Nullable LocalDate endorsedOn,
		@Nullable String endorsedBy, @Nullable String endorsementNote, @Nullable Integer endorsedVersion) {

	public Review {
		reviewers = Map.copyOf(reviewers);
		comments = List.copyOf(comments);
	}

	public enum Status {

		OPEN, ENDORSED, CLOSED;

		public String key() {
			return "review.status." + name();
		}

	}

	/** What a comment's resolution says: taken in, taken in part, or not. */
	public enum Resolution {

		ACCEPTED, PARTLY, DECLINED;

		public String key() {
			return "review.resolution." + name();
		}

	}

	public boolean open() {
		return this.status == Status.OPEN;
	}

	/** The organisations (codes) that review a section. */
	public List<String> reviewersOf(PlanSection section) {
		return this.reviewers.getOrDefault(section, List.of());
	}

	public List<Comment> commentsOn(PlanSection section) {
		return this.comments.stream().filter((c) -> c.section() == section).toList();
	}

	/** How many comments still wait for their resolution. */
	public long unresolved() {
		return this.comments.stream().filter((c) -> c.resolution() == null).count();
	}

	/**
	 * A comment on a section by an organisation (its code), and how it was resolved
	 * (null: not yet).
	 */
	public record Comment(long id, PlanSection section, String organisation, String author, String body,
			Instant createdAt, @Nullable Resolution resolution, @Nullable String response, @Nullable Instant resolvedAt,
			@Nullable String resolvedBy) {
	}

}
