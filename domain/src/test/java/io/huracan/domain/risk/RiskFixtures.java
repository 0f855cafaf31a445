package io.huracan.domain.risk;

import io.huracan.ports.market.Coin;
import io.huracan.ports.market.CoinListing;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.Sector;
import io.huracan.ports.market.Universe;
import io.huracan.ports.risk.RiskEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** Small universes, limits and an event recorder shared by the risk tests. */
final class RiskFixtures {
    private RiskFixtures() {
    }

    /** BTC, ETH (layer1), UNI, AAVE (defi), all on binance and okx. */
    static RiskUniverse fourCoins() {
        var both = Set.of(ExchangeId.BINANCE, ExchangeId.OKX);
        return new RiskUniverse(new Universe("USDT", 10, 4, List.of(
                new CoinListing(Coin.of("BTC"), Sector.of("layer1"), both),
                new CoinListing(Coin.of("ETH"), Sector.of("layer1"), both),
                new CoinListing(Coin.of("UNI"), Sector.of("defi"), both),
                new CoinListing(Coin.of("AAVE"), Sector.of("defi"), Set.of(ExchangeId.BINANCE)))));
    }

    /** {@code count} coins spread over {@code sectors} sectors, each listed on binance, okx and bybit. */
    static RiskUniverse coins(int count, int sectors) {
        var listings = new ArrayList<CoinListing>();
        var all = Set.of(ExchangeId.BINANCE, ExchangeId.OKX, ExchangeId.BYBIT);
        for (int i = 0; i < count; i++) {
            listings.add(new CoinListing(Coin.of("C" + i), Sector.of("s" + (i % sectors)), all));
        }
        return new RiskUniverse(new Universe("USDT", count, count, listings));
    }

    static RiskLimits limits(double ratio, double perCoin, double perSector, double perExchange, double gross,
                             double net) {
        return new RiskLimits(ratio, new ExposureLimits(perCoin, perSector, perExchange, gross, net),
                new DrawdownBreakers(new DrawdownLimit(0.05, 0.10, Duration.ofDays(7)),
                        new DrawdownLimit(0.03, 0.08, Duration.ofDays(7))),
                Duration.ofMinutes(15), Duration.ofSeconds(5), 0);
    }

    /** Wide limits everywhere but the ones a test sets, hard (ratio 1) unless the test says otherwise. */
    static RiskLimits wide() {
        return limits(1, 1e9, 1e9, 1e9, 1e9, 1e9);
    }

    static final class Events implements RiskListener {
        final List<RiskEvent> events = new CopyOnWriteArrayList<>();
        final List<FlattenPlan> plans = new CopyOnWriteArrayList<>();

        @Override
        public void onEvent(RiskEvent event) {
            events.add(event);
        }

        @Override
        public void onKillSwitch(FlattenPlan plan) {
            plans.add(plan);
        }

        RiskEvent last() {
            return events.get(events.size() - 1);
        }
    }
}
