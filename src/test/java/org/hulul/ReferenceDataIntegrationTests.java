package org.hulul;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hulul.geo.Location;
import org.hulul.geo.Locations;
import org.hulul.organisations.Organisation;
import org.hulul.organisations.OrganisationType;
import org.hulul.organisations.Organisations;
import org.hulul.organisations.Programming;
import org.hulul.platform.audit.AuditFilter;
import org.hulul.platform.audit.AuditRepository;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What first start loads, read back from the database (H2 or PostgreSQL).
 */
@HululIntegrationTest
class ReferenceDataIntegrationTests {

	@Autowired
	Locations locations;

	@Autowired
	Organisations organisations;

	@Autowired
	AuditRepository audit;

	@Test
	void theAdministrativeTreeIsCompleteAndConsistent() {
		assertThat(this.locations.atLevel(1)).hasSize(18);
		assertThat(this.locations.atLevel(2)).hasSize(101);
		assertThat(this.locations.atLevel(3)).hasSize(294);
		Map<String, Location> byPcode = this.locations.all()
			.stream()
			.collect(Collectors.toMap(Location::pcode, Function.identity()));
		for (Location location : this.locations.all()) {
			if (location.level() == 1) {
				assertThat(location.parentPcode()).isNull();
			}
			else {
				Location parent = byPcode.get(location.parentPcode());
				assertThat(parent.level()).isEqualTo(location.level() - 1);
				assertThat(location.pcode()).startsWith(parent.pcode());
			}
			assertThat(location.nameEn()).isNotBlank();
			assertThat(location.nameAr()).isNotBlank();
		}
		// per-governorate counts cross-checked in shared/data/SOURCES.md
		assertThat(this.locations.children("IQG15")).hasSize(9);
		assertThat(this.locations.children("IQG15")
			.stream()
			.mapToInt((d) -> this.locations.children(d.pcode()).size())
			.sum()).isEqualTo(28);
	}

	@Test
	void theOrganisationsOfTheSeedDocumentsAreLoaded() {
		assertThat(this.organisations.list()).extracting(Organisation::code)
			.contains("IOM", "UNDP", "NRC", "OCHA", "UNHCR", "UNICEF", "UN-Habitat");
		Organisation iom = this.organisations.getByCode("iom").orElseThrow();
		assertThat(iom.type()).isEqualTo(OrganisationType.UN_AGENCY);
		assertThat(iom.nameAr()).isEqualTo("المنظمة الدولية للهجرة");
		assertThat(iom.programming()).contains(Programming.HUMANITARIAN);
		assertThat(this.organisations.list()).noneMatch(Organisation::demo);
	}

	@Test
	void loadingIsAudited() {
		assertThat(this.audit.find(new AuditFilter("location", null, "system", "IMPORT", null, null), 0, 5))
			.singleElement()
			.satisfies((e) -> assertThat(e.after()).contains("\"districts\":101"));
	}

}
