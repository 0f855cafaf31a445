package io.huracan.adapter.redis;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import io.huracan.ports.bus.BusLimits;
import io.huracan.ports.bus.MessageBus;

/**
 * Binds {@link MessageBus} to the Redis Streams bus ({@code engine.message_bus.adapter: redis}) and
 * {@link RedisBusMonitor} to its health. The bus connects lazily: creating it does not need Redis to be up. (Several
 * engine processes sharing the coin universe are {@link RedisClusterModule}'s.)
 */
public final class RedisStreamsMessageBusModule extends AbstractModule {
    private final RedisBusConfig config;
    private final BusLimits limits;

    public RedisStreamsMessageBusModule(RedisBusConfig config, BusLimits limits) {
        this.config = config;
        this.limits = limits;
    }

    @Override
    protected void configure() {
        bind(RedisBusConfig.class).toInstance(config);
        bind(BusLimits.class).toInstance(limits);
        bind(RedisStreamsMessageBus.class).in(Singleton.class);
        bind(MessageBus.class).to(RedisStreamsMessageBus.class);
        bind(RedisBusMonitor.class).to(RedisStreamsMessageBus.class);
    }
}
