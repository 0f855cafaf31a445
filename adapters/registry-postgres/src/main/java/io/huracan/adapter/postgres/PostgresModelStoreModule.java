package io.huracan.adapter.postgres;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.huracan.ports.registry.ModelStore;

/**
 * Binds {@link ModelStore} to PostgreSQL. Connecting and migrating happen on the store's first use, not here.
 */
public final class PostgresModelStoreModule extends AbstractModule {
    private final PostgresModelStoreConfig config;

    public PostgresModelStoreModule(PostgresModelStoreConfig config) {
        this.config = config;
    }

    @Provides
    @Singleton
    ModelStore modelStore() {
        return new JdbiModelStore(config);
    }
}
