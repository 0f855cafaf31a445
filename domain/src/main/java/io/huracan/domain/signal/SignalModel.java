package io.huracan.domain.signal;

import io.huracan.ports.registry.ModelKey;

/** A fitted model the engine runs: features in, predicted forward return out. */
public interface SignalModel {

    ModelKey key();

    /**
     * The predicted forward return in basis points for {@code features} (indexed by
     * {@link io.huracan.ports.feature.Feature#ordinal()}); NaN if an input it needs is NaN. Allocates nothing.
     */
    double predictBps(double[] features);
}
