package io.huracan.adapter.redis;

/**
 * Publishing failed because the bus's outbound buffer is at its bound: Redis has been slow or unreachable for a
 * while. Nothing was queued; what was accepted before is kept and written once Redis is back.
 */
public final class OutboundBufferFullException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    OutboundBufferFullException(long buffered, int requested, long bound) {
        super("redis bus outbound buffer is full: " + buffered + " messages wait for Redis and " + requested
                + " more would pass the bound of " + bound + " (engine.message_bus outbound buffer); "
                + "the messages were not published; Redis is unreachable or slower than the publishers");
    }
}
