package io.huracan.domain.loop;

/**
 * What a loop's inbound queue does when full: BLOCK makes the producer wait; DROP_OLDEST (for market data,
 * where the newest book supersedes the oldest) discards the oldest queued event and counts the drop.
 */
public enum BackpressurePolicy {
    BLOCK,
    DROP_OLDEST
}
