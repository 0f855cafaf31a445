package io.huracan.ports.storage;

import io.huracan.ports.market.Coin;

import java.util.Set;
import java.util.TreeSet;

/**
 * Rows of one dataset for some coins over {@code [fromMicros, toMicros)} (epoch microseconds, UTC).
 * An empty coin set means every stored coin.
 */
public record MarketDataQuery<T>(Dataset<T> dataset, Set<Coin> coins, long fromMicros, long toMicros, QueryOrder order) {
    public MarketDataQuery {
        if (dataset == null || order == null) {
            throw new IllegalArgumentException("query needs a dataset and an order");
        }
        if (toMicros <= fromMicros) {
            throw new IllegalArgumentException("query range [" + fromMicros + ", " + toMicros
                    + ") is empty; allowed: from < to");
        }
        coins = Set.copyOf(new TreeSet<>(coins));
    }

    /** Every row of the dataset, by coin. */
    public static <T> MarketDataQuery<T> all(Dataset<T> dataset) {
        return new MarketDataQuery<>(dataset, Set.of(), Long.MIN_VALUE, Long.MAX_VALUE, QueryOrder.BY_COIN);
    }

    public MarketDataQuery<T> withOrder(QueryOrder newOrder) {
        return new MarketDataQuery<>(dataset, coins, fromMicros, toMicros, newOrder);
    }
}
