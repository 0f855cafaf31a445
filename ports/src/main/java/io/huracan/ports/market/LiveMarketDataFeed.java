package io.huracan.ports.market;

import java.util.List;

/**
 * A feed from the venues' websockets: book tops and trades delivered as they arrive, on the feed's threads, and each
 * coin's stream state on each venue. A subscriber sees a coin's book tops only while its stream is
 * {@link StreamState#LIVE}, and only when the top changed.
 */
public interface LiveMarketDataFeed extends MarketDataFeed {

    /** The coin's stream on every venue that streams it; empty when no subscription covers the coin. */
    List<SymbolStreamStatus> status(Coin coin);

    /** Every subscribed coin's stream on every venue, by venue then coin. */
    List<SymbolStreamStatus> statuses();
}
