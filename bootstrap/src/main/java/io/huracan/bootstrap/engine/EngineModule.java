package io.huracan.bootstrap.engine;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import io.huracan.bootstrap.config.EngineConfig;
import io.huracan.domain.codec.EnginePayloads;
import io.huracan.domain.cost.CoinIndex;
import io.huracan.domain.cost.CostModel;
import io.huracan.domain.cost.CostPredictionLedger;
import io.huracan.domain.loop.EventLoopManager;
import io.huracan.domain.pipeline.CoinTrading;
import io.huracan.domain.pipeline.TradingPipeline;
import io.huracan.domain.registry.ModelRegistry;
import io.huracan.domain.risk.RiskController;
import io.huracan.domain.risk.RiskUniverse;
import io.huracan.domain.signal.ActiveModelTable;
import io.huracan.ports.bus.MessageBus;
import io.huracan.ports.cluster.ClusterMembership;
import io.huracan.ports.cluster.CoinLeases;
import io.huracan.ports.exchange.ExchangeGateway;
import io.huracan.ports.lifecycle.ManagedService;
import io.huracan.ports.market.Universe;
import io.huracan.ports.metrics.EngineMetrics;
import io.huracan.ports.registry.ModelStore;
import io.huracan.ports.risk.SharedExposure;
import io.huracan.ports.time.EngineClock;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;

/**
 * The engine's own parts, built from the config: cost model, risk controller, active models, the trading pipeline
 * and the event loops. Adapters (bus, registry, exchange and feed) come from {@code AdapterSelection}.
 */
final class EngineModule extends AbstractModule {
    private final EngineConfig config;
    private final EngineClock clock;
    private final String sessionId;
    private final ToDoubleFunction<ExchangeGateway> startingEquity;

    /** @param startingEquity the risk controller's starting equity, given the venues: read from them in a live session */
    EngineModule(EngineConfig config, EngineClock clock, String sessionId,
                 ToDoubleFunction<ExchangeGateway> startingEquity) {
        this.config = config;
        this.clock = clock;
        this.sessionId = sessionId;
        this.startingEquity = startingEquity;
    }

    @Override
    protected void configure() {
        bind(EngineConfig.class).toInstance(config);
        bind(Universe.class).toInstance(config.universe());
        bind(EngineClock.class).toInstance(clock);
        // adapters add their own services (the metrics endpoint) to this set; the engine starts them first
        Multibinder.newSetBinder(binder(), ManagedService.class);
        // set by the cluster adapter when engine.cluster.enabled; absent, the engine runs as one process
        OptionalBinder.newOptionalBinder(binder(), SharedExposure.class);
        OptionalBinder.newOptionalBinder(binder(), CoinLeases.class);
        OptionalBinder.newOptionalBinder(binder(), ClusterMembership.class);
    }

    @Provides
    @Singleton
    CoinIndex coinIndex(Universe universe) {
        return CoinIndex.of(universe);
    }

    @Provides
    @Singleton
    CostModel costModel(CoinIndex coins) {
        return new CostModel(coins, config.costModel());
    }

    @Provides
    @Singleton
    EngineEvents events(MessageBus bus, EngineMetrics metrics) {
        return new EngineEvents(bus, EnginePayloads.standard(), metrics);
    }

    @Provides
    @Singleton
    RiskController risk(Universe universe, EngineEvents events, Optional<SharedExposure> shared,
                        EngineMetrics metrics, ExchangeGateway gateway) {
        return new RiskController(new RiskUniverse(universe), config.risk(), config.tradeLimits(),
                startingEquity.applyAsDouble(gateway), clock, events,
                shared.map(exposure -> (SharedExposure) new TimedSharedExposure(exposure, metrics)).orElse(null));
    }

    @Provides
    @Singleton
    ModelRegistry modelRegistry(ModelStore store) {
        return new ModelRegistry(store, config.registry().promotion(), clock);
    }

    @Provides
    @Singleton
    ActiveModelTable activeModels() {
        return new ActiveModelTable();
    }

    @Provides
    @Singleton
    TradingPipeline pipeline(CoinIndex coins, CostModel costModel, RiskController risk, ActiveModelTable models,
                             ExchangeGateway gateway, EngineEvents events) {
        return new TradingPipeline(coins, costModel, risk, models, gateway, config.strategy(), clock, events,
                new CostPredictionLedger(config.costModel()), sessionId, config.universe().activeCoins());
    }

    @Provides
    @Singleton
    EventLoopManager<CoinTrading, Object> loops(TradingPipeline pipeline) {
        var counter = new AtomicInteger();
        return new EventLoopManager<>(config.eventLoop(), pipeline, clock, runnable -> {
            Thread thread = new Thread(runnable, "huracan-loop-" + counter.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        }, config.eventLoop()::newIdleStrategy, new LoggingLoopListener());
    }
}
