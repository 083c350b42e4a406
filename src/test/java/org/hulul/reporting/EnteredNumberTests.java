package org.hulul.reporting;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EnteredNumberTests {

	@Test
	void readsTheWaysNumbersAreTypedInIraq() {
		assertThat(EnteredNumber.parse("12")).isEqualByComparingTo("12");
		assertThat(EnteredNumber.parse(" ١٢ ")).isEqualByComparingTo("12");
		assertThat(EnteredNumber.parse("۱۲۵")).isEqualByComparingTo("125");
		assertThat(EnteredNumber.parse("12,5")).isEqualByComparingTo("12.5");
		assertThat(EnteredNumber.parse("0,125")).isEqualByComparingTo("0.125");
		assertThat(EnteredNumber.parse("١٢٫٥")).isEqualByComparingTo("12.5");
		assertThat(EnteredNumber.parse("1,234")).isEqualByComparingTo("1234");
		assertThat(EnteredNumber.parse("12,500.75")).isEqualByComparingTo("12500.75");
		assertThat(EnteredNumber.parse("1 234 567")).isEqualByComparingTo("1234567");
		assertThat(EnteredNumber.parse("١٬٢٣٤")).isEqualByComparingTo("1234");
		assertThat(EnteredNumber.parse("-3")).isEqualByComparingTo(BigDecimal.valueOf(-3));
	}

	@Test
	void blankIsNothingAndTextIsRefused() {
		assertThat(EnteredNumber.parse("  ")).isNull();
		assertThat(EnteredNumber.parse(null)).isNull();
		for (String text : new String[] { "twelve", "12a", "1,2,3", "1.2.3", "1,23.4", "=1+1", "12%" }) {
			assertThatExceptionOfType(NumberFormatException.class).as(text).isThrownBy(() -> EnteredNumber.parse(text));
		}
	}

}
