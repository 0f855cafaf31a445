package io.huracan.domain.loop;

import java.util.concurrent.locks.LockSupport;

/**
 * Spins, then yields, then sleeps until woken: the default. An idle loop costs no CPU, and an event wakes it at once
 * (the producer unparks it), so the sleep length only bounds how stale the loop's heartbeat may get. Spinning first
 * keeps a busy loop awake between events that arrive microseconds apart, where a park and an unpark would cost more
 * than the wait.
 */
public final class BackoffIdleStrategy implements IdleStrategy {
    private static final int SPINS = 100;
    private static final int YIELDS = 10;
    private static final long MIN_SLEEP_NANOS = 1_000;

    private final long maxSleepNanos;
    private int idleCycles;

    /** Sleeps at most {@code maxSleepNanos} between looks when nothing wakes it; keep it below the heartbeat interval. */
    public BackoffIdleStrategy(long maxSleepNanos) {
        if (maxSleepNanos < MIN_SLEEP_NANOS) {
            throw new IllegalArgumentException("max sleep " + maxSleepNanos + " ns is invalid; allowed: >= "
                    + MIN_SLEEP_NANOS + " ns");
        }
        this.maxSleepNanos = maxSleepNanos;
    }

    /** Sleeps at most 100 ms between looks. */
    public BackoffIdleStrategy() {
        this(100_000_000);
    }

    @Override
    public void idle(int workCount, LoopSleeper sleeper) {
        if (workCount > 0) {
            reset();
            return;
        }
        if (idleCycles < SPINS) {
            idleCycles++;
            Thread.onSpinWait();
        } else if (idleCycles < SPINS + YIELDS) {
            idleCycles++;
            Thread.yield();
        } else {
            sleeper.sleep(maxSleepNanos);
        }
    }

    @Override
    public void reset() {
        idleCycles = 0;
    }

    /** A producer's back-off on its {@code attempt}-th try (0, 1, 2, ...) at a full queue or a paused coin. */
    static void pause(int attempt) {
        if (attempt < SPINS) {
            Thread.onSpinWait();
        } else if (attempt < SPINS + YIELDS) {
            Thread.yield();
        } else {
            LockSupport.parkNanos(50_000);
        }
    }
}
