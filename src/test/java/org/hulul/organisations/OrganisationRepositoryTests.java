package org.hulul.organisations;

import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;

import org.hulul.PersistenceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@PersistenceTest
@ContextConfiguration(classes = OrganisationRepository.class)
class OrganisationRepositoryTests {

	private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

	@Autowired
	OrganisationRepository repository;

	@Test
	void savesAndFindsAnOrganisationWithItsProgrammingWhateverTheCaseOfItsCode() {
		String code = "Repo-" + UUID.randomUUID().toString().substring(0, 6);
		long id = this.repository.insert(new OrganisationDetails(code, "Repository test", "اختبار",
				OrganisationType.NATIONAL_NGO, EnumSet.of(Programming.RECOVERY, Programming.PEACEBUILDING)), false,
				NOW);
		Organisation found = this.repository.findByCode(code.toUpperCase()).orElseThrow();
		assertThat(found.id()).isEqualTo(id);
		assertThat(found.code()).isEqualTo(code);
		assertThat(found.nameAr()).isEqualTo("اختبار");
		assertThat(found.programming()).containsExactlyInAnyOrder(Programming.RECOVERY, Programming.PEACEBUILDING);
		assertThat(found.version()).isZero();
		assertThat(this.repository.all()).extracting(Organisation::code).contains(code);
	}

	@Test
	void aCodeIsUniqueWhateverItsCase() {
		String code = "uniq-" + UUID.randomUUID().toString().substring(0, 6);
		this.repository.insert(details(code), false, NOW);
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.repository.insert(details(code.toUpperCase()), false, NOW));
	}

	@Test
	void anUpdateNeedsTheCurrentVersionAndReplacesTheProgramming() {
		long id = this.repository.insert(details("ver-" + UUID.randomUUID().toString().substring(0, 6)), false, NOW);
		Organisation before = this.repository.find(id).orElseThrow();
		OrganisationDetails renamed = new OrganisationDetails(before.code(), "Renamed", null, OrganisationType.DONOR,
				EnumSet.of(Programming.DEVELOPMENT));
		assertThat(this.repository.update(id, 0, renamed, true, NOW)).isTrue();
		assertThat(this.repository.update(id, 0, details(before.code()), false, NOW)).isFalse();
		Organisation after = this.repository.find(id).orElseThrow();
		assertThat(after.nameEn()).isEqualTo("Renamed");
		assertThat(after.type()).isEqualTo(OrganisationType.DONOR);
		assertThat(after.programming()).containsExactly(Programming.DEVELOPMENT);
		assertThat(after.active()).isTrue();
		assertThat(after.version()).isEqualTo(1);
	}

	private static OrganisationDetails details(String code) {
		return new OrganisationDetails(code, "Test", null, OrganisationType.NATIONAL_NGO,
				EnumSet.of(Programming.HUMANITARIAN));
	}

}
