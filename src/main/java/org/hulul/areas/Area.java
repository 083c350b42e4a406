package org.hulul.areas;

import java.util.List;
import java.util.Locale;

import org.hulul.platform.LocalizedText;
import org.jspecify.annotations.Nullable;

/**
 * An area: its code, names, type and status, the p-codes it covers (of any level), its
 * group by role and organisation, its priority population groups (codes of the framework)
 * and the ids of the users who coordinate it.
 */
public record Area(long id, String code, String nameEn, @Nullable String nameAr, AreaType type, AreaStatus status,
		List<String> locations, List<Role> roles, List<String> populationGroups, List<Long> coordinators, int version) {

	public Area {
		locations = List.copyOf(locations);
		roles = List.copyOf(roles);
		populationGroups = List.copyOf(populationGroups);
		coordinators = List.copyOf(coordinators);
	}

	public String name(Locale locale) {
		return LocalizedText.pick(locale, this.nameEn, this.nameAr);
	}

	/** An organisation's place in the group, with a note on the arrangement. */
	public record Role(AreaRoleKind role, String organisation, @Nullable String note) {
	}

}
