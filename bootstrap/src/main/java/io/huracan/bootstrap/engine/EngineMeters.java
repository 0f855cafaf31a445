package io.huracan.bootstrap.engine;

import io.huracan.domain.cluster.CoinOwnership;
import io.huracan.domain.cost.CostOutcome;
import io.huracan.domain.loop.EventLoopManager;
import io.huracan.domain.loop.LoopHealth;
import io.huracan.domain.pipeline.CoinTrading;
import io.huracan.domain.pipeline.PipelineStats;
import io.huracan.domain.pipeline.TradingPipeline;
import io.huracan.domain.risk.ExposureLimits;
import io.huracan.domain.risk.ExposureScope;
import io.huracan.domain.risk.RiskController;
import io.huracan.domain.risk.RiskUniverse;
import io.huracan.ports.bus.MessageBus;
import io.huracan.ports.bus.StreamType;
import io.huracan.ports.cost.CostSkipReason;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.metrics.ComponentHealth;
import io.huracan.ports.metrics.EngineMetrics;
import io.huracan.ports.metrics.LatencyRecorder;
import io.huracan.ports.metrics.MetricTag;
import io.huracan.ports.metrics.TagKey;
import io.huracan.ports.risk.RiskReason;
import io.huracan.ports.risk.SharedExposure;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * Registers the engine's meters and health checks on {@link EngineMetrics}. Everything here is sampled at scrape
 * time from counts the engine keeps anyway (pipeline stats, risk ledger, loop health, bus stats), so metrics add
 * no work to the loops; the one hot-path meter, {@link #decisionLatency}, is recorded by {@link EngineEvents}.
 */
public final class EngineMeters {
    /** One scrape reads dozens of meters; they share one snapshot of the pipeline and loop stats. */
    private static final long SNAPSHOT_NANOS = 200_000_000L;

    private final EngineMetrics metrics;

    private EngineMeters(EngineMetrics metrics) {
        this.metrics = metrics;
    }

    /**
     * Registers the pipeline, risk and loop meters and the event-loop and risk health checks.
     *
     * @param riskEvents how many risk events were emitted so far
     * @param venues     the exchanges the engine trades on (exposure by exchange)
     * @param maxLoops   the most loops the engine can run (universe size over coins per loop): loops start after
     *                   the meters are registered, so each possible loop gets its meters up front
     */
    public static void register(EngineMetrics metrics, TradingPipeline pipeline, RiskController risk,
                                EventLoopManager<CoinTrading, Object> loops, LongSupplier riskEvents,
                                Set<ExchangeId> venues, int maxLoops) {
        var meters = new EngineMeters(metrics);
        meters.pipeline(new Snapshot<>(pipeline::stats), pipeline);
        meters.risk(risk, riskEvents, venues);
        meters.loops(new Snapshot<>(loops::health), loops, maxLoops);
    }

    /** Registers per-stream meters of the message bus and its health check. */
    public static void registerBus(EngineMetrics metrics, MessageBus bus) {
        new EngineMeters(metrics).bus(bus);
    }

    /** The decision-latency histogram, by outcome; recorded on the loop threads, allocation-free. */
    public static DecisionLatency decisionLatency(EngineMetrics metrics) {
        String name = "huracan.pipeline.decision_latency";
        String description = "market event offered to decision taken, seconds";
        return new DecisionLatency(metrics.latency(name, description, MetricTag.of(TagKey.OUTCOME, "intent")),
                metrics.latency(name, description, MetricTag.of(TagKey.OUTCOME, "no_intent")));
    }

    /** Completed orders' predicted and realised cost by exchange, from the pipeline's cost outcomes. */
    public static CostOutcomes costOutcomes(EngineMetrics metrics) {
        var outcomes = new CostOutcomes();
        for (ExchangeId exchange : ExchangeId.values()) {
            int i = exchange.ordinal();
            MetricTag tag = MetricTag.of(TagKey.EXCHANGE, exchange.key());
            metrics.counter("huracan.cost.completed_orders", "orders completed with fills", outcomes.orders[i]::sum, tag);
            metrics.gauge("huracan.cost.predicted_mean", "mean predicted cost of completed orders, ratio of mid",
                    () -> outcomes.mean(outcomes.predictedBps[i], i), tag);
            metrics.gauge("huracan.cost.realised_mean", "mean realised cost of completed orders, ratio of mid",
                    () -> outcomes.mean(outcomes.realisedBps[i], i), tag);
        }
        return outcomes;
    }

    /** Sums of completed orders' costs by exchange; one update per completed order, not per event. */
    public static final class CostOutcomes {
        private final LongAdder[] orders = adders(LongAdder::new, new LongAdder[ExchangeId.values().length]);
        private final DoubleAdder[] predictedBps = adders(DoubleAdder::new, new DoubleAdder[ExchangeId.values().length]);
        private final DoubleAdder[] realisedBps = adders(DoubleAdder::new, new DoubleAdder[ExchangeId.values().length]);

        public void record(ExchangeId exchange, CostOutcome outcome) {
            int i = exchange.ordinal();
            predictedBps[i].add(outcome.predictedBps());
            realisedBps[i].add(outcome.realisedBps());
            orders[i].increment();
        }

        private double mean(DoubleAdder bps, int exchange) {
            long count = orders[exchange].sum();
            return count == 0 ? 0 : bps.sum() / count / 10_000;
        }

        private static <T> T[] adders(Supplier<T> factory, T[] array) {
            Arrays.setAll(array, i -> factory.get());
            return array;
        }
    }

    /** Decision latency split by whether the decision was an order intent. */
    public record DecisionLatency(LatencyRecorder intent, LatencyRecorder noIntent) {
        public void record(long nanos, boolean wasIntent) {
            (wasIntent ? intent : noIntent).recordNanos(nanos);
        }
    }

    private void pipeline(Snapshot<PipelineStats> stats, TradingPipeline pipeline) {
        count(stats, "huracan.pipeline.events", "market-data and execution events handled", PipelineStats::events);
        count(stats, "huracan.pipeline.evaluations", "signal evaluations", PipelineStats::evaluations);
        count(stats, "huracan.pipeline.signals", "evaluations past min_signal_bps", PipelineStats::signals);
        count(stats, "huracan.pipeline.no_model", "evaluations with no active model", PipelineStats::noModel);
        count(stats, "huracan.pipeline.inactive_signals", "signals on coins outside the active set",
                PipelineStats::notActive);
        count(stats, "huracan.orders.sent", "orders placed on an exchange", PipelineStats::ordersSent);
        count(stats, "huracan.orders.rejected", "orders the exchange rejected", PipelineStats::orderRejects);
        count(stats, "huracan.orders.fills", "fills received", PipelineStats::fills);
        count(stats, "huracan.risk.reduced", "intents the risk controller reduced", PipelineStats::riskReduced);
        for (CostSkipReason reason : CostSkipReason.values()) {
            count(stats, "huracan.cost.skips", "signals the cost model skipped",
                    s -> s.costSkips().getOrDefault(reason, 0L), MetricTag.of(TagKey.REASON, reason.key()));
        }
        for (RiskReason reason : RiskReason.values()) {
            count(stats, "huracan.risk.rejects", "intents the risk controller rejected",
                    s -> s.riskRejects().getOrDefault(reason, 0L), MetricTag.of(TagKey.REASON, key(reason)));
        }
        metrics.gauge("huracan.pipeline.active_coins", "coins that may open trades", pipeline::activeCount);
    }

    private void risk(RiskController risk, LongSupplier riskEvents, Set<ExchangeId> venues) {
        RiskUniverse universe = risk.universe();
        metrics.gauge("huracan.risk.equity", "account equity, quote currency", risk::equity);
        metrics.gauge("huracan.risk.equity_peak", "highest equity of the session, quote currency", risk::equityPeak);
        metrics.gauge("huracan.risk.drawdown", "drawdown from the equity peak, ratio",
                () -> risk.equityPeak() <= 0 ? 0 : 1 - risk.equity() / risk.equityPeak());
        metrics.gauge("huracan.risk.open_trades", "open trades", risk::openTrades);
        metrics.gauge("huracan.pnl.realised", "realised P&L over every coin, quote currency", () -> {
            double sum = 0;
            for (int c = 0; c < universe.coinCount(); c++) {
                sum += risk.realisedPnl(universe.coin(c));
            }
            return sum;
        });
        metrics.gauge("huracan.pnl.unrealised", "unrealised P&L over every coin, quote currency", () -> {
            double sum = 0;
            for (int c = 0; c < universe.coinCount(); c++) {
                sum += risk.unrealisedPnl(universe.coin(c));
            }
            return sum;
        });
        metrics.gauge("huracan.risk.kill_switch", "1 while the kill switch is engaged",
                () -> risk.killSwitchEngaged() ? 1 : 0);
        metrics.gauge("huracan.risk.breaker.tripped", "1 while the breaker is tripped",
                () -> risk.globalBreakerTripped() ? 1 : 0, MetricTag.of(TagKey.SCOPE, "global"));
        metrics.gauge("huracan.risk.breakers.coins_tripped", "coins whose drawdown breaker is tripped", () -> {
            int tripped = 0;
            for (int c = 0; c < universe.coinCount(); c++) {
                tripped += risk.coinBreakerTripped(universe.coin(c)) ? 1 : 0;
            }
            return tripped;
        });
        metrics.counter("huracan.risk.events", "risk events (throttles, rejections, breakers)", riskEvents);
        metrics.healthCheck("risk", () -> riskHealth(risk));
        exposure(risk, ExposureScope.GLOBAL_GROSS, 0, "global_gross", ExposureLimits::globalGross);
        exposure(risk, ExposureScope.NET_LONG, 0, "global_net_long", ExposureLimits::globalNet);
        exposure(risk, ExposureScope.NET_SHORT, 0, "global_net_short", ExposureLimits::globalNet);
        for (int s = 0; s < universe.sectorCount(); s++) {
            exposure(risk, ExposureScope.SECTOR, s, "sector", ExposureLimits::perSector,
                    MetricTag.of(TagKey.SECTOR, universe.sector(s).name()));
        }
        for (ExchangeId venue : venues) {
            exposure(risk, ExposureScope.EXCHANGE, venue.ordinal(), "exchange", ExposureLimits::perExchange,
                    MetricTag.of(TagKey.EXCHANGE, venue.key()));
        }
        for (int c = 0; c < universe.coinCount(); c++) {
            exposure(risk, ExposureScope.COIN, c, "coin", ExposureLimits::perCoin,
                    MetricTag.of(TagKey.COIN, universe.coin(c).symbol()));
        }
    }

    /** Exposure in quote currency and utilisation of its limit (a ratio, 1 = at the limit) for one scope. */
    private void exposure(RiskController risk, ExposureScope scope, int index, String scopeTag,
                          ToDoubleFunction<ExposureLimits> limit, MetricTag... tags) {
        MetricTag[] all = append(tags, MetricTag.of(TagKey.SCOPE, scopeTag));
        metrics.gauge("huracan.risk.exposure", "reserved plus booked exposure, quote currency",
                () -> risk.exposure(scope, index), all);
        metrics.gauge("huracan.risk.utilisation", "exposure over its limit, ratio",
                () -> risk.exposure(scope, index) / limit.applyAsDouble(risk.limits().limits()), all);
    }

    private void loops(Snapshot<List<LoopHealth>> health, EventLoopManager<CoinTrading, Object> loops, int maxLoops) {
        for (int loop = 0; loop < maxLoops; loop++) {
            int index = loop;
            MetricTag tag = MetricTag.of(TagKey.LOOP, Integer.toString(loop));
            loopGauge(health, index, "huracan.loop.lag", "queue wait of the last batch's first event, seconds",
                    h -> h.lagNanos() / 1e9, tag);
            loopGauge(health, index, "huracan.loop.heartbeat_age", "time since the last duty cycle, seconds",
                    h -> h.heartbeatAgeNanos() / 1e9, tag);
            loopGauge(health, index, "huracan.loop.queue_depth", "events waiting", LoopHealth::queueDepth, tag);
            loopGauge(health, index, "huracan.loop.coins", "coins owned", LoopHealth::coins, tag);
            loopGauge(health, index, "huracan.loop.stalled", "1 while the loop is stalled",
                    h -> h.stalled() ? 1 : 0, tag);
            loopGauge(health, index, "huracan.loop.running", "1 while the loop thread is alive",
                    h -> h.running() ? 1 : 0, tag);
            loopCount(health, index, "huracan.loop.processed", "events processed", LoopHealth::processed, tag);
            loopCount(health, index, "huracan.loop.dropped", "events dropped by DROP_OLDEST", LoopHealth::dropped, tag);
            loopCount(health, index, "huracan.loop.failed_events", "events whose handling threw",
                    LoopHealth::failedEvents, tag);
            loopCount(health, index, "huracan.loop.restarts", "handler restarts", LoopHealth::restarts, tag);
        }
        metrics.counter("huracan.loop.rejected_offers", "events refused by a full queue", loops::rejectedOffers);
        metrics.healthCheck("event-loops", () -> loopsHealth(health.get()));
    }

    static ComponentHealth riskHealth(RiskController risk) {
        if (risk.killSwitchEngaged()) {
            return ComponentHealth.down("kill switch engaged");
        }
        if (risk.globalBreakerTripped()) {
            return ComponentHealth.down("global drawdown breaker tripped");
        }
        return ComponentHealth.up("accepting orders");
    }

    static ComponentHealth loopsHealth(List<LoopHealth> loops) {
        if (loops.isEmpty()) {
            return ComponentHealth.down("no event loop is running");
        }
        for (LoopHealth loop : loops) {
            if (!loop.running()) {
                return ComponentHealth.down("loop " + loop.loop() + " is not running");
            }
            if (loop.stalled()) {
                return ComponentHealth.down("loop " + loop.loop() + " stalled: no duty cycle for "
                        + loop.heartbeatAgeNanos() / 1_000_000 + " ms");
            }
        }
        return ComponentHealth.up(loops.size() + " loops running");
    }

    private void bus(MessageBus bus) {
        for (StreamType stream : StreamType.values()) {
            MetricTag tag = MetricTag.of(TagKey.STREAM, stream.key());
            metrics.counter("huracan.bus.published", "messages published", () -> bus.streamStats(stream).published(), tag);
            metrics.gauge("huracan.bus.length", "messages kept in the stream", () -> bus.streamStats(stream).length(), tag);
        }
        metrics.healthCheck("message-bus", () -> {
            try {
                bus.streamStats(StreamType.RISK_EVENTS);
                return ComponentHealth.up("open");
            } catch (RuntimeException e) {
                return ComponentHealth.down("unavailable: " + e.getMessage());
            }
        });
    }

    /**
     * Scale-out: coins this member holds, members in the cluster, lease renewals that failed, takeovers, hand-overs,
     * shared-exposure writes waiting for Redis, and the {@code cluster} health check.
     */
    static void registerCluster(EngineMetrics metrics, CoinOwnership ownership, SharedExposure shared) {
        metrics.gauge("huracan.cluster.owned_coins", "coins this member holds the lease of",
                () -> ownership.owned().size());
        metrics.gauge("huracan.cluster.handing_over", "coins being closed before their hand-over",
                ownership::releasing);
        metrics.gauge("huracan.cluster.members", "live members of the cluster", ownership::members);
        metrics.counter("huracan.cluster.lease_renew_failures",
                "leases found lost at renewal, or dropped while Redis was unreachable", ownership::renewFailures);
        metrics.counter("huracan.cluster.store_failures", "rounds in which Redis could not be reached",
                ownership::storeFailures);
        metrics.counter("huracan.cluster.takeovers", "coins taken over from a member whose lease expired",
                ownership::takeovers);
        metrics.counter("huracan.cluster.coins_acquired", "coin leases taken", ownership::acquired);
        metrics.counter("huracan.cluster.coins_released", "coins handed over", ownership::released);
        metrics.counter("huracan.cluster.coins_lost", "coins dropped because their lease was gone", ownership::lost);
        metrics.gauge("huracan.cluster.exposure_pending_writes", "coins whose shared exposure waits to be written",
                shared::pendingWrites);
        metrics.healthCheck("cluster", ownership::health);
    }

    /** Lag and pending of a consumer group that reads the engine's bus (a worker, a recorder, a dashboard feed). */
    static void watchGroup(EngineMetrics metrics, MessageBus bus, StreamType stream, String group) {
        MetricTag[] tags = {MetricTag.of(TagKey.STREAM, stream.key()), MetricTag.of(TagKey.GROUP, group)};
        metrics.gauge("huracan.bus.lag", "messages not yet delivered to the group",
                () -> bus.groupStats(stream, group).lag(), tags);
        metrics.gauge("huracan.bus.pending", "messages delivered but not acknowledged",
                () -> bus.groupStats(stream, group).pending(), tags);
        metrics.counter("huracan.bus.dead_lettered", "messages moved to dead letters",
                () -> bus.groupStats(stream, group).deadLettered(), tags);
    }

    private void count(Snapshot<PipelineStats> stats, String name, String description,
                       ToLongFunction<PipelineStats> value, MetricTag... tags) {
        metrics.counter(name, description, () -> value.applyAsLong(stats.get()), tags);
    }

    private void loopGauge(Snapshot<List<LoopHealth>> health, int loop, String name, String description,
                           ToDoubleFunction<LoopHealth> value, MetricTag tag) {
        metrics.gauge(name, description, () -> {
            List<LoopHealth> all = health.get();
            return loop < all.size() ? value.applyAsDouble(all.get(loop)) : Double.NaN;
        }, tag);
    }

    private void loopCount(Snapshot<List<LoopHealth>> health, int loop, String name, String description,
                           ToLongFunction<LoopHealth> value, MetricTag tag) {
        metrics.counter(name, description, () -> {
            List<LoopHealth> all = health.get();
            return loop < all.size() ? value.applyAsLong(all.get(loop)) : 0;
        }, tag);
    }

    private static String key(RiskReason reason) {
        return reason.name().toLowerCase(Locale.ROOT);
    }

    private static MetricTag[] append(MetricTag[] tags, MetricTag tag) {
        MetricTag[] all = Arrays.copyOf(tags, tags.length + 1);
        all[tags.length] = tag;
        return all;
    }

    /** A value recomputed at most every {@link #SNAPSHOT_NANOS}, shared by the meters of one scrape. */
    private static final class Snapshot<T> {
        private final Supplier<T> source;
        private T value;
        private long takenAt;

        Snapshot(Supplier<T> source) {
            this.source = source;
        }

        synchronized T get() {
            long now = System.nanoTime();
            if (value == null || now - takenAt > SNAPSHOT_NANOS) {
                value = source.get();
                takenAt = now;
            }
            return value;
        }
    }
}
