package org.hulul.coordination;

import java.util.List;

import org.hulul.areas.AreaMeetings;
import org.hulul.areas.AreaSaved;
import org.hulul.areas.Areas;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The area groups in the architecture: every area (JCF, ABC) is a body reporting to the
 * DSTWG, kept up to date as the area changes (in the same transaction), so its group
 * holds meetings and action points like any body; and the area page lists those meetings.
 */
@Component
@Order(37)
class AreaGroups implements ApplicationRunner, AreaMeetings {

	private final Areas areas;

	private final Bodies bodies;

	private final Meetings meetings;

	AreaGroups(Areas areas, Bodies bodies, Meetings meetings) {
		this.areas = areas;
		this.bodies = bodies;
		this.meetings = meetings;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		this.areas.all().forEach(this.bodies::syncArea);
	}

	@EventListener
	void saved(AreaSaved event) {
		this.areas.find(event.code()).ifPresent(this.bodies::syncArea);
	}

	@Override
	public List<Held> of(String areaCode) {
		if (this.bodies.find(areaCode).filter((b) -> b.kind() == BodyKind.AREA_GROUP).isEmpty()) {
			return List.of();
		}
		return this.meetings.ofBody(areaCode)
			.reversed()
			.stream()
			.map((m) -> new Held("/meetings/" + m.id(), m.body() + " #" + m.number(), m.heldOn()))
			.toList();
	}

}
