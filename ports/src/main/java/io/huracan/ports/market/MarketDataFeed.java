package io.huracan.ports.market;

import java.util.Set;

/**
 * A source of book tops, trades and funding rates for a set of coins, on every venue that lists them: a live
 * venue stream, the market simulator, or a replay of stored data.
 */
public interface MarketDataFeed {

    /** Delivers events of {@code coins} to {@code listener} until the returned subscription is closed. */
    Subscription subscribe(Set<Coin> coins, MarketDataListener listener);

    /** A registration that stops delivery when closed; closing twice is harmless. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
