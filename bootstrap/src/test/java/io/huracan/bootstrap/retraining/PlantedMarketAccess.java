package io.huracan.bootstrap.retraining;

import io.huracan.ports.market.Coin;
import io.huracan.ports.storage.MarketDataStore;

import java.time.Duration;
import java.time.Instant;

/** Lets tests of other packages write the {@link PlantedMarket}. */
public final class PlantedMarketAccess {
    private PlantedMarketAccess() {
    }

    public static void write(MarketDataStore store, Iterable<Coin> coins, Instant start, Duration step, int rows) {
        PlantedMarket.write(store, coins, start, step, rows, 1.0, 7);
    }
}
