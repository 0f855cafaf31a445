package io.huracan.ports.bus;

/**
 * One delivered message. {@code deliveryCount} is 1 on the first delivery and grows with each redelivery (a
 * claim or a re-read of pending messages); handlers that must not act twice key on {@code id}. The payload array
 * is shared with other readers: read it, never modify it.
 */
public record BusMessage(StreamType stream, MessageId id, byte[] payload, int deliveryCount) {
    public BusMessage {
        if (stream == null || id == null || payload == null || deliveryCount < 1) {
            throw new IllegalArgumentException("bus message " + stream + " " + id + " with delivery count "
                    + deliveryCount + " is invalid; allowed: stream, id and payload present, delivery count >= 1");
        }
    }

    public boolean isRedelivery() {
        return deliveryCount > 1;
    }
}
