package io.huracan.domain.feature;

/**
 * A sum over the last {@code buckets} time buckets (the current one included), in a fixed ring: adding and reading
 * are O(1) per event plus O(1) per elapsed bucket, with no allocation. Time only moves forward: a timestamp older
 * than the current bucket counts in the current bucket.
 */
final class RollingSum {
    private final long bucketMicros;
    private final double[] values;
    private long current = Long.MIN_VALUE;
    private double sum;

    RollingSum(long bucketMicros, int buckets) {
        this.bucketMicros = bucketMicros;
        this.values = new double[buckets];
    }

    void add(long timestampMicros, double value) {
        advance(timestampMicros);
        values[slot(current)] += value;
        sum += value;
    }

    double sum(long timestampMicros) {
        advance(timestampMicros);
        return sum;
    }

    void advance(long timestampMicros) {
        long bucket = Math.floorDiv(timestampMicros, bucketMicros);
        if (current == Long.MIN_VALUE) {
            current = bucket;
            return;
        }
        if (bucket <= current) {
            return;
        }
        long steps = Math.min(bucket - current, values.length);
        for (long step = 1; step <= steps; step++) {
            int slot = slot(bucket - steps + step);
            sum -= values[slot];
            values[slot] = 0;
        }
        current = bucket;
        if (slot(current) == 0) {
            resum(); // once per lap, so rounding from adding and subtracting cannot build up
        }
    }

    private void resum() {
        double exact = 0;
        for (double value : values) {
            exact += value;
        }
        sum = exact;
    }

    private int slot(long bucket) {
        return (int) Math.floorMod(bucket, (long) values.length);
    }
}
