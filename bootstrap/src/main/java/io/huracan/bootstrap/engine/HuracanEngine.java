package io.huracan.bootstrap.engine;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.TypeLiteral;
import com.google.inject.util.Modules;
import io.huracan.bootstrap.SystemEngineClock;
import io.huracan.bootstrap.config.ConfigException;
import io.huracan.bootstrap.config.ConfigLoader;
import io.huracan.bootstrap.config.EngineConfig;
import io.huracan.bootstrap.lifecycle.EngineStartException;
import io.huracan.bootstrap.lifecycle.ServiceRunner;
import io.huracan.bootstrap.wiring.AdapterSelection;
import io.huracan.domain.loop.CoinAssignment;
import io.huracan.domain.loop.EventLoopManager;
import io.huracan.domain.loop.ShutdownReport;
import io.huracan.domain.pipeline.CoinTrading;
import io.huracan.domain.pipeline.FlattenRequest;
import io.huracan.domain.pipeline.PipelineStats;
import io.huracan.domain.pipeline.SignalRequest;
import io.huracan.domain.pipeline.TradingPipeline;
import io.huracan.domain.registry.ModelRegistry;
import io.huracan.domain.risk.RiskController;
import io.huracan.domain.signal.ActiveModelTable;
import io.huracan.ports.bus.MessageBus;
import io.huracan.ports.exchange.ExchangeGateway;
import io.huracan.ports.bus.StreamType;
import io.huracan.ports.cluster.ClusterMembership;
import io.huracan.ports.cluster.CoinLeases;
import io.huracan.ports.cluster.MarketEpoch;
import io.huracan.ports.lifecycle.ManagedService;
import io.huracan.ports.metrics.EngineMetrics;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.CoinListing;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.LiveMarketDataFeed;
import io.huracan.ports.market.ReplayableMarketDataFeed;
import io.huracan.ports.market.MarketDataFeed;
import io.huracan.ports.registry.ModelStore;
import io.huracan.ports.risk.SharedExposure;
import io.huracan.ports.time.EngineClock;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import java.util.Set;

/**
 * The engine as an application embeds it: built from a config (files or a record), any Guice module overridable,
 * started, stopped, awaited; and its driving ports — submit a signal, change how many coins trade, read positions
 * and P&amp;L, trip the kill switch. {@code huracan run} is one such application.
 *
 * <pre>{@code
 * try (var engine = HuracanEngine.builder().configFiles(List.of(Path.of("my.yaml"))).build()) {
 *     engine.start();
 *     engine.submitSignal(Coin.of("BTC"), 25.0);
 *     engine.awaitTermination(Duration.ofMinutes(5));
 * }
 * }</pre>
 */
public final class HuracanEngine implements AutoCloseable {
    private final EngineConfig config;
    private final Injector injector;
    private final TradingPipeline pipeline;
    private final RiskController risk;
    private final EventLoopManager<CoinTrading, Object> loops;
    private final MarketRouter router;
    private final MarketDriver driver;
    private final EngineEvents events;
    private final ServiceRunner services;
    private final EngineClock clock;
    /** Null in a simulated session, whose paper venues report every fill themselves. */
    private final WorkingOrderPoller orderPoller;
    /** Null in one process; this process's part of the cluster with {@code engine.cluster.enabled}. */
    private final ClusterMember member;
    private volatile ShutdownReport shutdownReport;
    private volatile boolean stopped;

    private HuracanEngine(Builder builder) {
        this.config = builder.config;
        EngineClock real = new SystemEngineClock();
        // XChangeMarketDataModule binds the LiveMarketDataFeed exactly when a live venue enables its stream
        var streams = AdapterSelection.liveStreams(config.exchanges());
        boolean live = !streams.isEmpty();
        boolean clustered = config.cluster().enabled();
        if (live && (clustered || builder.replayToMicros != 0)) {
            throw new ConfigException("engine.exchanges." + streams.get(0).exchange().key() + ".stream.enabled: true"
                    + " drives the session on the live streams; allowed with it: one process"
                    + " (engine.cluster.enabled: false) and no replay");
        }
        // a whole second, so that market steps fall on the same sub-second phase in every run (features bucket by
        // second and tenth): with the same seed, the same decisions
        long start = builder.startMicros != 0 ? builder.startMicros : real.epochMicros() / 1_000_000 * 1_000_000;
        Duration behind = Duration.ZERO;
        if (clustered) {
            // every member's simulator at the same place at the same time: the cluster's start, caught up to now
            MarketEpoch market = ClusterMarket.agree(config, start, builder.speed, builder.replayToMicros != 0);
            start = market.startMicros();
            behind = Duration.ofNanos((long) (market.elapsedMicros() * 1_000 * builder.speed));
        }
        // live, the engine stamps everything with the real time; simulated, with the market time the driver steps
        SteppedClock stepped = live ? null : new SteppedClock(real, start);
        this.clock = live ? real : stepped;
        String sessionId = Long.toString(clock.epochMicros() / 1_000_000, 36);
        List<Module> modules = new ArrayList<>(AdapterSelection.modules(config, builder.environment));
        // live, the risk limits start from what the accounts hold; simulated, from the paper book's balance
        String quote = config.universe().quoteCurrency();
        double paperBalance = config.exchanges().paper().startingBalance();
        modules.add(new EngineModule(config, clock, sessionId, live
                ? gateway -> VenueStartingEquity.read(gateway, quote) : gateway -> paperBalance));
        List<Module> overrides = new ArrayList<>(builder.overrides);
        if (builder.replayToMicros != 0) {
            overrides.add(0, new ReplayMarketModule(config, builder.startMicros, builder.replayToMicros));
        }
        this.injector = Guice.createInjector(Modules.override(modules).with(overrides));
        this.risk = riskController(injector);
        this.pipeline = injector.getInstance(TradingPipeline.class);
        this.events = injector.getInstance(EngineEvents.class);
        this.loops = injector.getInstance(Key.get(new TypeLiteral<EventLoopManager<CoinTrading, Object>>() { }));
        this.router = new MarketRouter(loops);
        ExchangeGateway gateway = injector.getInstance(ExchangeGateway.class);
        Duration step = config.exchanges().paper().updateInterval();
        Duration evaluation = config.strategy().evaluationInterval();
        var reranks = new RerankSchedule(evaluation.plus(step), evaluation.multipliedBy(5));
        var settlement = new SessionSettlement(pipeline, gateway);
        MarketDataFeed feed;
        SimulatedMarketDriver simulated = null;
        if (live) {
            LiveMarketDataFeed liveFeed = injector.getInstance(LiveMarketDataFeed.class);
            feed = liveFeed;
            // nothing streams a resting order's fills: the session asks the venues about its working orders
            this.orderPoller = new WorkingOrderPoller(gateway, AdapterSelection.workingOrderPollIntervals(config.exchanges()),
                    pipeline::placedBySession);
            // the step listener (the session recorder) ticks once per evaluation interval of real time: a coin decides
            // at most that often, so positions and exposure move at that pace (fills aside); ticking faster would only
            // add samples of an unchanged picture, slower would miss decisions. The recorder keeps one a second at most
            this.driver = new LiveMarketDriver(liveFeed, router, pipeline, settlement, reranks, real,
                    builder.sessionLength, config.eventLoop().shutdownTimeout(), evaluation, builder.stepListener,
                    orderPoller);
        } else {
            ReplayableMarketDataFeed replayable = injector.getInstance(ReplayableMarketDataFeed.class);
            feed = replayable;
            this.orderPoller = null;
            simulated = new SimulatedMarketDriver(replayable, stepped, real, router, pipeline, settlement, reranks, step,
                    builder.speed, builder.sessionLength, behind, builder.stepListener);
            this.driver = simulated;
        }
        EngineMetrics metrics = injector.getInstance(EngineMetrics.class);
        int maxLoops = CoinAssignment.loopsFor(config.universe().coins().size(), config.eventLoop().coinsPerLoop());
        EngineMeters.register(metrics, pipeline, risk, loops, events::riskEvents, gateway.venues(), maxLoops);
        EngineMeters.registerBus(metrics, injector.getInstance(MessageBus.class));
        metrics.healthCheck("market-driver", driver::health);
        if (orderPoller != null) {
            metrics.counter("huracan.order_poll.queries", "working orders asked about on live venues (several may share a request)", orderPoller::queries);
            metrics.counter("huracan.order_poll.errors", "working-order poll rounds that failed", orderPoller::errors);
        }
        // adapter services (the metrics endpoint) first; stopped in reverse: the driver settles first, the bus and
        // the adapters close last
        List<ManagedService> services = new ArrayList<>(
                injector.getInstance(Key.get(new TypeLiteral<Set<ManagedService>>() { })));
        services.add(service("message-bus", () -> { }, () -> injector.getInstance(MessageBus.class).close()));
        if (clustered) {
            // started after the market caught up, stopped first: hands its coins over while the market still runs
            this.member = new ClusterMember(config.cluster().member(), universeCoins(), config.cluster().timings(),
                    injector.getInstance(CoinLeases.class), injector.getInstance(ClusterMembership.class),
                    injector.getInstance(SharedExposure.class), risk, loops, router, feed, gateway, events, simulated, clock,
                    config.eventLoop().shutdownTimeout());
            EngineMeters.registerCluster(metrics, member.ownership(), injector.getInstance(SharedExposure.class));
            services.add(service("cluster-store", () -> { }, this::closeClusterStore));
        } else {
            this.member = null;
        }
        services.addAll(List.of(
                service("model-registry", this::loadModels, () -> { }),
                injector.getInstance(EngineRetraining.class),
                service("event-loops", this::startLoops, this::stopLoops),
                new FeedSubscription(feed, gateway, router, clustered ? List.of() : universeCoins()),
                driver));
        if (clustered) {
            services.add(member);
        }
        this.services = new ServiceRunner(services);
    }

    /** The risk controller, whose starting equity a live session reads from the venues: a failure there in one line. */
    private static RiskController riskController(Injector injector) {
        try {
            return injector.getInstance(RiskController.class);
        } catch (ProvisionException e) {
            if (e.getCause() instanceof EngineStartException unreadable) {
                throw unreadable;
            }
            throw e;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts every part in order; if one fails, the started ones stop and the error names the failing part. */
    public void start() {
        services.start();
    }

    /** Stops gracefully: settles open orders, drains the loops, closes the adapters. Idempotent. */
    public synchronized void stop() {
        if (!stopped) {
            stopped = true;
            services.stop();
        }
    }

    /** Waits until the session has run its configured length (or was stopped); true if it ended in time. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return driver.awaitFinished(timeout);
    }

    public boolean isFinished() {
        return driver.isFinished();
    }

    /** Why the session ended early, if it failed. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(driver.failure());
    }

    @Override
    public void close() {
        stop();
    }

    // ------------------------------------------------------------------------------------------- driving ports

    /** Trades a signal of the application's own (predicted forward return, bps) through cost, risk and routing. */
    public void submitSignal(Coin coin, double predictedBps) {
        router.routeControl(coin, new SignalRequest(coin, predictedBps));
    }

    /** How many coins may open trades: the top {@code count} by edge after cost, from the next re-rank on. */
    public void setActiveCoins(int count) {
        pipeline.setActiveCount(count);
    }

    public List<Coin> activeCoins() {
        return pipeline.activeCoins();
    }

    /** The coins this process trades: all of the universe, or in a cluster those it holds the lease of now. */
    public Set<Coin> ownedCoins() {
        return member == null ? Set.copyOf(universeCoins()) : member.ownership().owned();
    }

    /** Engages the kill switch: no new entries, every working order cancelled, every position flattened. */
    public void killSwitch() {
        risk.engageKillSwitch();
        for (Coin coin : universeCoins()) {
            router.routeControl(coin, new FlattenRequest(coin));
        }
    }

    public void resetKillSwitch() {
        risk.resetKillSwitch();
    }

    /** Signed positions in base quantity by coin (coins with none left out), summed over venues. */
    public Map<Coin, Double> positions() {
        Map<Coin, Double> positions = new TreeMap<>();
        for (Coin coin : universeCoins()) {
            double sum = 0;
            for (ExchangeId venue : ExchangeId.values()) {
                sum += risk.position(coin, venue);
            }
            if (sum != 0) {
                positions.put(coin, sum);
            }
        }
        return positions;
    }

    public PipelineStats stats() {
        return pipeline.stats();
    }

    public RiskController risk() {
        return risk;
    }

    public EngineConfig config() {
        return config;
    }

    public EngineClock clock() {
        return clock;
    }

    public void observe(EngineObserver observer) {
        events.addObserver(observer);
    }

    /** Publishes lag, pending and dead letters of a consumer group that reads the engine's bus as metrics. */
    public void watchBusGroup(StreamType stream, String group) {
        EngineMeters.watchGroup(injector.getInstance(EngineMetrics.class), injector.getInstance(MessageBus.class),
                stream, group);
    }

    public Map<String, Long> rankingSkips() {
        return pipeline.rankingSkips();
    }

    /** What the loops left unprocessed at shutdown, once stopped. */
    public Optional<ShutdownReport> shutdownReport() {
        return Optional.ofNullable(shutdownReport);
    }

    /** Any object the engine was built with, for applications that override modules. */
    public <T> T instance(Class<T> type) {
        return injector.getInstance(type);
    }

    // -------------------------------------------------------------------------------------------- lifecycle

    private List<Coin> universeCoins() {
        return config.universe().coins().stream().map(CoinListing::symbol).toList();
    }

    private void loadModels() {
        ModelStore store = injector.getInstance(ModelStore.class);
        SeedModels.seedIfEmpty(store, injector.getInstance(ModelRegistry.class),
                Instant.ofEpochSecond(0, clock.epochMicros() * 1_000));
        var report = injector.getInstance(ActiveModelTable.class).refresh(store);
        if (report.loaded() == 0) {
            throw new IllegalStateException("no runnable active model in the registry" + (report.rejected().isEmpty()
                    ? "" : ": " + String.join("; ", report.rejected())));
        }
    }

    /** All coins in one process; none in a cluster, where they come with their leases. */
    private void startLoops() {
        loops.setActiveCoins(member == null ? universeCoins() : List.of());
    }

    private void closeClusterStore() {
        injector.getInstance(SharedExposure.class).close();
        injector.getInstance(CoinLeases.class).close();
        injector.getInstance(ClusterMembership.class).close();
    }

    private void stopLoops() {
        shutdownReport = loops.shutdown();
    }

    private static ManagedService service(String name, ThrowingRunnable start, ThrowingRunnable stop) {
        return new ManagedService() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void start() throws Exception {
                start.run();
            }

            @Override
            public void stop() throws Exception {
                stop.run();
            }
        };
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** Subscribes the router to the feed and the exchange's executions; unsubscribes on stop. */
    private static final class FeedSubscription implements ManagedService {
        private final MarketDataFeed feed;
        private final ExchangeGateway gateway;
        private final MarketRouter router;
        private final Set<Coin> coins;
        private MarketDataFeed.Subscription subscription;

        FeedSubscription(MarketDataFeed feed, ExchangeGateway gateway, MarketRouter router, List<Coin> coins) {
            this.feed = feed;
            this.gateway = gateway;
            this.router = router;
            this.coins = Set.copyOf(coins);
        }

        @Override
        public String name() {
            return "market-feed";
        }

        @Override
        public void start() {
            gateway.addExecutionListener(router);
            subscription = feed.subscribe(coins, router);
        }

        @Override
        public void stop() {
            if (subscription != null) {
                subscription.close();
            }
            gateway.removeExecutionListener(router);
        }
    }

    /** Builds an engine; everything has a default, so {@code builder().build()} runs the embedded defaults. */
    public static final class Builder {
        private EngineConfig config;
        private Map<String, String> environment = System.getenv();
        private final List<Module> overrides = new ArrayList<>();
        private double speed = 1.0;
        private Duration sessionLength = Duration.ZERO;
        private long startMicros;
        private long replayToMicros;
        private MarketDriver.StepListener stepListener = MarketDriver.StepListener.NONE;

        private Builder() {
        }

        public Builder config(EngineConfig value) {
            this.config = value;
            return this;
        }

        /** Loads the bundled defaults, then these files, then HURACAN_ENGINE__ variables of the environment. */
        public Builder configFiles(List<Path> files) {
            this.config = new ConfigLoader(environment).load(files);
            return this;
        }

        public Builder environment(Map<String, String> value) {
            this.environment = Map.copyOf(value);
            return this;
        }

        /** Replaces bindings: a module here wins over the engine's and the adapters' own. */
        public Builder override(Module... modules) {
            overrides.addAll(List.of(modules));
            return this;
        }

        /** Market time per real time: 1 is real time, 10 ten times faster, 0 as fast as possible; live streams run at 1. */
        public Builder speed(double value) {
            if (value < 0 || Double.isNaN(value) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("speed " + value + " is invalid; allowed: 0 (as fast as possible) or > 0");
            }
            this.speed = value;
            return this;
        }

        /** Market time (on live streams: real time) after which the session ends by itself; zero runs until stopped. */
        public Builder sessionLength(Duration value) {
            this.sessionLength = value;
            return this;
        }

        /** The market time the session starts at (epoch micros); default now. */
        public Builder startAt(long epochMicros) {
            this.startMicros = epochMicros;
            return this;
        }

        /**
         * Trades stored market data of {@code [fromMicros, toMicros)} (the Parquet store at engine.storage.root)
         * instead of the simulator; the session starts at {@code fromMicros} and ends at {@code toMicros}.
         */
        public Builder replay(long fromMicros, long toMicros) {
            if (toMicros <= fromMicros) {
                throw new IllegalArgumentException("replay range [" + fromMicros + ", " + toMicros + ") is empty");
            }
            this.startMicros = fromMicros;
            this.replayToMicros = toMicros;
            this.sessionLength = Duration.ofNanos((toMicros - fromMicros) * 1_000);
            return this;
        }

        /**
         * Called after each market step, at the step barrier, with the step's market time; on live streams, which
         * have no steps, once per evaluation interval of real time while the loops run, and once after settling.
         */
        public Builder onMarketStep(LongConsumer listener) {
            this.stepListener = listener::accept;
            return this;
        }

        public HuracanEngine build() {
            if (config == null) {
                configFiles(List.of());
            }
            return new HuracanEngine(this);
        }
    }
}
