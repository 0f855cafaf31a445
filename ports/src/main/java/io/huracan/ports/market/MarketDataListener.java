package io.huracan.ports.market;

import java.util.function.Consumer;

/**
 * Receives market data from a {@link MarketDataFeed}, in timestamp order for each coin. Called on the feed's
 * thread; an implementation hands the event on (to the coin's event loop) and returns quickly.
 */
public interface MarketDataListener {

    void onBookTop(BookTop top);

    void onTrade(Trade trade);

    void onFundingRate(FundingRate funding);

    /** A listener that hands every event, whatever its kind, to {@code sink}: for recorders and sinks that keep all of them. */
    static MarketDataListener forwardingTo(Consumer<Object> sink) {
        return new MarketDataListener() {
            @Override
            public void onBookTop(BookTop top) {
                sink.accept(top);
            }

            @Override
            public void onTrade(Trade trade) {
                sink.accept(trade);
            }

            @Override
            public void onFundingRate(FundingRate funding) {
                sink.accept(funding);
            }
        };
    }
}
