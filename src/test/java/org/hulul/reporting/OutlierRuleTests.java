package org.hulul.reporting;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutlierRuleTests {

	private final OutlierRule rule = OutlierRule.DEFAULT;

	@Test
	void aValueFarFromTheMedianOfTheHistoryIsAnOutlier() {
		List<Double> history = List.of(100.0, 110.0, 95.0, 105.0);
		assertThat(this.rule.isOutlier(120, history)).isFalse();
		assertThat(this.rule.isOutlier(1000, history)).isTrue();
		assertThat(this.rule.isOutlier(10, history)).isTrue();
	}

	@Test
	void oneExtremePastValueDoesNotWidenTheRange() {
		// a mean ± 2 SD rule would accept 600 here because of the 2000 in the history
		List<Double> history = List.of(100.0, 110.0, 95.0, 2000.0, 105.0);
		assertThat(this.rule.isOutlier(600, history)).isTrue();
		assertThat(this.rule.expectedRange(history).orElseThrow().median()).isEqualTo(105.0);
	}

	@Test
	void aShortHistorySaysNothing() {
		assertThat(this.rule.expectedRange(List.of(5.0, 7.0))).isEmpty();
		assertThat(this.rule.isOutlier(1_000_000, List.of(5.0, 7.0))).isFalse();
	}

	@Test
	void aHistoryWithoutSpreadFlagsOnlyLargeChanges() {
		List<Double> steady = List.of(40.0, 40.0, 40.0);
		assertThat(this.rule.isOutlier(45, steady)).isFalse();
		assertThat(this.rule.isOutlier(80, steady)).isTrue();
	}

}
