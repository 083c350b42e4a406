package org.hulul.organisations;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The editable fields of an organisation, as entered: checked by {@link Organisations}.
 */
public record OrganisationDetails(@Nullable String code, @Nullable String nameEn, @Nullable String nameAr,
		@Nullable OrganisationType type, @Nullable Set<Programming> programming) {
}
