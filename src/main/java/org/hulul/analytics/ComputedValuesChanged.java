package org.hulul.analytics;

/** Published when {@link ComputedValues} would give other values now. */
public record ComputedValuesChanged(String source) {
}
