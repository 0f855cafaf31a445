package io.huracan.domain.cost;

import io.huracan.ports.market.BookLevel;
import io.huracan.ports.market.BookTop;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.CoinListing;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.FundingRate;
import io.huracan.ports.market.OrderBook;
import io.huracan.ports.market.Sector;
import io.huracan.ports.market.Universe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A small universe and config shared by the cost tests; numbers chosen so that results are easy by hand. */
final class CostFixture {
    static final Coin BTC = Coin.of("BTC");
    static final Coin ETH = Coin.of("ETH");
    static final int BINANCE = ExchangeId.BINANCE.ordinal();
    static final int OKX = ExchangeId.OKX.ordinal();
    static final int BYBIT = ExchangeId.BYBIT.ordinal();
    static final long T0 = 1_700_000_000_000_000L;
    static final long SECOND = 1_000_000L;
    static final long HOUR = 3_600 * SECOND;

    private CostFixture() {
    }

    /** BTC on binance, okx and bybit; ETH on binance only. */
    static Universe universe() {
        return new Universe("USDT", 10, 2, List.of(
                new CoinListing(BTC, Sector.of("layer1"), Set.of(ExchangeId.BINANCE, ExchangeId.OKX, ExchangeId.BYBIT)),
                new CoinListing(ETH, Sector.of("layer1"), Set.of(ExchangeId.BINANCE))));
    }

    /** n coins C0..C(n-1), each on binance and okx. */
    static Universe universe(int n) {
        var listings = new ArrayList<CoinListing>();
        for (int i = 0; i < n; i++) {
            listings.add(new CoinListing(Coin.of("C" + i), Sector.of("layer1"), Set.of(ExchangeId.BINANCE, ExchangeId.OKX)));
        }
        return new Universe("USDT", n, Math.min(n, 5), listings);
    }

    /**
     * binance: maker 2, taker 5 bps. okx: maker -1 (rebate), taker 4 bps with a 25% discount (taker 3). bybit: no
     * schedule. EWMA half-life 10 s, horizon 8 h, minimum edge after cost 2 bps, stale after 2 s.
     */
    static CostModelParams params() {
        return new CostModelParams(
                Map.of("binance", new FeeSchedule("VIP0", 2, 5, 0), "okx", new FeeSchedule("Lv1", -1, 4, 0.25)),
                Duration.ofSeconds(10), Duration.ofHours(8), 2.0, Duration.ofSeconds(2), 100, 100);
    }

    static BookTop top(Coin coin, ExchangeId exchange, long micros, double bid, double bidQty, double ask, double askQty) {
        return new BookTop(coin, exchange, micros, bid, bidQty, ask, askQty);
    }

    /** Levels as price, quantity pairs. */
    static List<BookLevel> levels(double... priceQuantity) {
        var levels = new ArrayList<BookLevel>();
        for (int i = 0; i < priceQuantity.length; i += 2) {
            levels.add(new BookLevel(priceQuantity[i], priceQuantity[i + 1]));
        }
        return levels;
    }

    /** Mid 100, spread 10 bps: bids 99.95 x 1, 99.90 x 2; asks 100.05 x 1, 100.10 x 2. */
    static OrderBook tenBpsBook(Coin coin, ExchangeId exchange, long micros) {
        return new OrderBook(coin, exchange, micros, levels(99.95, 1, 99.90, 2), levels(100.05, 1, 100.10, 2));
    }

    static FundingRate funding(Coin coin, ExchangeId exchange, long micros, double rate, long next, long interval) {
        return new FundingRate(coin, exchange, micros, rate, next, interval);
    }
}
