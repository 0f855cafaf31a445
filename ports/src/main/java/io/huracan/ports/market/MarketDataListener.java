package io.huracan.ports.market;

/**
 * Receives market data from a {@link MarketDataFeed}, in timestamp order for each coin. Called on the feed's
 * thread; an implementation hands the event on (to the coin's event loop) and returns quickly.
 */
public interface MarketDataListener {

    void onBookTop(BookTop top);

    void onTrade(Trade trade);

    void onFundingRate(FundingRate funding);
}
