package io.huracan.ports.market;

import java.util.List;

/** A snapshot of visible depth: bids best first (descending), asks best first (ascending). */
public record OrderBook(Coin coin, ExchangeId exchange, long timestampMicros, List<BookLevel> bids, List<BookLevel> asks) {
    public OrderBook {
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }
}
