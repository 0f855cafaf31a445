package io.huracan.adapter.paper;

import io.huracan.ports.exchange.ExchangeGateway;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.CoinListing;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.Sector;
import io.huracan.ports.market.Universe;
import io.huracan.testkit.exchange.ExchangeGatewayContract;
import io.huracan.testkit.time.ManualClock;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** The paper exchange on the market simulator, held to the contract every exchange gateway keeps. */
class PaperExchangeGatewayContractTest extends ExchangeGatewayContract {
    private static final long START = 1_767_225_600_000_000L; // 2026-01-01T00:00:00Z

    private ManualClock clock;
    private MarketSimulator simulator;

    @Override
    protected ExchangeGateway newGateway() {
        Universe universe = new Universe("USDT", 10, 2, List.of(
                new CoinListing(Coin.of("BTC"), Sector.of("layer1"), Set.of(ExchangeId.BINANCE, ExchangeId.OKX)),
                new CoinListing(Coin.of("UNI"), Sector.of("defi"), Set.of(ExchangeId.BYBIT))));
        PaperExchangeConfig config = PaperExchangeConfig.defaults(7);
        clock = new ManualClock(START);
        simulator = new MarketSimulator(universe, config.market(), START);
        ExchangeGateway gateway = PaperExchange.create(config, simulator.instruments(), simulator, clock);
        simulator.advanceTo(START);
        return gateway;
    }

    @Override
    protected void settle() {
        clock.advance(100, TimeUnit.MILLISECONDS);
        simulator.advanceTo(clock.epochMicros());
    }
}
