package org.hulul;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * The modules keep to their boundaries: no cycles, no use of another module's internals.
 */
class ModularityTests {

	@Test
	void modulesRespectTheirBoundaries() {
		ApplicationModules.of(HululApplication.class).verify();
	}

}
