package io.huracan.bootstrap.engine;

import io.huracan.domain.pipeline.TradingPipeline;
import io.huracan.ports.market.LiveMarketDataFeed;
import io.huracan.ports.market.StreamState;
import io.huracan.ports.metrics.ComponentHealth;
import io.huracan.ports.time.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives a session on the venues' live streams: the feed delivers book tops and trades on its own threads, straight
 * to the router (there is no step and no barrier, and the engine's clock is the real one), so this driver only keeps
 * time: it reranks on the real clock, ticks the step listener (the session recorder) once per tick interval, and ends
 * the session after its length, or when stopped.
 *
 * <p>Settling is the simulated driver's, in real time: no new entries, the loops given until the shutdown timeout to
 * handle what was offered up to then (orders in flight and their reports), every order still open cancelled, and the
 * loops given the rest of the timeout to handle the cancels' reports.
 */
final class LiveMarketDriver extends MarketDriver {
    private static final Logger log = LoggerFactory.getLogger(LiveMarketDriver.class);
    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final LiveMarketDataFeed feed;
    private final MarketRouter router;
    private final TradingPipeline pipeline;
    private final SessionSettlement settlement;
    private final RerankSchedule reranks;
    private final EngineClock clock;
    private final long sessionMicros;
    private final Duration shutdownTimeout;
    private final long tickMicros;
    private final StepListener ticks;
    private final WorkingOrderPoller orderPoller;
    private volatile long rerankCount;

    /**
     * @param session how much real time to run before finishing by itself; {@link Duration#ZERO} for no limit
     * @param tick    how often {@code ticks} is called with the real time, from the session's start, plus once after
     *                settling: the stand-in for the simulated driver's steps
     * @param orderPoller asks the venues about the working orders while the session trades; stopped before settling,
     *                    which learns the rest from the open orders and the cancels' answers
     */
    LiveMarketDriver(LiveMarketDataFeed feed, MarketRouter router, TradingPipeline pipeline, SessionSettlement settlement,
                     RerankSchedule reranks, EngineClock clock, Duration session, Duration shutdownTimeout,
                     Duration tick, StepListener ticks, WorkingOrderPoller orderPoller) {
        this.feed = feed;
        this.router = router;
        this.pipeline = pipeline;
        this.settlement = settlement;
        this.reranks = reranks;
        this.clock = clock;
        this.sessionMicros = session.toNanos() / 1_000;
        this.shutdownTimeout = shutdownTimeout;
        this.tickMicros = tick.toNanos() / 1_000;
        this.ticks = ticks;
        this.orderPoller = orderPoller;
    }

    /** The settlement has the shutdown timeout; a little more for the cancels' round trips to return. */
    @Override
    protected Duration stopWait() {
        return shutdownTimeout.plusSeconds(5);
    }

    @Override
    protected String progress() {
        return rerankCount + " reranks";
    }

    /** Ready while at least one coin's stream is live. */
    @Override
    protected ComponentHealth runningHealth() {
        var statuses = feed.statuses();
        long live = statuses.stream().filter(s -> s.state() == StreamState.LIVE).count();
        String line = live + " of " + statuses.size() + " coin streams live, " + rerankCount + " reranks";
        return live > 0 ? ComponentHealth.up(line) : ComponentHealth.down(line);
    }

    @Override
    protected void drive() {
        long start = clock.epochMicros();
        long end = sessionMicros == 0 ? Long.MAX_VALUE : start + sessionMicros;
        settlement.reportOrdersAlreadyOpen();
        reranks.begin(start);
        orderPoller.start();
        try {
            trade(start, end);
        } finally {
            orderPoller.stop();
        }
        settle();
        ticks.onStep(clock.epochMicros());
    }

    private void trade(long start, long end) {
        long now = start;
        long nextTick = start;
        while (!stopRequested() && now < end) {
            if (reranks.due(now)) {
                pipeline.rerank(now);
                rerankCount++;
            }
            if (now >= nextTick) {
                ticks.onStep(now);
                nextTick = now + tickMicros;
            }
            long wakeMicros = Math.min(Math.min(reranks.nextMicros(), nextTick), end);
            LockSupport.parkNanos(Math.min(MAX_PARK_NANOS, Math.max(0, (wakeMicros - now) * 1_000)));
            now = clock.epochMicros();
        }
    }

    private void settle() {
        long deadline = clock.monotonicNanos() + shutdownTimeout.toNanos();
        settlement.stopEntries(clock.epochMicros());
        awaitLoops(deadline);
        settlement.cancelOpenOrders();
        awaitLoops(deadline);
    }

    /**
     * Waits until the loops have handled every event offered so far. The streams keep delivering meanwhile, so this
     * waits for a mark, not for the loops to be idle; past the deadline the session ends with the rest unhandled
     * (the loops' shutdown report counts it).
     */
    private void awaitLoops(long deadlineNanos) {
        long mark = router.offered();
        while (pipeline.processedEvents() < mark && clock.monotonicNanos() < deadlineNanos) {
            LockSupport.parkNanos(100_000);
        }
        if (pipeline.processedEvents() < mark) {
            log.warn("event loops handled {} of {} events before the shutdown timeout", pipeline.processedEvents(), mark);
        }
    }
}
