package io.huracan.domain.retraining;

import io.huracan.ports.feature.Feature;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/** Collects labelled rows coin by coin and hands them over sorted by time (stable, so ties keep coin order). */
final class RowAccumulator {
    private final int width;
    private long[] timestamps = new long[4096];
    private double[] values;
    private double[] forwardReturns = new double[4096];
    private double[] spreads = new double[4096];
    private int size;

    RowAccumulator(int width) {
        this.width = width;
        this.values = new double[4096 * width];
    }

    void add(long timestamp, double[] row, double forwardReturn, double spread) {
        if (size == timestamps.length) {
            int capacity = size * 2;
            timestamps = Arrays.copyOf(timestamps, capacity);
            values = Arrays.copyOf(values, capacity * width);
            forwardReturns = Arrays.copyOf(forwardReturns, capacity);
            spreads = Arrays.copyOf(spreads, capacity);
        }
        timestamps[size] = timestamp;
        System.arraycopy(row, 0, values, size * width, width);
        forwardReturns[size] = forwardReturn;
        spreads[size] = spread;
        size++;
    }

    TrainingRows sortedByTime(List<Feature> features) {
        int[] order = IntStream.range(0, size).boxed()
                .sorted((a, b) -> Long.compare(timestamps[a], timestamps[b]))
                .mapToInt(Integer::intValue).toArray();
        long[] sortedTimes = new long[size];
        double[] sortedValues = new double[size * width];
        double[] sortedReturns = new double[size];
        double[] sortedSpreads = new double[size];
        for (int i = 0; i < size; i++) {
            int from = order[i];
            sortedTimes[i] = timestamps[from];
            System.arraycopy(values, from * width, sortedValues, i * width, width);
            sortedReturns[i] = forwardReturns[from];
            sortedSpreads[i] = spreads[from];
        }
        return new TrainingRows(features, sortedTimes, sortedValues, sortedReturns, sortedSpreads);
    }
}
