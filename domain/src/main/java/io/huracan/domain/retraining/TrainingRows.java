package io.huracan.domain.retraining;

import io.huracan.ports.feature.Feature;

import java.util.List;

/**
 * A job's labelled rows in time order (ties by coin): each row's chosen features, its forward return over the
 * holding horizon (bps) and the relative spread when it was seen (bps), held in flat arrays.
 */
public final class TrainingRows {
    private final List<Feature> features;
    private final long[] timestamps;
    private final double[] values;
    private final double[] forwardReturns;
    private final double[] spreads;

    TrainingRows(List<Feature> features, long[] timestamps, double[] values, double[] forwardReturns, double[] spreads) {
        this.features = List.copyOf(features);
        this.timestamps = timestamps;
        this.values = values;
        this.forwardReturns = forwardReturns;
        this.spreads = spreads;
    }

    public int size() {
        return timestamps.length;
    }

    public List<Feature> features() {
        return features;
    }

    public int width() {
        return features.size();
    }

    public long timestampMicros(int row) {
        return timestamps[row];
    }

    public double value(int row, int column) {
        return values[row * features.size() + column];
    }

    public double forwardReturnBps(int row) {
        return forwardReturns[row];
    }

    public double spreadBps(int row) {
        return spreads[row];
    }
}
