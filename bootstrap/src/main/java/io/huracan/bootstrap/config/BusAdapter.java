package io.huracan.bootstrap.config;

/** {@code engine.message_bus.adapter}: the in-process bus, or Redis Streams shared by several processes. */
public enum BusAdapter {
    MEMORY,
    REDIS
}
