package io.huracan.adapter.redis;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import io.huracan.ports.cluster.ClusterMembership;
import io.huracan.ports.cluster.CoinLeases;
import io.huracan.ports.risk.SharedExposure;

/**
 * Binds what several engine processes need to share one coin universe ({@code engine.cluster.enabled: true}):
 * {@link CoinLeases}, {@link ClusterMembership} and {@link SharedExposure}, all on one Redis connection. They are set
 * as the optional bindings the engine declares, so an engine without this module runs as one process. Connects
 * lazily: creating them does not need Redis to be up.
 */
public final class RedisClusterModule extends AbstractModule {
    private final RedisClusterConfig config;

    public RedisClusterModule(RedisClusterConfig config) {
        this.config = config;
    }

    @Override
    protected void configure() {
        bind(RedisClusterConfig.class).toInstance(config);
        bind(RedisClusterClient.class).in(Singleton.class);
        bind(RedisCoinLeases.class).in(Singleton.class);
        bind(RedisClusterMembership.class).in(Singleton.class);
        bind(RedisSharedExposure.class).in(Singleton.class);
        OptionalBinder.newOptionalBinder(binder(), CoinLeases.class).setBinding().to(RedisCoinLeases.class);
        OptionalBinder.newOptionalBinder(binder(), ClusterMembership.class).setBinding()
                .to(RedisClusterMembership.class);
        OptionalBinder.newOptionalBinder(binder(), SharedExposure.class).setBinding().to(RedisSharedExposure.class);
    }
}
