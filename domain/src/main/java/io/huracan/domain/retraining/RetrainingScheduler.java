package io.huracan.domain.retraining;

import io.huracan.domain.registry.ModelRegistry;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.Regime;
import io.huracan.ports.registry.ModelKey;
import io.huracan.ports.registry.ModelMetrics;
import io.huracan.ports.registry.ModelVersion;
import io.huracan.ports.registry.TrainingWindow;
import io.huracan.ports.retraining.RetrainingExecutor;
import io.huracan.ports.retraining.RetrainingJob;
import io.huracan.ports.retraining.RetrainingResult;
import io.huracan.ports.retraining.RetrainingTrigger;
import io.huracan.ports.time.EngineClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Decides when jobs run: on the cron schedule (every coin set in every regime), when an active model's live
 * metrics decay (the registry benches it, and its regime is retrained), and when a coin changes regime (the coin
 * set holding it is retrained for the new regime). Each job trains on the {@code lookback} before now. The coin sets
 * are asked for at each decision (the coins with stored data change as data is imported). The executor keeps one job
 * per key at a time, so a trigger that fires while its key is busy joins the running job; and a trigger does not
 * retrain a key that a trigger retrained less than {@code triggerCooldown} ago (a coin flapping between two regimes
 * would otherwise retrain on every flap). {@link #tick()} is called by whoever owns the thread (the engine, a timer);
 * the scheduler starts none and is not thread-safe.
 */
public final class RetrainingScheduler {
    private final CronSchedule schedule;
    private final RetrainingExecutor executor;
    private final ModelRegistry registry;
    private final EngineClock clock;
    private final Supplier<? extends List<? extends Set<Coin>>> coinSets;
    private final Duration lookback;
    private final Duration triggerCooldown;
    private final Map<String, Instant> triggeredAt = new HashMap<>();
    private Instant nextRun;

    public RetrainingScheduler(CronSchedule schedule, RetrainingExecutor executor, ModelRegistry registry,
                               EngineClock clock, Supplier<? extends List<? extends Set<Coin>>> coinSets,
                               Duration lookback, Duration triggerCooldown) {
        this.schedule = schedule;
        this.executor = executor;
        this.registry = registry;
        this.clock = clock;
        this.coinSets = coinSets;
        if (lookback.isNegative() || lookback.isZero()) {
            throw new IllegalArgumentException("retraining lookback " + lookback + " is invalid; allowed: > 0");
        }
        if (triggerCooldown.isNegative()) {
            throw new IllegalArgumentException("retraining trigger cooldown " + triggerCooldown + " is invalid; allowed: >= 0");
        }
        this.lookback = lookback;
        this.triggerCooldown = triggerCooldown;
        this.nextRun = schedule.nextAfter(now());
    }

    /** Submits the scheduled jobs if the schedule has fired since the last tick; returns what was submitted. */
    public List<CompletableFuture<RetrainingResult>> tick() {
        Instant now = now();
        if (now.isBefore(nextRun)) {
            return List.of();
        }
        nextRun = schedule.nextAfter(now);
        List<SortedSet<Coin>> sets = sets();
        List<CompletableFuture<RetrainingResult>> submitted = new ArrayList<>();
        for (Regime regime : Regime.values()) {
            for (SortedSet<Coin> coins : sets) {
                submitted.add(submit(regime, coins, RetrainingTrigger.SCHEDULE, now));
            }
        }
        return submitted;
    }

    /** When the schedule fires next. */
    public Instant nextRun() {
        return nextRun;
    }

    /** Reviews an active model's live metrics; if the registry benches it, retrains its regime for every coin set. */
    public List<CompletableFuture<RetrainingResult>> onLiveMetrics(ModelKey model, ModelMetrics live) {
        Optional<ModelVersion> demoted = registry.reviewLive(model, live);
        if (demoted.isEmpty()) {
            return List.of();
        }
        return triggered(demoted.get().regime(), sets(), RetrainingTrigger.DECAY);
    }

    /** A coin entered {@code regime}: retrains the coin sets holding it for that regime. */
    public List<CompletableFuture<RetrainingResult>> onRegimeChange(Coin coin, Regime regime) {
        return triggered(regime, sets().stream().filter(coins -> coins.contains(coin)).toList(),
                RetrainingTrigger.REGIME_CHANGE);
    }

    private List<CompletableFuture<RetrainingResult>> triggered(Regime regime, List<SortedSet<Coin>> sets,
                                                                RetrainingTrigger trigger) {
        Instant now = now();
        List<CompletableFuture<RetrainingResult>> submitted = new ArrayList<>();
        for (SortedSet<Coin> coins : sets) {
            String key = regime.key() + "/" + ModelNames.coinLabel(coins);
            Instant last = triggeredAt.get(key);
            if (last == null || !now.isBefore(last.plus(triggerCooldown))) {
                triggeredAt.put(key, now);
                submitted.add(submit(regime, coins, trigger, now));
            }
        }
        return submitted;
    }

    private List<SortedSet<Coin>> sets() {
        return coinSets.get().stream().filter(coins -> !coins.isEmpty()).<SortedSet<Coin>>map(TreeSet::new).toList();
    }

    private CompletableFuture<RetrainingResult> submit(Regime regime, SortedSet<Coin> coins, RetrainingTrigger trigger,
                                                       Instant now) {
        String id = trigger.key() + "-" + regime.key() + "-" + ModelNames.coinLabel(coins) + "-" + now.toEpochMilli();
        return executor.submit(new RetrainingJob(id, regime, coins, new TrainingWindow(now.minus(lookback), now),
                Set.of(), trigger));
    }

    private Instant now() {
        long micros = clock.epochMicros();
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
