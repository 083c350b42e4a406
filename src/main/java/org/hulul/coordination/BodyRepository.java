package org.hulul.coordination;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hulul.db.tables.records.BodyRecord;
import org.hulul.db.tables.records.SeatRecord;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Repository;

import static org.hulul.db.Tables.BODY;
import static org.hulul.db.Tables.BODY_LEAD;
import static org.hulul.db.Tables.SEAT;

/** The bodies, their leads and the seats of their membership; organisations by id. */
@Repository
class BodyRepository {

	private final DSLContext db;

	BodyRepository(DSLContext db) {
		this.db = db;
	}

	record Stored(long id, String code, String nameEn, @Nullable String nameAr, BodyKind kind, @Nullable Long reportsTo,
			@Nullable String area, @Nullable String purpose, @Nullable LocalDate endsOn, @Nullable Integer seats,
			List<StoredLead> leads, int version) {
	}

	record StoredLead(LeadRole role, long organisationId) {
	}

	record StoredSeat(long id, long bodyId, SeatCategory category, long organisationId, @Nullable String representative,
			@Nullable String alternate, LocalDate termStart, LocalDate termEnd, int version) {
	}

	List<Stored> all() {
		Map<Long, List<StoredLead>> leads = new HashMap<>();
		this.db.selectFrom(BODY_LEAD)
			.orderBy(BODY_LEAD.POSITION)
			.forEach((r) -> leads.computeIfAbsent(r.getBodyId(), (k) -> new ArrayList<>())
				.add(new StoredLead(LeadRole.valueOf(r.getRole()), r.getOrganisationId())));
		return this.db.selectFrom(BODY)
			.orderBy(BODY.ID)
			.fetch((r) -> stored(r, leads.getOrDefault(r.getId(), List.of())));
	}

	private static Stored stored(BodyRecord r, List<StoredLead> leads) {
		return new Stored(r.getId(), r.getCode(), r.getNameEn(), r.getNameAr(), BodyKind.valueOf(r.getKind()),
				r.getReportsTo(), r.getAreaCode(), r.getPurpose(), r.getEndsOn(), r.getSeats(), leads, r.getVersion());
	}

	long insert(Stored body) {
		long id = this.db.insertInto(BODY)
			.set(BODY.CODE, body.code())
			.set(BODY.NAME_EN, body.nameEn())
			.set(BODY.NAME_AR, body.nameAr())
			.set(BODY.KIND, body.kind().name())
			.set(BODY.REPORTS_TO, body.reportsTo())
			.set(BODY.AREA_CODE, body.area())
			.set(BODY.PURPOSE, body.purpose())
			.set(BODY.ENDS_ON, body.endsOn())
			.set(BODY.SEATS, body.seats())
			.returningResult(BODY.ID)
			.fetchSingle(BODY.ID);
		int position = 0;
		for (StoredLead lead : body.leads()) {
			this.db.insertInto(BODY_LEAD)
				.set(BODY_LEAD.BODY_ID, id)
				.set(BODY_LEAD.ORGANISATION_ID, lead.organisationId())
				.set(BODY_LEAD.ROLE, lead.role().name())
				.set(BODY_LEAD.POSITION, position++)
				.execute();
		}
		return id;
	}

	/** Renames a body and sets its leads anew. */
	void update(long id, String nameEn, @Nullable String nameAr, @Nullable Long reportsTo, List<StoredLead> leads) {
		this.db.update(BODY)
			.set(BODY.NAME_EN, nameEn)
			.set(BODY.NAME_AR, nameAr)
			.set(BODY.REPORTS_TO, reportsTo)
			.set(BODY.VERSION, BODY.VERSION.plus(1))
			.where(BODY.ID.eq(id))
			.execute();
		this.db.deleteFrom(BODY_LEAD).where(BODY_LEAD.BODY_ID.eq(id)).execute();
		int position = 0;
		for (StoredLead lead : leads) {
			this.db.insertInto(BODY_LEAD)
				.set(BODY_LEAD.BODY_ID, id)
				.set(BODY_LEAD.ORGANISATION_ID, lead.organisationId())
				.set(BODY_LEAD.ROLE, lead.role().name())
				.set(BODY_LEAD.POSITION, position++)
				.execute();
		}
	}

	List<StoredSeat> seats(long bodyId) {
		return this.db.selectFrom(SEAT)
			.where(SEAT.BODY_ID.eq(bodyId))
			.orderBy(SEAT.CATEGORY, SEAT.TERM_START, SEAT.ID)
			.fetch(BodyRepository::seat);
	}

	Optional<StoredSeat> seat(long id) {
		return this.db.selectFrom(SEAT).where(SEAT.ID.eq(id)).fetchOptional(BodyRepository::seat);
	}

	private static StoredSeat seat(SeatRecord r) {
		return new StoredSeat(r.getId(), r.getBodyId(), SeatCategory.valueOf(r.getCategory()), r.getOrganisationId(),
				r.getRepresentative(), r.getAlternate(), r.getTermStart(), r.getTermEnd(), r.getVersion());
	}

	long insertSeat(StoredSeat seat) {
		return this.db.insertInto(SEAT)
			.set(SEAT.BODY_ID, seat.bodyId())
			.set(SEAT.CATEGORY, seat.category().name())
			.set(SEAT.ORGANISATION_ID, seat.organisationId())
			.set(SEAT.REPRESENTATIVE, seat.representative())
			.set(SEAT.ALTERNATE, seat.alternate())
			.set(SEAT.TERM_START, seat.termStart())
			.set(SEAT.TERM_END, seat.termEnd())
			.returningResult(SEAT.ID)
			.fetchSingle(SEAT.ID);
	}

	/** Changes a seat still at {@code version}: false when it changed meanwhile. */
	boolean updateSeat(StoredSeat seat, int version) {
		return this.db.update(SEAT)
			.set(SEAT.CATEGORY, seat.category().name())
			.set(SEAT.ORGANISATION_ID, seat.organisationId())
			.set(SEAT.REPRESENTATIVE, seat.representative())
			.set(SEAT.ALTERNATE, seat.alternate())
			.set(SEAT.TERM_START, seat.termStart())
			.set(SEAT.TERM_END, seat.termEnd())
			.set(SEAT.VERSION, SEAT.VERSION.plus(1))
			.where(SEAT.ID.eq(seat.id()))
			.and(SEAT.VERSION.eq(version))
			.execute() == 1;
	}

	boolean deleteSeat(long id, int version) {
		return this.db.deleteFrom(SEAT).where(SEAT.ID.eq(id)).and(SEAT.VERSION.eq(version)).execute() == 1;
	}

}
