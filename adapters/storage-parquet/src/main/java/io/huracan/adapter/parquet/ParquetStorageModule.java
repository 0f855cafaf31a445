package io.huracan.adapter.parquet;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.huracan.ports.storage.MarketDataStore;

/** Binds {@link MarketDataStore} to the Parquet store under the given settings. */
public final class ParquetStorageModule extends AbstractModule {
    private final ParquetStoreSettings settings;

    public ParquetStorageModule(ParquetStoreSettings settings) {
        this.settings = settings;
    }

    @Provides
    @Singleton
    MarketDataStore marketDataStore() {
        return ParquetStores.open(settings);
    }
}
