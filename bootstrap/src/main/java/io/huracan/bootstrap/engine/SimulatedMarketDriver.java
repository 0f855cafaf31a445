package io.huracan.bootstrap.engine;

import io.huracan.ports.metrics.ComponentHealth;
import io.huracan.domain.pipeline.TradingPipeline;
import io.huracan.ports.market.ReplayableMarketDataFeed;
import io.huracan.ports.time.EngineClock;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives a replayable market (the simulator, or a replay of stored days) in steps of market time: advance the
 * market clock, let the feed emit everything up to it (and the paper venues match what is due), then wait at a
 * barrier until the event loops have handled every event of the step before taking the next one. Decisions
 * therefore see the same events in the same order on every run with the same seed, and orders are stamped with
 * the step's market time. Paced against the real clock at {@code speed} (1 = real time; 0 = as fast as possible).
 *
 * <p>Stopping settles the session: no new entries, two more steps so that orders in flight are matched, then
 * every order still open is cancelled, so no fill is lost and no order is left working.
 */
final class SimulatedMarketDriver extends MarketDriver {
    private static final long BARRIER_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final int SETTLE_STEPS = 2;

    private final ReplayableMarketDataFeed feed;
    private final SteppedClock clock;
    private final EngineClock real;
    private final MarketRouter router;
    private final TradingPipeline pipeline;
    private final SessionSettlement settlement;
    private final RerankSchedule reranks;
    private final long stepMicros;
    private final double speed;
    private final long sessionMicros;
    private final StepListener stepListener;
    private final long behindMicros;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile long steps;

    /**
     * @param session how much market time to run before finishing by itself; {@link Duration#ZERO} for no limit
     * @param behind  market time the session is already behind when it starts (a cluster member joining a market
     *                that started earlier): stepped through as fast as possible, then paced; the session length
     *                counts from there
     */
    SimulatedMarketDriver(ReplayableMarketDataFeed feed, SteppedClock clock, EngineClock real, MarketRouter router,
                          TradingPipeline pipeline, SessionSettlement settlement, RerankSchedule reranks, Duration step,
                          double speed, Duration session, Duration behind, StepListener stepListener) {
        this.feed = feed;
        this.clock = clock;
        this.real = real;
        this.router = router;
        this.pipeline = pipeline;
        this.settlement = settlement;
        this.reranks = reranks;
        this.stepMicros = step.toNanos() / 1_000;
        this.speed = speed;
        this.sessionMicros = session.toNanos() / 1_000;
        this.stepListener = stepListener;
        this.behindMicros = behind.toNanos() / 1_000;
    }

    @Override
    protected Duration stopWait() {
        return Duration.ofSeconds(60);
    }

    /** Waits until the market has caught up with the time it was behind at the start; true if it did in time. */
    boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toNanos(), TimeUnit.NANOSECONDS) && failure() == null;
    }

    long steps() {
        return steps;
    }

    @Override
    protected String progress() {
        return steps + " market steps";
    }

    /** Ready while the market steps. */
    @Override
    protected ComponentHealth runningHealth() {
        return ComponentHealth.up(steps + " market steps");
    }

    @Override
    protected void drive() {
        long startMarket = clock.epochMicros();
        long startReal = real.monotonicNanos() - (speed > 0 ? (long) (behindMicros * 1_000 / speed) : 0);
        reranks.begin(startMarket);
        while (!stopRequested() && (sessionMicros == 0
                || clock.epochMicros() - startMarket < behindMicros + sessionMicros)) {
            long now = step();
            if (now - startMarket >= behindMicros) {
                caughtUp.countDown();
            }
            if (reranks.due(now)) {
                pipeline.rerank(now);
            }
            stepListener.onStep(now);
            pace(startReal, now - startMarket);
        }
        settle();
    }

    /** A failed or stopped session is not waited for as if it were still catching up. */
    @Override
    protected void ended() {
        caughtUp.countDown();
    }

    /** One step: market time forward, the feed's events out, and the barrier. Returns the step's market time. */
    private long step() {
        long target = clock.epochMicros() + stepMicros;
        clock.advanceTo(target);
        feed.advanceTo(target);
        awaitLoops();
        steps++;
        return target;
    }

    private void settle() {
        settlement.stopEntries(clock.epochMicros());
        for (int i = 0; i < SETTLE_STEPS; i++) {
            stepListener.onStep(step());
        }
        settlement.cancelOpenOrders();
        awaitLoops();
        stepListener.onStep(clock.epochMicros());
    }

    /** The barrier: returns once the loops have handled every event offered so far, including their own orders'. */
    private void awaitLoops() {
        long deadline = real.monotonicNanos() + BARRIER_TIMEOUT_NANOS;
        int spins = 0;
        while (pipeline.processedEvents() < router.offered()) {
            if (++spins > 100) {
                LockSupport.parkNanos(20_000);
            } else {
                Thread.onSpinWait();
            }
            if (real.monotonicNanos() > deadline) {
                throw new IllegalStateException("event loops handled " + pipeline.processedEvents() + " of "
                        + router.offered() + " events within 30 s; they are stalled or dead");
            }
        }
    }

    private void pace(long startReal, long marketElapsedMicros) {
        if (speed <= 0) {
            return;
        }
        long dueNanos = startReal + (long) (marketElapsedMicros * 1_000 / speed);
        long wait = dueNanos - real.monotonicNanos();
        while (wait > 0 && !stopRequested()) {
            LockSupport.parkNanos(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(50)));
            wait = dueNanos - real.monotonicNanos();
        }
    }
}
