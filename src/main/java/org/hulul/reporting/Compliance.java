package org.hulul.reporting;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hulul.organisations.Organisation;
import org.hulul.organisations.OrganisationType;
import org.hulul.organisations.Organisations;

import org.springframework.stereotype.Service;

/**
 * Who has reported for a quarter: every active partner organisation with the status of
 * its report (not started when it has none) and whether it is late.
 */
@Service
public class Compliance {

	/** The kinds of organisation expected to report: the implementing partners. */
	static final Set<OrganisationType> PARTNERS = Set.of(OrganisationType.UN_AGENCY, OrganisationType.INTERNATIONAL_NGO,
			OrganisationType.NATIONAL_NGO, OrganisationType.RED_CROSS_RED_CRESCENT, OrganisationType.PRIVATE_SECTOR);

	private final Organisations organisations;

	private final ReportingRepository repository;

	private final ReportingCalendar calendar;

	Compliance(Organisations organisations, ReportingRepository repository, ReportingCalendar calendar) {
		this.organisations = organisations;
		this.repository = repository;
		this.calendar = calendar;
	}

	public Result of(Period period) {
		PeriodDates dates = this.calendar.dates(period);
		LocalDate today = this.calendar.today();
		List<Row> rows = this.organisations.list()
			.stream()
			.filter((o) -> o.active() && PARTNERS.contains(o.type()))
			.map((o) -> row(o, period, dates, today))
			.toList();
		Map<State, Long> counts = new EnumMap<>(State.class);
		for (State state : State.values()) {
			counts.put(state, rows.stream().filter((r) -> r.state() == state).count());
		}
		return new Result(period, dates, rows, counts, rows.stream().filter(Row::late).count());
	}

	private Row row(Organisation organisation, Period period, PeriodDates dates, LocalDate today) {
		return this.repository.findReport(organisation.id(), period)
			.map((r) -> new Row(organisation.id(), organisation.code(), organisation.nameEn(),
					State.valueOf(r.status().name()),
					r.late() || (r.status().isEditable() && today.isAfter(dates.deadline())), r.id()))
			.orElseGet(() -> new Row(organisation.id(), organisation.code(), organisation.nameEn(), State.NOT_STARTED,
					today.isAfter(dates.deadline()), null));
	}

	/** Where an organisation's report for the quarter stands. */
	public enum State {

		NOT_STARTED, DRAFT, SUBMITTED, RETURNED, APPROVED

	}

	/** One partner's line of the compliance table. */
	public record Row(long organisationId, String code, String name, State state, boolean late,
			@org.jspecify.annotations.Nullable Long reportId) {
	}

	/**
	 * The compliance of a quarter: one row per partner, counts per state, how many late.
	 */
	public record Result(Period period, PeriodDates dates, List<Row> rows, Map<State, Long> counts, long late) {
	}

}
