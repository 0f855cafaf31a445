package io.huracan.bootstrap.retraining;

import io.huracan.ports.feature.Feature;
import io.huracan.ports.feature.FeatureVector;
import io.huracan.ports.market.BookTop;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.storage.Dataset;
import io.huracan.ports.storage.DatasetWriter;
import io.huracan.ports.storage.MarketDataStore;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * Writes a ranging market with a planted linear relation into a store: one feature row and one paper book top per
 * coin every {@code step}; the log mid moves from one row to the next by
 * {@code 2 + 0.5 * RETURN_1M - 30 * BOOK_IMBALANCE + noise} bps, so with a holding horizon of one step each row's
 * forward return is exactly that. The trend features keep the regime detector in RANGING (15m volatility 50 bps,
 * 15m return within +-20 bps); the spread is 2 bps.
 */
final class PlantedMarket {
    static final double INTERCEPT = 2;
    static final double RETURN_1M_BETA = 0.5;
    static final double IMBALANCE_BETA = -30;
    static final double SPREAD_BPS = 2;

    private PlantedMarket() {
    }

    static void write(MarketDataStore store, Iterable<Coin> coins, Instant start, Duration step, int rows, double noiseBps,
                      long seed) {
        var random = new Random(seed);
        try (DatasetWriter<FeatureVector> features = store.writer(Dataset.FEATURES);
             DatasetWriter<BookTop> tops = store.writer(Dataset.BOOK_TOPS)) {
            for (Coin coin : coins) {
                double mid = 100;
                long t = start.getEpochSecond() * 1_000_000L;
                for (int i = 0; i <= rows; i++) {
                    double[] values = new double[Feature.COUNT];
                    values[Feature.RETURN_10S.ordinal()] = random.nextGaussian() * 5;
                    values[Feature.RETURN_1M.ordinal()] = random.nextGaussian() * 20;
                    values[Feature.RETURN_5M.ordinal()] = random.nextGaussian() * 30;
                    values[Feature.RETURN_15M.ordinal()] = (random.nextDouble() * 2 - 1) * 20;
                    values[Feature.REALISED_VOL_1M.ordinal()] = 10 + random.nextDouble() * 5;
                    values[Feature.REALISED_VOL_15M.ordinal()] = 50;
                    values[Feature.SPREAD_BPS.ordinal()] = SPREAD_BPS;
                    values[Feature.BOOK_IMBALANCE.ordinal()] = random.nextDouble() * 2 - 1;
                    values[Feature.TRADE_FLOW_1M.ordinal()] = random.nextDouble() * 2 - 1;
                    features.write(new FeatureVector(coin, t, values));
                    double half = mid * SPREAD_BPS / 20_000;
                    tops.write(new BookTop(coin, ExchangeId.PAPER, t, mid - half, 1, mid + half, 1));
                    double move = INTERCEPT + RETURN_1M_BETA * values[Feature.RETURN_1M.ordinal()]
                            + IMBALANCE_BETA * values[Feature.BOOK_IMBALANCE.ordinal()] + random.nextGaussian() * noiseBps;
                    mid *= Math.exp(move / 10_000);
                    t += step.toNanos() / 1_000;
                }
            }
        }
    }
}
