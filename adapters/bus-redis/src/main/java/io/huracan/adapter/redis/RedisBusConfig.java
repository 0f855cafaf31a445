package io.huracan.adapter.redis;

import io.huracan.ports.config.InvalidConfigException;

import java.time.Duration;

import static io.huracan.ports.config.ConfigChecks.notBlank;
import static io.huracan.ports.config.ConfigChecks.positive;

/**
 * Where the Redis Streams bus connects and how it buffers.
 *
 * @param uri                 {@code redis://host:port} or {@code rediss://host:port}
 * @param streamPrefix        stream keys are {@code <prefix>:<stream>}, e.g. {@code huracan:market_data}
 * @param batchSize           messages per XADD script and per XREADGROUP round trip
 * @param outboundBufferBound messages accepted but not yet written to Redis that the bus holds at most; past it
 *                            {@code publish} fails at once (nothing accepted is ever dropped, see docs/message-bus.md)
 * @param reconnectBackoffMin first wait after a failed write or connection, doubled per failure...
 * @param reconnectBackoffMax ...up to this
 * @param responseTimeout     how long one Redis command may take before it counts as failed
 */
public record RedisBusConfig(String uri, String streamPrefix, int batchSize, int outboundBufferBound,
                             Duration reconnectBackoffMin, Duration reconnectBackoffMax, Duration responseTimeout) {
    public static final int DEFAULT_OUTBOUND_BUFFER_BOUND = 1_000_000;
    public static final Duration DEFAULT_BACKOFF_MIN = Duration.ofMillis(50);
    public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofSeconds(5);
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(3);

    public RedisBusConfig {
        notBlank("redis_uri", uri);
        if (!uri.startsWith("redis://") && !uri.startsWith("rediss://")) {
            throw new InvalidConfigException("redis_uri", "'" + uri
                    + "' is invalid; allowed: redis://host:port or rediss://host:port");
        }
        notBlank("stream_prefix", streamPrefix);
        positive("batch_size", batchSize);
        positive("outbound_buffer_bound", outboundBufferBound);
        positive("reconnect_backoff_min", reconnectBackoffMin);
        positive("reconnect_backoff_max", reconnectBackoffMax);
        positive("response_timeout", responseTimeout);
        if (reconnectBackoffMax.compareTo(reconnectBackoffMin) < 0) {
            throw new InvalidConfigException("reconnect_backoff_max", reconnectBackoffMax
                    + " is invalid; allowed: a duration >= reconnect_backoff_min " + reconnectBackoffMin);
        }
    }

    /** The defaults for everything but where Redis is and how the keys and batches are named and sized. */
    public static RedisBusConfig of(String uri, String streamPrefix, int batchSize) {
        return new RedisBusConfig(uri, streamPrefix, batchSize, DEFAULT_OUTBOUND_BUFFER_BOUND, DEFAULT_BACKOFF_MIN,
                DEFAULT_BACKOFF_MAX, DEFAULT_RESPONSE_TIMEOUT);
    }

    public RedisBusConfig withOutboundBufferBound(int bound) {
        return new RedisBusConfig(uri, streamPrefix, batchSize, bound, reconnectBackoffMin, reconnectBackoffMax,
                responseTimeout);
    }
}
