package io.huracan.adapter.xchange;

import io.huracan.ports.exchange.ExchangeException;
import io.huracan.ports.exchange.Instrument;
import io.huracan.ports.exchange.RejectReason;
import io.huracan.ports.market.Coin;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** One venue's listings of the last instrument load, by coin and by the venue's symbol. */
final class VenueListings {
    private final String venue;
    private volatile Map<Coin, VenueListing> byCoin = Map.of();
    private volatile Map<String, VenueListing> bySymbol = Map.of();

    VenueListings(String venue) {
        this.venue = venue;
    }

    void replace(Collection<VenueListing> listings) {
        Map<Coin, VenueListing> coins = new ConcurrentHashMap<>();
        Map<String, VenueListing> symbols = new ConcurrentHashMap<>();
        for (VenueListing listing : listings) {
            coins.put(listing.instrument().coin(), listing);
            symbols.put(listing.symbol(), listing);
        }
        byCoin = coins;
        bySymbol = symbols;
    }

    VenueListing of(Instrument instrument) {
        return of(instrument.coin());
    }

    VenueListing of(Coin coin) {
        VenueListing listing = byCoin.get(coin);
        if (listing == null) {
            throw ExchangeException.rejected(RejectReason.UNKNOWN_INSTRUMENT, venue + " does not list " + coin);
        }
        return listing;
    }

    Optional<VenueListing> bySymbol(String symbol) {
        return Optional.ofNullable(symbol == null ? null : bySymbol.get(symbol));
    }
}
