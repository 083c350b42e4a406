package org.hulul.coordination;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A selection: for a body (a code), what it fills (and from which category of
 * stakeholders, for seats), how many places, why, the deadline for expressions of
 * interest, the term, the organisation stepping down (a code), where it stands, when the
 * vote closes, when and at which DSTF meeting it was endorsed, the applications and how
 * many of the electorate have voted. The votes of each application are shown once
 * counted, never before.
 */
public record Selection(long id, String body, SelectionKind kind, @Nullable SeatCategory category, int places,
		@Nullable String purpose, LocalDate deadline, @Nullable LocalDate termStart, @Nullable LocalDate termEnd,
		@Nullable String replaces, SelectionStatus status, @Nullable LocalDate votingCloses,
		@Nullable LocalDate endorsedOn, @Nullable Long endorsedMeeting, @Nullable String note, Instant openedAt,
		List<Application> applications, int electorate, int voted, int version) {

	public Selection {
		applications = List.copyOf(applications);
	}

	/** Whether expressions of interest are still taken on the day. */
	public boolean takesApplications(LocalDate day) {
		return this.status == SelectionStatus.CALL && !day.isAfter(this.deadline);
	}

	/** Whether ballots are still taken on the day. */
	public boolean takesBallots(LocalDate day) {
		return this.status == SelectionStatus.VOTING && this.votingCloses != null && !day.isAfter(this.votingCloses);
	}

	/** Whether the votes have been counted (and may be shown). */
	public boolean counted() {
		return this.status == SelectionStatus.TALLIED || this.status.finished();
	}

	/** The applications the count chose. */
	public List<Application> chosen() {
		return this.applications.stream().filter(Application::chosen).toList();
	}

	/**
	 * An organisation's expression of interest: its representative and alternate (by
	 * role), its statement; its votes once counted (null before) and whether the count or
	 * the endorsement chose it.
	 */
	public record Application(long id, String organisation, @Nullable String representative, @Nullable String alternate,
			@Nullable String statement, Instant submittedAt, @Nullable Integer votes, boolean chosen) {
	}

}
