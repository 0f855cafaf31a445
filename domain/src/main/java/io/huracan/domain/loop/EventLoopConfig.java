package io.huracan.domain.loop;

import io.huracan.ports.config.InvalidConfigException;

import java.time.Duration;

import static io.huracan.ports.config.ConfigChecks.positive;
import static io.huracan.ports.config.ConfigChecks.required;

/**
 * The event-loop manager's configuration ({@code engine.event_loop}).
 *
 * @param coinsPerLoop      coins owned by one loop thread (400 coins / 50 = 8 loops)
 * @param queueCapacity     inbound events a loop may hold (rounded up to a power of two)
 * @param backpressure      what a full market-data queue does
 * @param idleStrategy      how an idle loop waits
 * @param idleMaxPark       longest an idle loop sleeps when nothing wakes it (queued work wakes it at once), which
 *                          bounds how stale its heartbeat gets; below the stall threshold
 * @param heartbeatInterval how often a loop reports it is alive
 * @param stallThreshold    a loop silent for this long is reported stalled
 * @param shutdownTimeout   how long a graceful stop may drain before reporting what is left
 */
public record EventLoopConfig(
        int coinsPerLoop,
        int queueCapacity,
        BackpressurePolicy backpressure,
        IdleMode idleStrategy,
        Duration idleMaxPark,
        Duration heartbeatInterval,
        Duration stallThreshold,
        Duration shutdownTimeout) {

    public EventLoopConfig {
        positive("coins_per_loop", coinsPerLoop);
        positive("queue_capacity", queueCapacity);
        required("backpressure", backpressure);
        required("idle_strategy", idleStrategy);
        positive("idle_max_park", idleMaxPark);
        if (idleMaxPark.toNanos() < 1_000) {
            throw new InvalidConfigException("idle_max_park", idleMaxPark.toNanos()
                    + " ns is invalid; allowed: at least 1us");
        }
        positive("heartbeat_interval", heartbeatInterval);
        positive("stall_threshold", stallThreshold);
        if (idleMaxPark.compareTo(stallThreshold) >= 0) {
            throw new InvalidConfigException("idle_max_park", idleMaxPark.toMillis()
                    + "ms is invalid; allowed: below stall_threshold (" + stallThreshold.toMillis() + "ms)");
        }
        positive("shutdown_timeout", shutdownTimeout);
    }

    /** A new idle strategy of the configured kind, for one loop thread. */
    public IdleStrategy newIdleStrategy() {
        return idleStrategy.newStrategy(idleMaxPark.toNanos());
    }
}
