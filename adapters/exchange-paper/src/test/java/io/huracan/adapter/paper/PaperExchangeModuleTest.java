package io.huracan.adapter.paper;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import io.huracan.ports.exchange.ExchangeGateway;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.CoinListing;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.MarketDataFeed;
import io.huracan.ports.market.ReplayableMarketDataFeed;
import io.huracan.ports.market.Sector;
import io.huracan.ports.market.Universe;
import io.huracan.ports.time.EngineClock;
import io.huracan.testkit.time.ManualClock;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PaperExchangeModuleTest {
    private static final long START = 1_767_225_600_000_000L;

    @Test
    void theModulesWireThePaperExchangeOntoTheSimulatorItQuotes() {
        Universe universe = new Universe("USDT", 400, 1, List.of(
                new CoinListing(Coin.of("BTC"), Sector.of("layer1"), Set.of(ExchangeId.BINANCE, ExchangeId.OKX))));
        ManualClock clock = new ManualClock(START);
        PaperExchangeConfig config = PaperExchangeConfig.defaults(42);
        Injector injector = Guice.createInjector(new MarketSimulatorModule(config.market()),
                new PaperExchangeModule(config), new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(Universe.class).toInstance(universe);
                        bind(EngineClock.class).toInstance(clock);
                    }
                });

        ExchangeGateway gateway = injector.getInstance(ExchangeGateway.class);
        ReplayableMarketDataFeed feed = injector.getInstance(ReplayableMarketDataFeed.class);
        feed.advanceTo(START);

        assertThat(injector.getInstance(MarketDataFeed.class)).isSameAs(feed);
        assertThat(gateway.venues()).containsExactlyInAnyOrder(ExchangeId.BINANCE, ExchangeId.OKX);
        assertThat(gateway.orderBook(Coin.of("BTC"), ExchangeId.OKX, 5).asks()).hasSize(5);
        assertThat(gateway.fundingRate(Coin.of("BTC"), ExchangeId.BINANCE)).isPresent();
        assertThat(gateway.balances(ExchangeId.OKX).get(0).total()).isEqualByComparingTo("500000");
    }
}
