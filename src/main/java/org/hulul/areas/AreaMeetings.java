package org.hulul.areas;

import java.time.LocalDate;
import java.util.List;

/**
 * The meetings of an area's group, as the coordination module knows them: the area page
 * lists them without depending on that module.
 */
public interface AreaMeetings {

	/** The area's meetings, the latest first. */
	List<Held> of(String areaCode);

	/** A meeting: where its page is, its name (JCF-NINEWA #3), its day. */
	record Held(String path, String name, LocalDate on) {
	}

}
