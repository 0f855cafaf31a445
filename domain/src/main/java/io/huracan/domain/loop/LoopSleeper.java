package io.huracan.domain.loop;

/**
 * A loop's way to sleep: returns after at most {@code maxNanos}, or as soon as a producer queues an event, a
 * handover or a stop for the loop (at once if one is already waiting). No timer decides when queued work runs.
 */
@FunctionalInterface
public interface LoopSleeper {

    void sleep(long maxNanos);
}
