package io.huracan.domain.loop;

import io.huracan.ports.market.Coin;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a graceful stop achieved. Events still queued when the timeout ran out are not lost in silence: they are
 * counted per coin in {@code unprocessedByCoin} when their loop stopped, or in {@code unprocessedInStuckLoops}
 * when a loop did not stop at all (its queue cannot be read safely while its thread runs).
 *
 * @param clean                   every loop drained, flushed and closed within the timeout
 * @param droppedTotal            events lost to DROP_OLDEST over the loops' life
 * @param failedEvents            events whose handling threw over the loops' life
 * @param stuckLoops              loops whose thread was still running when the stop gave up
 */
public record ShutdownReport(boolean clean, Duration took, Map<Coin, Long> unprocessedByCoin,
                             long unprocessedInStuckLoops, List<Integer> stuckLoops, long droppedTotal,
                             long failedEvents) {
    public ShutdownReport {
        unprocessedByCoin = Map.copyOf(unprocessedByCoin);
        stuckLoops = List.copyOf(stuckLoops);
    }

    public long unprocessedTotal() {
        return unprocessedByCoin.values().stream().mapToLong(Long::longValue).sum() + unprocessedInStuckLoops;
    }
}
