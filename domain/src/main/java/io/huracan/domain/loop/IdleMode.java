package io.huracan.domain.loop;

/**
 * Which {@link IdleStrategy} the loops use ({@code engine.event_loop.idle_strategy}). BACKOFF costs no CPU when the
 * market is quiet and is the default. BUSY_SPIN never lets go of its core: the lowest and steadiest latency, for
 * a loop per spare core (a machine with two cores has room for one loop beside the market-data thread). YIELD sits
 * between them.
 */
public enum IdleMode {
    BACKOFF,
    YIELD,
    BUSY_SPIN;

    IdleStrategy newStrategy(long maxSleepNanos) {
        return switch (this) {
            case BACKOFF -> new BackoffIdleStrategy(maxSleepNanos);
            case YIELD -> new YieldingIdleStrategy();
            case BUSY_SPIN -> new BusySpinIdleStrategy();
        };
    }
}
