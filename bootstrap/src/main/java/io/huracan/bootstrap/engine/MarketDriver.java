package io.huracan.bootstrap.engine;

import io.huracan.ports.lifecycle.ManagedService;
import io.huracan.ports.metrics.ComponentHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * What moves the session on: {@link SimulatedMarketDriver} steps a replayable market on the engine's market clock,
 * {@link LiveMarketDriver} follows the venues' streams on the real clock. Either one reranks the coins and, when
 * stopped or when the session has run its length, settles it. This class owns what both share: the driver thread,
 * the stop request, the failure that ended a session early, and the health around the running state.
 */
abstract class MarketDriver implements ManagedService {
    private final Logger log = LoggerFactory.getLogger(getClass());
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopRequested;
    private volatile Throwable failure;
    private volatile Thread thread;

    /** The session, on the driver's thread: runs until its length has run or {@link #stopRequested()}, then settles. */
    protected abstract void drive() throws Exception;

    /** The longest {@link #stop()} waits for the driver thread to settle and end. */
    protected abstract Duration stopWait();

    /** How far the session got, for the health line: "N market steps", "N reranks". */
    protected abstract String progress();

    /** Health while the session runs. */
    protected abstract ComponentHealth runningHealth();

    /** Called on the driver thread after {@link #drive()}, however it ended. */
    protected void ended() {
    }

    protected final boolean stopRequested() {
        return stopRequested;
    }

    @Override
    public final String name() {
        return "market-driver";
    }

    @Override
    public final void start() {
        Thread started = new Thread(this::run, "huracan-market-driver");
        started.setDaemon(true);
        thread = started;
        started.start();
    }

    @Override
    public final void stop() throws InterruptedException {
        stopRequested = true;
        Thread running = thread;
        if (running != null) {
            LockSupport.unpark(running);
            running.join(stopWait().toMillis());
            if (running.isAlive()) {
                log.warn("market driver did not settle within {}", stopWait());
            }
        }
    }

    /** Waits until the session has run its length, or was stopped; true if it finished within the timeout. */
    final boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    final boolean isFinished() {
        return finished.getCount() == 0;
    }

    /** Why the session ended early, or null. */
    final Throwable failure() {
        return failure;
    }

    /** Ready while the session runs (as {@link #runningHealth()} says): not before the start, not after its end. */
    final ComponentHealth health() {
        if (failure != null) {
            return ComponentHealth.down("market driver failed: " + failure);
        }
        if (isFinished()) {
            return ComponentHealth.down("session ended after " + progress());
        }
        return thread == null ? ComponentHealth.down("not started") : runningHealth();
    }

    /**
     * Called on the driver thread as the session moves on, with the engine clock's time. Simulated: after each market
     * step, at the barrier, when the loops are idle, so reads are consistent and the same on every run with a seed.
     * Live: on the real clock while the loops run, so reads are a recent picture (what the risk views are made for).
     */
    @FunctionalInterface
    interface StepListener {
        StepListener NONE = micros -> { };

        void onStep(long marketMicros);
    }

    private void run() {
        try {
            drive();
        } catch (Throwable e) {
            failure = e;
            log.error("market driver stopped: {}", e.toString());
        } finally {
            ended();
            finished.countDown();
        }
    }
}
