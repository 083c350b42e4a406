package org.hulul.platform;

import java.util.List;
import java.util.Optional;

/**
 * Looks organisations up for the platform (user administration, the signed-in user's
 * organisation). Implemented by the organisations module, so the platform does not depend
 * on it.
 */
public interface OrganisationDirectory {

	List<OrganisationRef> all();

	Optional<OrganisationRef> find(long id);

	Optional<OrganisationRef> findByCode(String code);

}
