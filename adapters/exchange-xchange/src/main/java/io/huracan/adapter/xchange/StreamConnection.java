package io.huracan.adapter.xchange;

import io.huracan.ports.market.Coin;

/** One open connection of a venue's streams, carrying a fixed set of coins. */
interface StreamConnection extends AutoCloseable {

    /**
     * Asks for a fresh snapshot of one coin's book, which reaches the sink as a {@link BookUpdate#snapshot()} update:
     * fetched from REST and handed over before this returns (Binance), or re-subscribed so that the venue sends one
     * (Bybit). Called on the supervisor's resync thread; throws when the snapshot cannot be had now.
     */
    void resync(Coin coin) throws Exception;

    /** Closes the connection without telling the sink it was lost. Safe to call twice. */
    @Override
    void close();
}
