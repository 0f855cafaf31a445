package io.huracan.adapter.parquet;

import io.huracan.ports.storage.MarketDataStore;

/** Opens a Parquet market-data store without Guice (the CLI, tests, embedding applications). */
public final class ParquetStores {
    private ParquetStores() {
    }

    /** Opens the store; temporary files left by crashed writers are removed. Close it to stop its threads. */
    public static MarketDataStore open(ParquetStoreSettings settings) {
        return new ParquetMarketDataStore(settings);
    }
}
