package io.huracan.ports.market;

import java.util.Set;

/** A coin of the universe: its sector and the exchanges that list it against the quote currency. */
public record CoinListing(Coin symbol, Sector sector, Set<ExchangeId> exchanges) {
    public CoinListing {
        if (symbol == null || sector == null) {
            throw new IllegalArgumentException("a coin listing needs a symbol and a sector");
        }
        if (exchanges == null || exchanges.isEmpty()) {
            throw new IllegalArgumentException("coin " + symbol + " lists no exchange; allowed: one or more of "
                    + ExchangeId.allowedKeys());
        }
        exchanges = Set.copyOf(exchanges);
    }
}
