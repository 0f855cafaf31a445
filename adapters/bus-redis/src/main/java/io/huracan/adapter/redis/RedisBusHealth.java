package io.huracan.adapter.redis;

/**
 * The Redis bus's outbound side at one moment.
 *
 * @param status          UP: writes reach Redis; RECONNECTING: Redis is slow or unreachable and accepted messages
 *                        wait in the buffer; BUFFER_FULL: the buffer reached its bound and publish fails
 * @param buffered        messages accepted and not yet written to Redis
 * @param bound           the buffer's bound ({@link RedisBusConfig#outboundBufferBound})
 * @param reassignedIds   messages Redis stored under a later id than publish returned (another process wrote a
 *                        later id to the same stream first; see docs/message-bus.md)
 * @param lastError       the last write failure, or empty
 */
public record RedisBusHealth(Status status, long buffered, long bound, long reassignedIds, String lastError) {
    public enum Status { UP, RECONNECTING, BUFFER_FULL }
}
