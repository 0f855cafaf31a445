package io.huracan.domain.feature;

/**
 * The last value seen in each of the last {@code buckets} time buckets (a bucket without an update keeps the
 * previous close), in a fixed ring. Looking back past the oldest kept bucket, or before the first update, gives
 * the oldest close known.
 */
final class CloseRing {
    private final long bucketMicros;
    private final double[] closes;
    private long current = Long.MIN_VALUE;
    private long first;
    private double last;

    CloseRing(long bucketMicros, int buckets) {
        this.bucketMicros = bucketMicros;
        this.closes = new double[buckets];
    }

    boolean isEmpty() {
        return current == Long.MIN_VALUE;
    }

    /** The bucket of a timestamp (for callers that step per bucket). */
    long bucketOf(long timestampMicros) {
        return Math.floorDiv(timestampMicros, bucketMicros);
    }

    long currentBucket() {
        return current;
    }

    void set(long timestampMicros, double value) {
        advance(timestampMicros);
        if (current == Long.MIN_VALUE) {
            current = bucketOf(timestampMicros);
            first = current;
        }
        closes[slot(current)] = value;
        last = value;
    }

    void advance(long timestampMicros) {
        long bucket = bucketOf(timestampMicros);
        if (current == Long.MIN_VALUE || bucket <= current) {
            return;
        }
        long steps = Math.min(bucket - current, closes.length);
        for (long step = 1; step <= steps; step++) {
            closes[slot(bucket - steps + step)] = last;
        }
        current = bucket;
    }

    double last() {
        return last;
    }

    /** The close of {@code bucket}, clamped to the oldest bucket kept. */
    double closeOf(long bucket) {
        long oldest = Math.max(first, current - closes.length + 1);
        return closes[slot(Math.max(bucket, oldest))];
    }

    /** Whether {@code bucket} is at or after the first update (so a close was really seen there). */
    boolean covers(long bucket) {
        return bucket >= first;
    }

    private int slot(long bucket) {
        return (int) Math.floorMod(bucket, (long) closes.length);
    }
}
