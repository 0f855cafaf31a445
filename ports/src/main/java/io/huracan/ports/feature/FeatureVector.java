package io.huracan.ports.feature;

import io.huracan.ports.market.Coin;

/**
 * A coin's features at one instant, as published on the FEATURES stream; {@code values} is indexed by
 * {@link Feature#ordinal()}. Hot paths keep their own reusable arrays and build this record only at the boundary.
 */
public record FeatureVector(Coin coin, long timestampMicros, double[] values) {
    public FeatureVector {
        if (values.length != Feature.COUNT) {
            throw new IllegalArgumentException("feature vector of " + values.length + " values is invalid; allowed: "
                    + Feature.COUNT + " (one per Feature)");
        }
        values = values.clone();
    }

    public double get(Feature feature) {
        return values[feature.ordinal()];
    }

    /** A copy, since the array inside a record is still mutable. */
    @Override
    public double[] values() {
        return values.clone();
    }
}
