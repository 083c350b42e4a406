package org.hulul.coordination;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hulul.organisations.Organisation;
import org.hulul.organisations.OrganisationType;
import org.hulul.organisations.Programming;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each membership rule of the DSTWG's terms of reference, broken by a composition made
 * for it from one that keeps them all: 6 UN agencies (4 beyond humanitarian), 6 NGOs (4
 * beyond humanitarian, 2 national), 3 ICCG / cluster seats, 3 UNSDCF priority working
 * groups, 3 other working groups, 3 other entities.
 */
class TermsOfReferenceTests {

	static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

	final Map<String, Organisation> organisations = new HashMap<>();

	final List<Seat> seats = new ArrayList<>();

	TermsOfReferenceTests() {
		for (int i = 0; i < 6; i++) {
			seat(SeatCategory.UN_AGENCY, organisation("UN" + i, OrganisationType.UN_AGENCY, i < 4));
			seat(SeatCategory.NGO, organisation("NGO" + i,
					(i < 2) ? OrganisationType.NATIONAL_NGO : OrganisationType.INTERNATIONAL_NGO, i < 4));
		}
		for (int i = 0; i < 3; i++) {
			seat(SeatCategory.ICCG_CLUSTER, organisation("CL" + i, OrganisationType.CLUSTER, false));
			seat(SeatCategory.UNSDCF_PWG, organisation("PWG" + i, OrganisationType.WORKING_GROUP, true));
			seat(SeatCategory.OTHER_WG, organisation("WG" + i, OrganisationType.WORKING_GROUP, true));
			seat(SeatCategory.OTHER_ENTITY, organisation("OE" + i,
					(i == 0) ? OrganisationType.RED_CROSS_RED_CRESCENT : OrganisationType.PRIVATE_SECTOR, false));
		}
	}

	@Test
	void theFullCompositionKeepsEveryRule() {
		assertThat(this.seats).hasSize(24);
		assertThat(rules()).isEmpty();
		assertThat(rules("OTHER-BODY")).isEmpty();
	}

	@Test
	void twentyFiveSeatsAndSevenUnAgenciesAreTooMany() {
		seat(SeatCategory.UN_AGENCY, organisation("UN9", OrganisationType.UN_AGENCY, true));
		assertThat(rules()).containsExactlyInAnyOrder("SEATS_TOTAL", "CATEGORY_SEATS_UN_AGENCY");
	}

	@Test
	void everyCategoryHasItsQuota() {
		seat(SeatCategory.OTHER_ENTITY, organisation("OE9", OrganisationType.PRIVATE_SECTOR, false));
		assertThat(rules()).contains("CATEGORY_SEATS_OTHER_ENTITY");
		seat(SeatCategory.NGO, organisation("NGO9", OrganisationType.NATIONAL_NGO, true));
		assertThat(rules()).contains("CATEGORY_SEATS_NGO");
	}

	@Test
	void atLeastFourUnAgenciesProgrammeBeyondHumanitarianAid() {
		organisation("UN0", OrganisationType.UN_AGENCY, false); // the same seat, another
																// kind of holder
		assertThat(rules()).containsExactly("UN_PROGRAMMING");
	}

	@Test
	void atLeastFourNgosProgrammeBeyondHumanitarianAid() {
		organisation("NGO3", OrganisationType.INTERNATIONAL_NGO, false); // the same seat,
																			// another
																			// kind of
																			// holder
		assertThat(rules()).containsExactly("NGO_PROGRAMMING");
	}

	@Test
	void atLeastTwoNgosAreNational() {
		organisation("NGO1", OrganisationType.INTERNATIONAL_NGO, true); // the same seat,
																		// another kind of
																		// holder
		assertThat(rules()).containsExactly("NGO_NATIONAL");
	}

	@Test
	void otherWorkingGroupsAreStabilisationDevelopmentRecoveryOrPeacebuildingOnes() {
		organisation("WG2", OrganisationType.WORKING_GROUP, false); // the same seat,
																	// another kind of
																	// holder
		assertThat(rules()).containsExactly("OTHER_WG_PROGRAMMING");
	}

	@Test
	void aSeatIsHeldByAnOrganisationOfItsCategory() {
		this.seats.removeIf((s) -> s.organisation().equals("UN5"));
		seat(SeatCategory.UN_AGENCY, organisation("NGO-X", OrganisationType.INTERNATIONAL_NGO, false));
		assertThat(rules()).containsExactly("HOLDER_TYPE");
	}

	@Test
	void anOrganisationHoldsOneSeat() {
		this.seats.removeIf((s) -> s.organisation().equals("PWG2"));
		this.seats.add(new Seat(99, "DSTWG", SeatCategory.UNSDCF_PWG, "WG0", "focal point", "deputy",
				TODAY.minusMonths(1), TODAY.plusYears(1), 0));
		assertThat(rules()).containsExactly("ONE_SEAT_EACH");
	}

	@Test
	void eachSeatHasOneRepresentativeAndOneAlternate() {
		Seat first = this.seats.remove(0);
		this.seats.add(new Seat(first.id(), first.body(), first.category(), first.organisation(), null, null,
				first.termStart(), first.termEnd(), 0));
		assertThat(rules()).containsExactlyInAnyOrder("REPRESENTATIVE", "ALTERNATE");
	}

	@Test
	void seatsRotateEveryTwoYears() {
		Seat first = this.seats.remove(0);
		this.seats.add(new Seat(first.id(), first.body(), first.category(), first.organisation(), "r", "a",
				TODAY.minusMonths(1), TODAY.plusYears(3), 0));
		assertThat(rules()).containsExactly("TERM_LENGTH");
	}

	@Test
	void aSeatWhoseTermEndedAndWasNotFilledAgainIsARuleBroken() {
		Seat first = this.seats.remove(0);
		this.seats.add(new Seat(first.id(), first.body(), first.category(), first.organisation(), "r", "a",
				TODAY.minusYears(2), TODAY.minusDays(1), 0));
		// the seat no longer counts, so four beyond-humanitarian UN agencies are three
		// now
		assertThat(rules()).containsExactlyInAnyOrder("TERM_ENDED", "UN_PROGRAMMING");
		// filled again: the next term starts where the last ended
		this.seats.add(
				new Seat(500, "DSTWG", first.category(), first.organisation(), "r", "a", TODAY, TODAY.plusYears(2), 0));
		assertThat(rules()).isEmpty();
	}

	private List<String> rules() {
		return rules(TermsOfReference.DSTWG);
	}

	private List<String> rules(String body) {
		return TermsOfReference.check(body, this.seats, this.organisations, TODAY)
			.stream()
			.map(TermsOfReference.Violation::rule)
			.toList();
	}

	private String organisation(String code, OrganisationType type, boolean beyondHumanitarian) {
		Set<Programming> programming = beyondHumanitarian
				? EnumSet.of(Programming.HUMANITARIAN, Programming.DEVELOPMENT) : EnumSet.of(Programming.HUMANITARIAN);
		this.organisations.put(code,
				new Organisation(this.organisations.size() + 1, code, code, null, type, programming, true, false, 0));
		return code;
	}

	private void seat(SeatCategory category, String organisation) {
		this.seats.add(new Seat(this.seats.size() + 1, "DSTWG", category, organisation, "DS focal point",
				"deputy focal point", TODAY.minusMonths(6), TODAY.plusMonths(18), 0));
	}

}
