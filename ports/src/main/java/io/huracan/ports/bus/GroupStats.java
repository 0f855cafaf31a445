package io.huracan.ports.bus;

import java.util.Map;

/**
 * A consumer group's state on one stream.
 *
 * @param lag               messages in the stream not yet delivered to the group
 * @param pending           delivered but not acknowledged
 * @param deadLettered      moved to dead letters since the group was created
 * @param lastDeliveredId   the newest id delivered to the group ({@link MessageId#ZERO} before the first)
 * @param pendingByConsumer pending messages per consumer name (consumers with none are left out)
 */
public record GroupStats(StreamType stream, String group, long lag, long pending, long deadLettered,
                         MessageId lastDeliveredId, Map<String, Long> pendingByConsumer) {
    public GroupStats {
        pendingByConsumer = Map.copyOf(pendingByConsumer);
    }
}
