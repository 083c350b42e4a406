package org.hulul.coordination;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A document of the coordination library: its title, kind, the body that owns it (a
 * code), the strategic objectives it concerns (codes), where it is kept (a link), a
 * technical guideline's classification, a summary, and its review rounds, the latest
 * last.
 */
public record LibraryDocument(long id, String title, DocumentKind kind, String body, List<String> objectives,
		@Nullable String link, @Nullable GuidelineClass classification, @Nullable String summary, Instant addedAt,
		List<Round> rounds, int version) {

	public LibraryDocument {
		objectives = List.copyOf(objectives);
		rounds = List.copyOf(rounds);
	}

	/** The round under way, if any. */
	public @Nullable Round openRound() {
		return this.rounds.stream().filter((r) -> !r.submitted()).findFirst().orElse(null);
	}

	/**
	 * A review round: its number, the deadline for comments, the sections and their
	 * reviewing organisations; once every comment is resolved, the body it went to and
	 * when.
	 */
	public record Round(long id, int number, LocalDate deadline, boolean submitted, @Nullable String submittedTo,
			@Nullable LocalDate submittedOn, List<Section> sections, int version) {

		public Round {
			sections = List.copyOf(sections);
		}

		/** Whether comments are still taken on the day. */
		public boolean takesComments(LocalDate day) {
			return !this.submitted && !day.isAfter(this.deadline);
		}

		/** How many comments wait for their resolution. */
		public long unresolved() {
			return this.sections.stream()
				.flatMap((s) -> s.comments().stream())
				.filter((c) -> c.resolution() == null)
				.count();
		}

		public long comments() {
			return this.sections.stream().mapToLong((s) -> s.comments().size()).sum();
		}

	}

	/** A section of the document, reviewed by an organisation (a code) or by everyone. */
	public record Section(long id, int position, String title, @Nullable String organisation, List<Comment> comments) {

		public Section {
			comments = List.copyOf(comments);
		}

	}

	/** A reviewer's comment, and how it was resolved. */
	public record Comment(long id, @Nullable String organisation, String author, String text, Instant writtenAt,
			@Nullable Resolution resolution, @Nullable String response, @Nullable String resolvedBy) {
	}

}
