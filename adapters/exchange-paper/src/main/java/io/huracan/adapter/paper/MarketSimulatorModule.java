package io.huracan.adapter.paper;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.huracan.ports.exchange.Instrument;
import io.huracan.ports.market.MarketDataFeed;
import io.huracan.ports.market.ReplayableMarketDataFeed;
import io.huracan.ports.market.Universe;
import io.huracan.ports.time.EngineClock;

import java.util.List;

/**
 * Binds the market simulator as the engine's {@link MarketDataFeed} and {@link ReplayableMarketDataFeed}, and its
 * instruments as {@code List<Instrument>}. Needs {@link Universe} and {@link EngineClock} bound; the session starts
 * at the clock's time when the simulator is first provided.
 */
public final class MarketSimulatorModule extends AbstractModule {
    private final MarketSimulatorConfig config;

    public MarketSimulatorModule(MarketSimulatorConfig config) {
        this.config = config;
    }

    @Provides
    @Singleton
    MarketSimulator simulator(Universe universe, EngineClock clock) {
        return new MarketSimulator(universe, config, clock.epochMicros());
    }

    @Provides
    @Singleton
    ReplayableMarketDataFeed replayableFeed(MarketSimulator simulator) {
        return simulator;
    }

    @Provides
    @Singleton
    MarketDataFeed feed(MarketSimulator simulator) {
        return simulator;
    }

    @Provides
    @Singleton
    List<Instrument> instruments(MarketSimulator simulator) {
        return simulator.instruments();
    }
}
