package io.huracan.domain.risk;

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The edges after cost of the open trades, in 0.25 bps buckets (below 0 and above 64 bps share the end
 * buckets), as a Fenwick tree over atomic counters: adding, removing and "how many open trades have a better
 * edge" are each O(log buckets) with no lock and no allocation.
 *
 * <p>Soft-trade-count policy (docs/risk.md): with {@code c} open trades, soft count {@code S} and hard count
 * {@code H}, an intent that would open a new trade while {@code c >= S} passes only if at most
 * {@code share * c} open trades have a strictly better edge, where {@code share = (H - c) / (H - S)} falls
 * linearly from 100% at the soft count to 0% at the hard count.
 */
final class TradeRanking {
    static final int BUCKETS = 256;
    private static final double BUCKET_BPS = 0.25;

    private final AtomicIntegerArray tree = new AtomicIntegerArray(BUCKETS + 1);

    static int bucket(double edgeBps) {
        if (!(edgeBps > 0)) {
            return 0;
        }
        return (int) Math.min(BUCKETS - 1, edgeBps / BUCKET_BPS);
    }

    void add(int bucket) {
        update(bucket, 1);
    }

    void remove(int bucket) {
        update(bucket, -1);
    }

    /** Open trades whose edge bucket is strictly above {@code bucket}. */
    int betterThan(int bucket) {
        return prefix(BUCKETS - 1) - prefix(bucket);
    }

    /** The share of open trades an opening intent must rank in, given the current count (1 below the soft count). */
    static double share(long open, int soft, int hard) {
        if (open < soft) {
            return 1;
        }
        if (hard == soft) {
            return 0;
        }
        return Math.max(0, (double) (hard - open) / (hard - soft));
    }

    private void update(int bucket, int delta) {
        for (int i = bucket + 1; i <= BUCKETS; i += i & -i) {
            tree.getAndAdd(i, delta);
        }
    }

    private int prefix(int bucket) {
        int sum = 0;
        for (int i = bucket + 1; i > 0; i -= i & -i) {
            sum += tree.get(i);
        }
        return sum;
    }
}
