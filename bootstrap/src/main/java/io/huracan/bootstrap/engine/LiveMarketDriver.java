package io.huracan.bootstrap.engine;

import io.huracan.domain.pipeline.TradingPipeline;
import io.huracan.ports.market.LiveMarketDataFeed;
import io.huracan.ports.market.StreamState;
import io.huracan.ports.metrics.ComponentHealth;
import io.huracan.ports.time.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives a session on the venues' live streams: the feed delivers book tops and trades on its own threads, straight
 * to the router (there is no step and no barrier, and the engine's clock is the real one), so this driver only keeps
 * time: it reranks on the real clock and ends the session after its length, or when stopped.
 *
 * <p>Settling is the simulated driver's, in real time: no new entries, the loops given until the shutdown timeout to
 * handle what was offered up to then (orders in flight and their reports), every order still open cancelled, and the
 * loops given the rest of the timeout to handle the cancels' reports.
 */
final class LiveMarketDriver implements MarketDriver {
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
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopRequested;
    private volatile Throwable failure;
    private volatile long rerankCount;
    private volatile Thread thread;

    /** @param session how much real time to run before finishing by itself; {@link Duration#ZERO} for no limit */
    LiveMarketDriver(LiveMarketDataFeed feed, MarketRouter router, TradingPipeline pipeline, SessionSettlement settlement,
                     RerankSchedule reranks, EngineClock clock, Duration session, Duration shutdownTimeout) {
        this.feed = feed;
        this.router = router;
        this.pipeline = pipeline;
        this.settlement = settlement;
        this.reranks = reranks;
        this.clock = clock;
        this.sessionMicros = session.toNanos() / 1_000;
        this.shutdownTimeout = shutdownTimeout;
    }

    @Override
    public String name() {
        return "market-driver";
    }

    @Override
    public void start() {
        thread = new Thread(this::run, "huracan-market-driver");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() throws InterruptedException {
        stopRequested = true;
        Thread running = thread;
        if (running != null) {
            LockSupport.unpark(running);
            // the settlement has the shutdown timeout; a little more for the cancels' round trips to return
            running.join(shutdownTimeout.plusSeconds(5).toMillis());
            if (running.isAlive()) {
                log.warn("live market driver did not settle within {}", shutdownTimeout);
            }
        }
    }

    @Override
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public boolean isFinished() {
        return finished.getCount() == 0;
    }

    @Override
    public Throwable failure() {
        return failure;
    }

    /** Ready while the session runs and at least one coin's stream is live. */
    @Override
    public ComponentHealth health() {
        if (failure != null) {
            return ComponentHealth.down("market driver failed: " + failure);
        }
        if (isFinished()) {
            return ComponentHealth.down("session ended after " + rerankCount + " reranks");
        }
        if (thread == null) {
            return ComponentHealth.down("not started");
        }
        var statuses = feed.statuses();
        long live = statuses.stream().filter(s -> s.state() == StreamState.LIVE).count();
        String line = live + " of " + statuses.size() + " coin streams live, " + rerankCount + " reranks";
        return live > 0 ? ComponentHealth.up(line) : ComponentHealth.down(line);
    }

    private void run() {
        long start = clock.epochMicros();
        long end = sessionMicros == 0 ? Long.MAX_VALUE : start + sessionMicros;
        reranks.begin(start);
        try {
            long now = start;
            while (!stopRequested && now < end) {
                if (reranks.due(now)) {
                    pipeline.rerank(now);
                    rerankCount++;
                }
                long wakeMicros = Math.min(reranks.nextMicros(), end);
                LockSupport.parkNanos(Math.min(MAX_PARK_NANOS, Math.max(0, (wakeMicros - now) * 1_000)));
                now = clock.epochMicros();
            }
            settle();
        } catch (Throwable e) {
            failure = e;
            log.error("live market driver stopped: {}", e.toString());
        } finally {
            finished.countDown();
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
