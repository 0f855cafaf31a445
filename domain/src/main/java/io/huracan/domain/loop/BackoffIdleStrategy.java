package io.huracan.domain.loop;

import java.util.concurrent.locks.LockSupport;

/**
 * Spins, then yields, then parks for exponentially longer up to a maximum: the default, since it costs little CPU
 * when the market is quiet and reacts within microseconds when it is busy.
 */
public final class BackoffIdleStrategy implements IdleStrategy {
    private static final int SPINS = 100;
    private static final int YIELDS = 20;
    private static final long MIN_PARK_NANOS = 1_000;

    private final long maxParkNanos;
    private int idleCycles;
    private long parkNanos = MIN_PARK_NANOS;

    /** Parks for at most {@code maxParkNanos}; keep it well below the heartbeat interval. */
    public BackoffIdleStrategy(long maxParkNanos) {
        if (maxParkNanos < MIN_PARK_NANOS) {
            throw new IllegalArgumentException("max park " + maxParkNanos + " ns is invalid; allowed: >= "
                    + MIN_PARK_NANOS + " ns");
        }
        this.maxParkNanos = maxParkNanos;
    }

    /** Parks for at most 1 ms. */
    public BackoffIdleStrategy() {
        this(1_000_000);
    }

    @Override
    public void idle(int workCount) {
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
            LockSupport.parkNanos(parkNanos);
            parkNanos = Math.min(parkNanos * 2, maxParkNanos);
        }
    }

    @Override
    public void reset() {
        idleCycles = 0;
        parkNanos = MIN_PARK_NANOS;
    }

    /** The same back-off without state, for a producer waiting on its {@code attempt}-th try (0, 1, 2, ...). */
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
