package io.huracan.benchmarks;

import com.google.inject.Guice;
import io.huracan.adapter.file.FileModelStoreConfig;
import io.huracan.adapter.file.FileModelStoreModule;
import io.huracan.adapter.paper.MarketSimulator;
import io.huracan.adapter.paper.MarketSimulatorConfig;
import io.huracan.adapter.paper.PaperExchange;
import io.huracan.adapter.paper.PaperExchangeConfig;
import io.huracan.bootstrap.SystemEngineClock;
import io.huracan.bootstrap.cli.ConfigOptions;
import io.huracan.bootstrap.config.EngineConfig;
import io.huracan.bootstrap.engine.EngineMeters;
import io.huracan.bootstrap.engine.SeedModels;
import io.huracan.bootstrap.engine.SteppedClock;
import io.huracan.domain.cost.CoinIndex;
import io.huracan.domain.cost.CostModel;
import io.huracan.domain.cost.CostPredictionLedger;
import io.huracan.domain.loop.CoinAssignment;
import io.huracan.domain.loop.EventLoopConfig;
import io.huracan.domain.loop.EventLoopListener;
import io.huracan.domain.loop.EventLoopManager;
import io.huracan.domain.pipeline.CoinTrading;
import io.huracan.domain.pipeline.PipelineListener;
import io.huracan.domain.pipeline.PipelineStats;
import io.huracan.domain.pipeline.TradingPipeline;
import io.huracan.domain.registry.ModelRegistry;
import io.huracan.domain.risk.RiskController;
import io.huracan.domain.risk.RiskListener;
import io.huracan.domain.risk.RiskUniverse;
import io.huracan.domain.signal.ActiveModelTable;
import io.huracan.ports.exchange.ExchangeGateway;
import io.huracan.ports.market.BookTop;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.CoinListing;
import io.huracan.ports.market.FundingRate;
import io.huracan.ports.market.MarketDataFeed;
import io.huracan.ports.market.MarketDataListener;
import io.huracan.ports.market.Trade;
import io.huracan.ports.market.Universe;
import io.huracan.ports.registry.ModelStore;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code huracan bench pipeline}: market-data events through the whole in-memory engine — event loops, rolling
 * features, regimes, the active models, the cost model on every venue, the risk controller, and orders on the
 * paper exchange — with the engine's base configuration. Events come from the market simulator, generated before
 * the clock starts, and are handed to the paper venues and the loops as the engine's router does.
 *
 * <p>Throughput: every event offered as fast as the loops take them, timed until the last is handled. Latency:
 * events offered at a fixed rate, and the time from the offer of an event that triggers an evaluation to the
 * evaluation's decision: an order intent (also reported alone as intent_*) or a reasoned no, recorded after a warm-up
 * at the same rate. Metrics follow
 * {@code engine.observability.enabled} (on by default, scraped once a second; {@code
 * HURACAN_ENGINE__OBSERVABILITY__ENABLED=false} measures without them). Scaling: throughput over 20, 100, 200 and 400 coins.
 * Right before the latency run, {@link MachineStalls} measures for 3 s how often the machine itself stops a thread
 * that only reads the clock: the floor under every latency figure of the run.
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = "Events/s through the whole in-memory pipeline, event-to-intent latency, scaling over coins.")
public final class PipelineBench implements Runnable {
    @Option(names = "--json", description = "Print one JSON object on the last line.")
    boolean json;

    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--coins", defaultValue = "400", description = "Coins for the main run (default ${DEFAULT-VALUE}).")
    int coins;

    @Option(names = "--events", defaultValue = "2000000", description = "Events in the throughput run (default ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--warmup-events", defaultValue = "500000",
            description = "Events through a throwaway engine first, so the timed runs are compiled code (default ${DEFAULT-VALUE}).")
    int warmupEvents;

    @Option(names = "--rate", defaultValue = "100000", description = "Offered events/s in the latency run (default ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--latency-seconds", defaultValue = "10", description = "Length of the latency run (default ${DEFAULT-VALUE}).")
    int latencySeconds;

    @Option(names = "--latency-warmup-seconds", defaultValue = "2",
            description = "Seconds at the offered rate before the latency run starts recording: the paced path (and the "
                    + "rare order paths) are compiled by then, so the JIT's threads no longer take the loops' cores "
                    + "(default ${DEFAULT-VALUE}).")
    int latencyWarmupSeconds;

    @Option(names = "--scaling-events", defaultValue = "500000",
            description = "Events per scaling run at 20, 100, 200, 400 coins; 0 skips them (default ${DEFAULT-VALUE}).")
    int scalingEvents;

    @Option(names = "--coins-per-loop", description = "Coins per event loop (default engine.event_loop.coins_per_loop: "
            + "400 coins on 8 loops); on a 2-core machine 200 puts one loop on each core.")
    Integer coinsPerLoop;

    @Option(names = "--idle-max-park-us",
            description = "Longest an idle loop sleeps when no event wakes it, microseconds (default "
                    + "engine.event_loop.idle_max_park).")
    Long idleMaxParkMicros;

    @Option(names = "--seed", defaultValue = "42", description = "Simulator seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public void run() {
        EngineConfig config = configOptions.load();
        if (coins < 1 || coins > config.universe().coins().size() || events < 1 || rate < 1 || latencySeconds < 1
                || latencyWarmupSeconds < 0) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--coins must be in [1, "
                    + config.universe().coins().size() + "]; --events, --rate and --latency-seconds must be > 0; "
                    + "--latency-warmup-seconds must be >= 0");
        }
        if (warmupEvents > 0) {
            BenchProgress.phase("pipeline", "warming up");
            runOnce(config, coins, warmupEvents, 0, 0);
        }
        BenchProgress.phase("pipeline", "throughput with " + coins + " coins");
        Result main = runOnce(config, coins, events, 0, 0);
        BenchProgress.phase("pipeline", "machine stalls");
        MachineStalls stalls = MachineStalls.measure(3, 100_000);
        BenchProgress.phase("pipeline", "latency at " + rate + " events/s");
        Result paced = runOnce(config, coins, rate * (latencyWarmupSeconds + latencySeconds), rate,
                (long) rate * latencyWarmupSeconds);
        var report = new BenchReport("pipeline", main.eventsPerSecond)
                .latency(paced.decisionLatency)
                .put("intent_samples", paced.intentLatency.getTotalCount())
                .put("intent_p50_ns", paced.intentLatency.getValueAtPercentile(50))
                .put("intent_p99_ns", paced.intentLatency.getValueAtPercentile(99))
                .put("coins", coins)
                .put("events", events)
                .put("loops", main.loops)
                .put("orders", main.orders)
                .put("fills", main.fills)
                .put("order_rejects", main.stats.orderRejects())
                .put("risk_rejects", main.stats.riskRejectsTotal())
                .put("heap_used_mb", main.heapUsedMb)
                .put("idle_max_park_us", idleMaxPark(config).toNanos() / 1_000)
                .put("metrics", config.observability().enabled() ? "on" : "off")
                .put("cpu_ns_per_event", Math.round(main.cpuNanosPerEvent))
                .put("metrics_scrapes", main.scrapes + paced.scrapes)
                .put("metrics_scrape_ms", Math.round(paced.scrapeMillis * 100) / 100.0)
                .put("latency_offered_rate", rate)
                .put("latency_achieved_rate", Math.round(paced.eventsPerSecond))
                .put("jit_ms_during_latency", paced.jitMillisRecorded);
        stalls.addTo(report);
        if (scalingEvents > 0) {
            for (int n : new int[] {20, 100, 200, 400}) {
                BenchProgress.phase("pipeline", "scaling, " + n + " coins");
                Result scaled = runOnce(config, n, scalingEvents, 0, 0);
                report.put("ops_per_s_" + n + "_coins", Math.round(scaled.eventsPerSecond));
            }
        }
        report.print(System.out, json);
    }

    private record Result(PipelineStats stats, double eventsPerSecond, Histogram decisionLatency, Histogram intentLatency, int loops,
                          long orders, long fills, long heapUsedMb, long scrapes, double scrapeMillis,
                          double cpuNanosPerEvent, long jitMillisRecorded) {
    }

    /**
     * Builds a fresh engine over the first {@code coinCount} coins and offers {@code count} events to it; latencies
     * are recorded from the {@code unrecordedEvents}-th offer on.
     */
    private Result runOnce(EngineConfig config, int coinCount, int count, int offeredRate, long unrecordedEvents) {
        var listings = config.universe().coins().subList(0, coinCount);
        var universe = new Universe(config.universe().quoteCurrency(), coinCount,
                Math.min(config.universe().activeCoins(), coinCount), listings);
        var real = new SystemEngineClock();
        long start = real.epochMicros() / 1_000_000 * 1_000_000;
        var clock = new SteppedClock(real, start);
        var simulator = new MarketSimulator(universe, MarketSimulatorConfig.defaults(seed), start);
        List<Object> generated = generate(simulator, listings, count);

        var feed = new ForwardingFeed();
        ExchangeGateway gateway = PaperExchange.create(paperConfig(), simulator.instruments(), feed, clock);
        var coinIndex = CoinIndex.of(universe);
        var risk = new RiskController(new RiskUniverse(universe), config.risk(), config.tradeLimits(),
                config.exchanges().paper().startingBalance(), clock, RiskListener.NONE);
        var models = new ActiveModelTable();
        try (var registry = ScratchDirectory.create("huracan-bench-pipeline")) {
            ModelStore store = Guice.createInjector(new FileModelStoreModule(new FileModelStoreConfig(registry.path())))
                    .getInstance(ModelStore.class);
            SeedModels.seedIfEmpty(store, new ModelRegistry(store, config.registry().promotion(), clock),
                    Instant.ofEpochSecond(start / 1_000_000));
            models.refresh(store);
        }
        var observed = BenchMetrics.start(config, System.getenv());
        var decisionMeter = EngineMeters.decisionLatency(observed.metrics());
        var decisions = new Recorder(TimeUnit.SECONDS.toNanos(10), 3);
        var intents = new Recorder(TimeUnit.SECONDS.toNanos(10), 3);
        var pipeline = new TradingPipeline(coinIndex, new CostModel(coinIndex, config.costModel()), risk, models,
                gateway, config.strategy(), clock, new PipelineListener() {
                    @Override
                    public void onDecisionLatency(long nanos, boolean intent) {
                        decisionMeter.record(nanos, intent);
                        (intent ? intents : decisions).recordValue(Math.min(nanos, TimeUnit.SECONDS.toNanos(10)));
                    }
                }, new CostPredictionLedger(config.costModel()), "bench", universe.activeCoins());
        EventLoopConfig configured = config.eventLoop();
        var loopConfig = new EventLoopConfig(coinsPerLoop != null ? coinsPerLoop : configured.coinsPerLoop(),
                configured.queueCapacity(), configured.backpressure(), configured.idleStrategy(), idleMaxPark(config),
                configured.heartbeatInterval(), configured.stallThreshold(), configured.shutdownTimeout());
        var threads = new AtomicInteger();
        var loops = new EventLoopManager<CoinTrading, Object>(loopConfig, pipeline, clock, task -> {
            Thread thread = new Thread(task, "bench-loop-" + threads.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        }, loopConfig::newIdleStrategy, EventLoopListener.NONE);
        EngineMeters.register(observed.metrics(), pipeline, risk, loops, () -> 0, gateway.venues(),
                CoinAssignment.loopsFor(coinCount, loopConfig.coinsPerLoop()));
        loops.setActiveCoins(listings.stream().map(CoinListing::symbol).toList());

        // the pre-generated events are live data: promote them now, or every young collection of the timed run
        // copies them again (tens of milliseconds each) and the pauses land in the latency tail
        System.gc();
        long rerankEvery = Duration.ofSeconds(5).toNanos() / 1_000;
        long nextRerank = start;
        long intervalNanos = offeredRate > 0 ? 1_000_000_000L / offeredRate : 0;
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long began = System.nanoTime();
        long offered = 0;
        long jitBefore = JitCompileTime.millis();
        for (Object event : generated) {
            long at = timestampOf(event);
            if (at > clock.epochMicros()) {
                clock.advanceTo(at);
            }
            if (offered == unrecordedEvents && unrecordedEvents > 0) {
                decisions.reset();
                intents.reset();
                jitBefore = JitCompileTime.millis();
            }
            feed.emit(event);
            if (loops.offer(coinOf(event), event) == io.huracan.domain.loop.OfferResult.ACCEPTED) {
                offered++;
            }
            if (at >= nextRerank) {
                pipeline.rerank(at);
                nextRerank = at + rerankEvery;
            }
            if (intervalNanos > 0) {
                // spin until the next event is due: a parked producer is woken late (often by 100 us or more on
                // a virtual machine) and then catches up in bursts, which would measure its own wake-ups
                long due = began + offered * intervalNanos;
                while (System.nanoTime() < due) {
                    Thread.onSpinWait();
                }
            }
        }
        while (pipeline.processedEvents() < offered) {
            LockSupport.parkNanos(50_000);
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        long jitMillis = JitCompileTime.millis() - jitBefore;
        double cpuPerEvent = (double) (os.getProcessCpuTime() - cpuBefore) / Math.max(1, offered);
        var stats = pipeline.stats();
        System.gc();
        long heapMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
        int loopCount = loops.loopCount();
        loops.shutdown();
        long scrapes = observed.scrapes();
        double scrapeMillis = observed.meanScrapeMillis();
        try {
            observed.close();
        } catch (Exception e) {
            throw new IllegalStateException("metrics endpoint did not stop: " + e.getMessage(), e);
        }
        Histogram all = decisions.getIntervalHistogram();
        Histogram intentOnly = intents.getIntervalHistogram();
        all.add(intentOnly);
        return new Result(stats, offered / seconds, all, intentOnly, loopCount, stats.ordersSent(), stats.fills(), heapMb, scrapes,
                scrapeMillis, cpuPerEvent, jitMillis);
    }

    private Duration idleMaxPark(EngineConfig config) {
        return idleMaxParkMicros != null ? Duration.ofNanos(idleMaxParkMicros * 1_000) : config.eventLoop().idleMaxPark();
    }

    /** Runs the simulator until it has produced {@code count} events, keeping them in order. */
    private static List<Object> generate(MarketSimulator simulator, List<CoinListing> listings, int count) {
        List<Object> events = new ArrayList<>(count + 4096);
        Set<Coin> coins = Set.copyOf(listings.stream().map(CoinListing::symbol).toList());
        try (var subscription = simulator.subscribe(coins, MarketDataListener.forwardingTo(events::add))) {
            long next = simulator.nextEventMicros();
            while (events.size() < count) {
                next += 100_000;
                simulator.advanceTo(next);
            }
        }
        return events.subList(0, count);
    }

    /** The paper venues matching instantly, so that entries fill and positions cycle within the run. */
    private PaperExchangeConfig paperConfig() {
        PaperExchangeConfig defaults = PaperExchangeConfig.defaults(seed);
        return new PaperExchangeConfig(defaults.startingBalance(), Duration.ZERO, defaults.leverage(),
                defaults.depthLevels(), defaults.fees(), defaults.market());
    }

    private static long timestampOf(Object event) {
        if (event instanceof BookTop top) {
            return top.timestampMicros();
        }
        if (event instanceof Trade trade) {
            return trade.timestampMicros();
        }
        return ((FundingRate) event).timestampMicros();
    }

    private static Coin coinOf(Object event) {
        if (event instanceof BookTop top) {
            return top.coin();
        }
        if (event instanceof Trade trade) {
            return trade.coin();
        }
        return ((FundingRate) event).coin();
    }

    /** Hands each event to the paper venues, as the simulator does for them in a running engine. */
    private static final class ForwardingFeed implements MarketDataFeed {
        private MarketDataListener listener;

        @Override
        public Subscription subscribe(Set<Coin> coins, MarketDataListener subscriber) {
            this.listener = subscriber;
            return () -> listener = null;
        }

        void emit(Object event) {
            if (listener == null) {
                return;
            }
            if (event instanceof BookTop top) {
                listener.onBookTop(top);
            } else if (event instanceof Trade trade) {
                listener.onTrade(trade);
            } else {
                listener.onFundingRate((FundingRate) event);
            }
        }
    }
}
