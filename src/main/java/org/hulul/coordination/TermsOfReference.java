package org.hulul.coordination;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hulul.organisations.Organisation;
import org.hulul.organisations.OrganisationType;
import org.hulul.organisations.Programming;
import org.jspecify.annotations.Nullable;

/**
 * The membership rules of the DSTWG's terms of reference, and those every body's seats
 * keep: 24 seats — UN agencies 6 (at least 4 with substantial development, stabilisation,
 * recovery or peacebuilding programming), NGOs 6 (at least 4 such, at least 2 national),
 * ICCG / clusters 3, UNSDCF priority working groups 3, other working groups 3
 * (stabilisation, development, recovery or peacebuilding ones), other entities 3; each
 * seat one representative and one alternate; seats held by organisations of their
 * category, one each; terms that rotate every two years.
 */
public final class TermsOfReference {

	/** The body whose composition the terms of reference set. */
	static final String DSTWG = "DSTWG";

	static final String DSTF = "DSTF";

	static final int SEATS = 24;

	static final Map<SeatCategory, Integer> QUOTAS = Map.of(SeatCategory.UN_AGENCY, 6, SeatCategory.NGO, 6,
			SeatCategory.ICCG_CLUSTER, 3, SeatCategory.UNSDCF_PWG, 3, SeatCategory.OTHER_WG, 3,
			SeatCategory.OTHER_ENTITY, 3);

	static final int UN_WITH_PROGRAMMING = 4;

	static final int NGO_WITH_PROGRAMMING = 4;

	static final int NATIONAL_NGOS = 2;

	/** The longest term of a seat: seats rotate every two years. */
	static final int TERM_YEARS = 2;

	/** The programming the terms of reference ask of most seats. */
	static final Set<Programming> BEYOND_HUMANITARIAN = Set.of(Programming.DEVELOPMENT, Programming.STABILISATION,
			Programming.RECOVERY, Programming.PEACEBUILDING);

	private TermsOfReference() {
	}

	/**
	 * A rule broken: its name, and the message (a key and its arguments) that says how.
	 */
	public record Violation(String rule, String messageKey, List<Object> args) {
	}

	/**
	 * Every rule the seats break on the day: the seats whose term covers it count; a seat
	 * whose term ended and was not filled again is a rule broken too.
	 */
	static List<Violation> check(String body, List<Seat> seats, Map<String, Organisation> organisations,
			LocalDate day) {
		List<Violation> violations = new ArrayList<>();
		List<Seat> current = seats.stream().filter((s) -> s.current(day)).toList();
		boolean dstwg = DSTWG.equals(body);
		if (dstwg && current.size() > SEATS) {
			violations.add(new Violation("SEATS_TOTAL", "membership.rule.total", List.of(current.size(), SEATS)));
		}
		Map<SeatCategory, List<Seat>> byCategory = new EnumMap<>(SeatCategory.class);
		current.forEach((s) -> byCategory.computeIfAbsent(s.category(), (k) -> new ArrayList<>()).add(s));
		if (dstwg) {
			for (SeatCategory category : SeatCategory.values()) {
				int held = byCategory.getOrDefault(category, List.of()).size();
				if (held > QUOTAS.get(category)) {
					violations.add(new Violation("CATEGORY_SEATS_" + category.name(), "membership.rule.quota",
							List.of(category.key(), held, QUOTAS.get(category))));
				}
			}
			long un = count(byCategory.get(SeatCategory.UN_AGENCY), organisations, null, true);
			if (un < UN_WITH_PROGRAMMING) {
				violations.add(new Violation("UN_PROGRAMMING", "membership.rule.unProgramming",
						List.of(un, UN_WITH_PROGRAMMING)));
			}
			long ngo = count(byCategory.get(SeatCategory.NGO), organisations, null, true);
			if (ngo < NGO_WITH_PROGRAMMING) {
				violations.add(new Violation("NGO_PROGRAMMING", "membership.rule.ngoProgramming",
						List.of(ngo, NGO_WITH_PROGRAMMING)));
			}
			long national = count(byCategory.get(SeatCategory.NGO), organisations, OrganisationType.NATIONAL_NGO,
					false);
			if (national < NATIONAL_NGOS) {
				violations.add(new Violation("NGO_NATIONAL", "membership.rule.nationalNgos",
						List.of(national, NATIONAL_NGOS)));
			}
			for (Seat seat : byCategory.getOrDefault(SeatCategory.OTHER_WG, List.of())) {
				Organisation holder = organisations.get(seat.organisation());
				if (holder != null && holder.programming().stream().noneMatch(BEYOND_HUMANITARIAN::contains)) {
					violations.add(new Violation("OTHER_WG_PROGRAMMING", "membership.rule.otherWg",
							List.of(seat.organisation())));
				}
			}
		}
		Map<String, Integer> seatsOf = new HashMap<>();
		for (Seat seat : current) {
			Organisation holder = organisations.get(seat.organisation());
			if (holder != null && !seat.category().takes(holder.type())) {
				violations.add(new Violation("HOLDER_TYPE", "membership.rule.holderType",
						List.of(seat.organisation(), holder.type().labelKey(), seat.category().key())));
			}
			seatsOf.merge(seat.organisation(), 1, Integer::sum);
			if (seat.representative() == null) {
				violations.add(new Violation("REPRESENTATIVE", "membership.rule.representative",
						List.of(seat.organisation())));
			}
			if (seat.alternate() == null) {
				violations.add(new Violation("ALTERNATE", "membership.rule.alternate", List.of(seat.organisation())));
			}
			if (seat.termEnd().isAfter(seat.termStart().plusYears(TERM_YEARS))) {
				violations.add(new Violation("TERM_LENGTH", "membership.rule.termLength",
						List.of(seat.organisation(), seat.termStart().toString(), seat.termEnd().toString())));
			}
		}
		seatsOf.forEach((organisation, count) -> {
			if (count > 1) {
				violations.add(new Violation("ONE_SEAT_EACH", "membership.rule.oneSeat", List.of(organisation, count)));
			}
		});
		// a seat whose term ended with no successor (a seat of its category whose term
		// starts at its end, or at most a month before, for the handover) waits for its
		// rotation
		for (Seat seat : seats) {
			LocalDate handover = seat.termEnd().minusMonths(1);
			boolean succeeded = seats.stream()
				.anyMatch((s) -> s != seat && s.category() == seat.category() && !s.termStart().isBefore(handover));
			if (seat.termEnd().isBefore(day) && !succeeded) {
				violations.add(new Violation("TERM_ENDED", "membership.rule.termEnded",
						List.of(seat.organisation(), seat.category().key(), seat.termEnd().toString())));
			}
		}
		return violations;
	}

	private static long count(@Nullable List<Seat> seats, Map<String, Organisation> organisations,
			@Nullable OrganisationType type, boolean beyondHumanitarian) {
		if (seats == null) {
			return 0;
		}
		return seats.stream().map((s) -> organisations.get(s.organisation())).filter((o) -> o != null).filter((o) -> {
			boolean ofType = type == null || o.type() == type;
			boolean programming = !beyondHumanitarian
					|| o.programming().stream().anyMatch(BEYOND_HUMANITARIAN::contains);
			return ofType && programming;
		}).count();
	}

}
