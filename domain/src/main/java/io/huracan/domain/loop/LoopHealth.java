package io.huracan.domain.loop;

/**
 * One loop's health at an instant.
 *
 * @param heartbeatAgeNanos time since the loop last finished a duty cycle
 * @param lagNanos          how long the first event of the loop's last batch waited in the queue
 * @param dropped           events lost to DROP_OLDEST
 * @param failedEvents      events whose handling threw (each one restarted the handler)
 * @param stalled           no heartbeat for longer than the stall threshold
 * @param running           the loop thread is alive
 */
public record LoopHealth(int loop, int coins, int queueDepth, long heartbeatAgeNanos, long lagNanos, long processed,
                         long dropped, long failedEvents, int restarts, boolean stalled, boolean running) {
}
