package org.hulul.geo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PCodeTests {

	@Test
	void levelsFollowTheShapeOfTheCode() {
		assertThat(new PCode("IQG01").level()).isEqualTo(1);
		assertThat(new PCode("IQG01Q01").level()).isEqualTo(2);
		assertThat(new PCode("iqg01q01n01").level()).isEqualTo(3);
		assertThat(new PCode("IQG15Q02N03").governorate()).isEqualTo(new PCode("IQG15"));
	}

	@Test
	void rejectsCodesThatAreNotIraqPCodes() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PCode("IQD0001")).withMessageContaining("IQD0001");
		assertThatIllegalArgumentException().isThrownBy(() -> new PCode("IQG1"));
		assertThat(PCode.isValid("IQG18Q01N02")).isTrue();
		assertThat(PCode.isValid("IQG18N02")).isFalse();
	}

}
