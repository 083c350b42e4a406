package org.hulul.reporting;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Whether a value is far outside an organisation's own history for the same indicator and
 * location: outside median ± k·MAD of the past quarters' values (MAD scaled by 1.4826, so
 * it estimates the standard deviation of normal data; k = 3.5 by default). Robust to the
 * odd extreme past value, unlike mean ± standard deviation. Needs at least three past
 * values; a history with no spread (MAD 0) flags any different value only when it differs
 * by more than half of the median.
 */
public record OutlierRule(double k, int minimumHistory) {

	public static final OutlierRule DEFAULT = new OutlierRule(3.5, 3);

	private static final double NORMAL_CONSISTENCY = 1.4826;

	/**
	 * The range values are expected in, or empty when the history is too short to say.
	 */
	public Optional<Range> expectedRange(List<Double> history) {
		if (history.size() < this.minimumHistory) {
			return Optional.empty();
		}
		double[] values = new double[history.size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = history.get(i);
		}
		double median = median(values);
		double[] deviations = new double[values.length];
		for (int i = 0; i < values.length; i++) {
			deviations[i] = Math.abs(values[i] - median);
		}
		double mad = NORMAL_CONSISTENCY * median(deviations);
		double spread = (mad > 0) ? this.k * mad : Math.abs(median) / 2;
		return Optional.of(new Range(median - spread, median + spread, median));
	}

	public boolean isOutlier(double value, List<Double> history) {
		return expectedRange(history).map((range) -> !range.contains(value)).orElse(false);
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	/** The expected range and the median it is centred on. */
	public record Range(double low, double high, double median) {

		public boolean contains(double value) {
			return value >= this.low && value <= this.high;
		}

	}

}
