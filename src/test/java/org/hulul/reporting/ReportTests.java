package org.hulul.reporting;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ReportTests {

	private static final Period Q2 = Period.parse("2025Q2");

	private static final LocalDate DEADLINE = Q2.defaultDeadline();

	private static final LocalDate LOCK = DEADLINE.plusDays(30);

	private static final Instant NOW = Instant.parse("2025-07-10T09:00:00Z");

	private final Report draft = new Report(1, 7, Q2, 3, ReportStatus.DRAFT, false, false, null, 0);

	@Test
	void theWholeLoop() {
		Report submitted = this.draft.submit(NOW, DEADLINE.minusDays(5), DEADLINE, LOCK, 0);
		assertThat(submitted.status()).isEqualTo(ReportStatus.SUBMITTED);
		assertThat(submitted.late()).isFalse();
		Report returned = submitted.returnWith("Add the sex breakdown for Sinjar");
		assertThat(returned.status()).isEqualTo(ReportStatus.RETURNED);
		assertThat(returned.editableOn(DEADLINE, LOCK)).isTrue();
		Report resubmitted = returned.submit(NOW, DEADLINE.plusDays(2), DEADLINE, LOCK, 0);
		assertThat(resubmitted.late()).isTrue();
		Report approved = resubmitted.approve();
		assertThat(approved.status()).isEqualTo(ReportStatus.APPROVED);
		assertThat(approved.editableOn(DEADLINE, LOCK)).isFalse();
		Report reopened = approved.reopen("Figures for IQG15Q07 were double counted", DEADLINE, LOCK);
		assertThat(reopened.status()).isEqualTo(ReportStatus.RETURNED);
	}

	@Test
	void errorsBlockSubmission() {
		assertThatExceptionOfType(ReportTransitionException.class)
			.isThrownBy(() -> this.draft.submit(NOW, DEADLINE, DEADLINE, LOCK, 2))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("report.error.hasErrors"));
	}

	@Test
	void onlyASubmittedReportIsReturnedOrApproved() {
		assertThatExceptionOfType(ReportTransitionException.class).isThrownBy(this.draft::approve);
		assertThatExceptionOfType(ReportTransitionException.class).isThrownBy(() -> this.draft.returnWith("x"));
		Report submitted = this.draft.submit(NOW, DEADLINE, DEADLINE, LOCK, 0);
		assertThatExceptionOfType(ReportTransitionException.class).isThrownBy(() -> submitted.returnWith(" "))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("report.error.commentRequired"));
		assertThatExceptionOfType(ReportTransitionException.class)
			.isThrownBy(() -> submitted.submit(NOW, DEADLINE, DEADLINE, LOCK, 0));
	}

	@Test
	void afterTheLockDateOnlyAReviewerReopens() {
		assertThat(this.draft.editableOn(LOCK, LOCK)).isFalse();
		assertThatExceptionOfType(ReportTransitionException.class)
			.isThrownBy(() -> this.draft.submit(NOW, LOCK, DEADLINE, LOCK, 0))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("report.error.locked"));
		assertThatExceptionOfType(ReportTransitionException.class).isThrownBy(() -> this.draft.reopen("", LOCK, LOCK));
		Report reopened = this.draft.reopen("Partner was offline during the deadline", LOCK, LOCK);
		assertThat(reopened.editableOn(LOCK.plusDays(3), LOCK)).isTrue();
		assertThat(reopened.submit(NOW, LOCK.plusDays(3), DEADLINE, LOCK, 0).late()).isTrue();
		// before the lock date there is nothing to reopen in a draft
		assertThatExceptionOfType(ReportTransitionException.class)
			.isThrownBy(() -> this.draft.reopen("why", DEADLINE, LOCK));
	}

}
