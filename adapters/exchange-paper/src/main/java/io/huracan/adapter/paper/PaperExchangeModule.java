package io.huracan.adapter.paper;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.huracan.ports.exchange.ExchangeGateway;
import io.huracan.ports.exchange.Instrument;
import io.huracan.ports.market.MarketDataFeed;
import io.huracan.ports.time.EngineClock;

import java.util.List;

/**
 * Binds the paper exchange as the engine's {@link ExchangeGateway}. Needs a {@link MarketDataFeed}, the
 * {@code List<Instrument>} it quotes and an {@link EngineClock} bound: {@link MarketSimulatorModule} provides the
 * first two, a replay module may provide them instead.
 */
public final class PaperExchangeModule extends AbstractModule {
    private final PaperExchangeConfig config;

    public PaperExchangeModule(PaperExchangeConfig config) {
        this.config = config;
    }

    @Provides
    @Singleton
    ExchangeGateway gateway(List<Instrument> instruments, MarketDataFeed feed, EngineClock clock) {
        return PaperExchange.create(config, instruments, feed, clock);
    }
}
