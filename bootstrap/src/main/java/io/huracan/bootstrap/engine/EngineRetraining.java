package io.huracan.bootstrap.engine;

import com.google.inject.Provider;
import io.huracan.bootstrap.config.EngineConfig;
import io.huracan.bootstrap.config.RetrainingSection;
import io.huracan.bootstrap.retraining.StoredCoinSets;
import io.huracan.domain.codec.EnginePayloads;
import io.huracan.domain.regime.RegimeThresholds;
import io.huracan.domain.registry.ModelRegistry;
import io.huracan.domain.retraining.CronSchedule;
import io.huracan.domain.retraining.LiveModelPerformance;
import io.huracan.domain.retraining.RegimeChanges;
import io.huracan.domain.retraining.RetrainingScheduler;
import io.huracan.domain.signal.ActiveModelTable;
import io.huracan.ports.bus.BusMessage;
import io.huracan.ports.bus.MessageBus;
import io.huracan.ports.bus.StartPosition;
import io.huracan.ports.bus.StreamType;
import io.huracan.ports.feature.FeatureVector;
import io.huracan.ports.lifecycle.ManagedService;
import io.huracan.ports.market.CoinListing;
import io.huracan.ports.market.Regime;
import io.huracan.ports.order.Fill;
import io.huracan.ports.registry.ModelKey;
import io.huracan.ports.registry.ModelMetrics;
import io.huracan.ports.registry.ModelQuery;
import io.huracan.ports.registry.ModelStatus;
import io.huracan.ports.registry.ModelStore;
import io.huracan.ports.registry.ModelVersion;
import io.huracan.ports.retraining.RetrainingExecutor;
import io.huracan.ports.retraining.RetrainingResult;
import io.huracan.ports.storage.MarketDataStore;
import io.huracan.ports.time.EngineClock;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Retraining inside a running engine, on a thread of its own ({@code huracan-retraining}, never an event loop's):
 * every {@code check_interval} it ticks the scheduler (the cron runs on the engine's clock, market time in a
 * session), reviews the active models' live metrics (the decay trigger), and meanwhile passes on each coin's regime
 * changes (the regime-change trigger), all through the configured executor. Its inputs are what the pipeline already
 * publishes on the bus: FEATURES, which a detector per coin follows into regimes, and EXECUTIONS, whose fills
 * {@link LiveModelPerformance} follows into trades, read in a consumer group of its own; so the loops do no extra
 * work. A job that promotes, or a review that benches, reloads the engine's active model table. The seed models are
 * not reviewed: their stated metrics are a bar, not evidence to decay from, and fitted models replace them.
 */
final class EngineRetraining implements ManagedService {
    static final String GROUP = "huracan-retraining";
    private static final Logger log = LoggerFactory.getLogger("io.huracan.retraining");
    private static final String CONSUMER = "engine";
    private static final int BATCH = 512;
    private static final Duration COIN_SETS_REFRESH = Duration.ofMinutes(10);

    private final RetrainingSection section;
    private final Set<io.huracan.ports.market.Coin> universe;
    private final int minTrades;
    private final Provider<RetrainingExecutor> executors;
    private final Provider<MarketDataStore> marketData;
    private final ModelStore models;
    private final ModelRegistry registry;
    private final ActiveModelTable activeModels;
    private final MessageBus bus;
    private final EngineClock clock;
    private final EnginePayloads payloads = EnginePayloads.standard();
    private final RegimeChanges regimes = new RegimeChanges(RegimeThresholds.DEFAULTS);
    private final LiveModelPerformance live = new LiveModelPerformance();
    private final List<CompletableFuture<RetrainingResult>> pending = new ArrayList<>();
    private RetrainingExecutor executor;
    private RetrainingScheduler scheduler;
    private Thread thread;
    private volatile boolean running;

    @Inject
    EngineRetraining(EngineConfig config, Provider<RetrainingExecutor> executors, Provider<MarketDataStore> marketData,
                     ModelStore models, ModelRegistry registry, ActiveModelTable activeModels, MessageBus bus,
                     EngineClock clock) {
        this.section = config.retraining();
        this.universe = config.universe().coins().stream().map(CoinListing::symbol).collect(Collectors.toSet());
        this.minTrades = config.registry().promotion().minTrades();
        this.executors = executors;
        this.marketData = marketData;
        this.models = models;
        this.registry = registry;
        this.activeModels = activeModels;
        this.bus = bus;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "retraining[" + section.executor().name().toLowerCase(java.util.Locale.ROOT) + "]";
    }

    @Override
    public void start() {
        if (!section.enabled()) {
            return;
        }
        bus.createGroup(StreamType.FEATURES, GROUP, StartPosition.LATEST);
        bus.createGroup(StreamType.EXECUTIONS, GROUP, StartPosition.LATEST);
        executor = executors.get();
        scheduler = new RetrainingScheduler(CronSchedule.parse(section.schedule()), executor, registry, clock,
                new StoredCoinSets(marketData::get, universe, COIN_SETS_REFRESH), section.lookback(),
                section.triggerCooldown());
        running = true;
        thread = new Thread(this::run, "huracan-retraining");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() throws InterruptedException {
        if (thread == null) {
            return;
        }
        running = false;
        thread.join(TimeUnit.SECONDS.toMillis(10));
        executor.close();
        marketData.get().close();
    }

    private void run() {
        long nextCheck = System.nanoTime();
        while (running) {
            try {
                readFeatures();
                readFills();
                if (System.nanoTime() - nextCheck >= 0) {
                    check();
                    nextCheck = System.nanoTime() + section.checkInterval().toNanos();
                }
            } catch (RuntimeException e) {
                log.warn("retraining check failed, retrying in {}: {}", section.checkInterval(), e.toString());
                nextCheck = System.nanoTime() + section.checkInterval().toNanos();
                sleep(section.checkInterval());
            }
        }
    }

    private void readFeatures() {
        List<BusMessage> messages = bus.read(StreamType.FEATURES, GROUP, CONSUMER, BATCH, Duration.ofMillis(100));
        for (BusMessage message : messages) {
            if (payloads.decode(message.payload()) instanceof FeatureVector features) {
                regimes.update(features).ifPresent(regime -> pending.addAll(scheduler.onRegimeChange(features.coin(), regime)));
            }
        }
        acknowledge(StreamType.FEATURES, messages);
    }

    private void readFills() {
        List<BusMessage> messages = bus.read(StreamType.EXECUTIONS, GROUP, CONSUMER, BATCH, Duration.ZERO);
        for (BusMessage message : messages) {
            if (payloads.decode(message.payload()) instanceof Fill fill) {
                live.onFill(fill, regimes.current(fill.coin()));
            }
        }
        acknowledge(StreamType.EXECUTIONS, messages);
    }

    /**
     * Without waiting: this thread reads on while the acknowledgement travels (on Redis a round trip per batch of
     * features). One that fails leaves its messages pending, to be delivered again, as at-least-once allows.
     */
    private void acknowledge(StreamType stream, List<BusMessage> messages) {
        if (!messages.isEmpty()) {
            bus.acknowledgeAsync(stream, GROUP, messages.stream().map(BusMessage::id).toList())
                    .whenComplete((acknowledged, failure) -> {
                        if (failure != null) {
                            log.warn("acknowledging {} {} messages failed; they stay pending: {}", messages.size(),
                                    stream.key(), failure.toString());
                        }
                    });
        }
    }

    private void check() {
        Map<Regime, List<ModelKey>> before = reviewedModels();
        live.activeModels(before);
        for (Map.Entry<ModelKey, ModelMetrics> model : live.metrics().entrySet()) {
            if (model.getValue().tradeCount() >= minTrades) {
                pending.addAll(scheduler.onLiveMetrics(model.getKey(), model.getValue()));
            }
        }
        boolean changed = !reviewedModels().equals(before);
        pending.addAll(scheduler.tick());
        for (var it = pending.iterator(); it.hasNext(); ) {
            CompletableFuture<RetrainingResult> job = it.next();
            if (job.isDone()) {
                it.remove();
                changed |= !job.isCompletedExceptionally()
                        && job.join().outcome() == RetrainingResult.Outcome.PROMOTED;
            }
        }
        if (changed) {
            activeModels.refresh(models);
        }
    }

    /** The active models, per regime, that the decay check reviews: every fitted one. */
    private Map<Regime, List<ModelKey>> reviewedModels() {
        Map<Regime, List<ModelKey>> byRegime = new EnumMap<>(Regime.class);
        for (ModelVersion version : models.find(ModelQuery.ALL.withStatus(ModelStatus.ACTIVE))) {
            if (!SeedModels.TRAINED_BY.equals(version.definition().trainedBy())) {
                byRegime.computeIfAbsent(version.regime(), regime -> new ArrayList<>()).add(version.key());
            }
        }
        return byRegime;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
