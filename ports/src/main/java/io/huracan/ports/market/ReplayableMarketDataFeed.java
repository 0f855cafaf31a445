package io.huracan.ports.market;

/**
 * A feed whose time is driven by its caller rather than the wall clock: the market simulator and the replay of
 * stored data. A backtest calls {@link #advanceTo} as fast as it can; a paper session calls it with the real time,
 * so the same feed runs in both.
 */
public interface ReplayableMarketDataFeed extends MarketDataFeed {

    /**
     * Delivers, on the calling thread and in timestamp order, every event with a timestamp up to and including
     * {@code epochMicros}; returns how many events that was. The session does not depend on how the time is cut
     * into calls.
     */
    long advanceTo(long epochMicros);

    /** The timestamp of the next event, epoch microseconds; {@link Long#MAX_VALUE} when the feed is exhausted. */
    long nextEventMicros();
}
