package org.hulul.organisations;

import java.util.Locale;
import java.util.Set;

import org.hulul.platform.LocalizedText;
import org.hulul.platform.OrganisationRef;
import org.jspecify.annotations.Nullable;

/**
 * A partner organisation, agency, government body or donor.
 */
public record Organisation(long id, String code, String nameEn, @Nullable String nameAr, OrganisationType type,
		Set<Programming> programming, boolean active, boolean demo, int version) {

	public String name(Locale locale) {
		return LocalizedText.pick(locale, this.nameEn, this.nameAr);
	}

	public OrganisationRef toRef() {
		return new OrganisationRef(this.id, this.code, this.nameEn, this.nameAr, this.active);
	}

}
