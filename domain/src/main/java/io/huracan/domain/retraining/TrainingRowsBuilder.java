package io.huracan.domain.retraining;

import io.huracan.domain.regime.RegimeDetector;
import io.huracan.domain.regime.RegimeThresholds;
import io.huracan.ports.feature.Feature;
import io.huracan.ports.feature.FeatureVector;
import io.huracan.ports.market.BookTop;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.Regime;
import io.huracan.ports.registry.TrainingWindow;
import io.huracan.ports.storage.Dataset;
import io.huracan.ports.storage.MarketDataQuery;
import io.huracan.ports.storage.MarketDataStore;
import io.huracan.ports.storage.QueryOrder;
import io.huracan.ports.storage.RowCursor;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Reads a job's rows from the store. For each coin it replays the stored feature vectors through a
 * {@link RegimeDetector} and keeps the rows the detector puts in the job's regime; each kept row at time t is
 * labelled with the forward return {@code 10000 * ln(mid(t + horizon) / mid(t))} of the venue's book tops (mid(x) =
 * the last book top at or before x) and the spread of the book top at t. Rows with an unknown feature (NaN, during
 * warm-up) or without a book top at t, or with no book top after t + horizon (the future is not stored yet), are
 * dropped. The window bounds the features; book tops are read up to one horizon past it.
 */
public final class TrainingRowsBuilder {
    private final MarketDataStore store;
    private final ExchangeId venue;
    private final List<Feature> features;
    private final long horizonMicros;
    private final RegimeThresholds thresholds;

    public TrainingRowsBuilder(MarketDataStore store, ExchangeId venue, List<Feature> features, long horizonMicros,
                               RegimeThresholds thresholds) {
        this.store = store;
        this.venue = venue;
        this.features = List.copyOf(features);
        this.horizonMicros = horizonMicros;
        this.thresholds = thresholds;
    }

    public TrainingRows build(Set<Coin> coins, Regime regime, TrainingWindow window) {
        long from = micros(window.from());
        long to = micros(window.to());
        var rows = new RowAccumulator(features.size());
        for (Coin coin : coins) {
            Mids mids = mids(coin, from, to + horizonMicros);
            if (mids.size == 0) {
                continue;
            }
            var detector = new RegimeDetector(thresholds);
            try (RowCursor<FeatureVector> cursor = store.query(
                    new MarketDataQuery<>(Dataset.FEATURES, Set.of(coin), from, to, QueryOrder.BY_COIN))) {
                while (cursor.hasNext()) {
                    FeatureVector vector = cursor.next();
                    double[] values = vector.values();
                    if (detector.update(values) == regime) {
                        label(rows, vector.timestampMicros(), values, mids);
                    }
                }
            }
        }
        return rows.sortedByTime(features);
    }

    private void label(RowAccumulator rows, long t, double[] values, Mids mids) {
        int now = mids.atOrBefore(t);
        int later = mids.atOrBefore(t + horizonMicros);
        if (now < 0 || mids.timestamps[mids.size - 1] < t + horizonMicros) {
            return;
        }
        double[] chosen = new double[features.size()];
        for (int c = 0; c < chosen.length; c++) {
            chosen[c] = values[features.get(c).ordinal()];
            if (Double.isNaN(chosen[c])) {
                return;
            }
        }
        rows.add(t, chosen, 10_000 * Math.log(mids.mids[later] / mids.mids[now]), mids.spreads[now]);
    }

    private Mids mids(Coin coin, long from, long to) {
        var mids = new Mids();
        try (RowCursor<BookTop> cursor = store.query(
                new MarketDataQuery<>(Dataset.BOOK_TOPS, Set.of(coin), from - horizonMicros, to + 1, QueryOrder.BY_COIN))) {
            while (cursor.hasNext()) {
                BookTop top = cursor.next();
                if (top.exchange() == venue) {
                    mids.add(top);
                }
            }
        }
        return mids;
    }

    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
    }

    /** One coin's book tops in time order: timestamp, mid and relative spread in bps. */
    private static final class Mids {
        long[] timestamps = new long[1024];
        double[] mids = new double[1024];
        double[] spreads = new double[1024];
        int size;

        void add(BookTop top) {
            if (size == timestamps.length) {
                timestamps = Arrays.copyOf(timestamps, size * 2);
                mids = Arrays.copyOf(mids, size * 2);
                spreads = Arrays.copyOf(spreads, size * 2);
            }
            double mid = top.mid();
            timestamps[size] = top.timestampMicros();
            mids[size] = mid;
            spreads[size] = 10_000 * (top.askPrice() - top.bidPrice()) / mid;
            size++;
        }

        /** The index of the last book top at or before {@code t}, or -1. */
        int atOrBefore(long t) {
            int index = Arrays.binarySearch(timestamps, 0, size, t);
            if (index >= 0) {
                while (index + 1 < size && timestamps[index + 1] == t) {
                    index++;
                }
                return index;
            }
            return -index - 2;
        }
    }
}
