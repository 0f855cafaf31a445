package io.huracan.adapter.redis;

/** Reads the Redis bus's health, for health endpoints and metrics; bound by {@link RedisStreamsMessageBusModule}. */
public interface RedisBusMonitor {
    RedisBusHealth health();
}
