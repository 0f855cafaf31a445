package io.huracan.adapter.parquet;

import io.huracan.ports.storage.MarketDataStore;
import io.huracan.testkit.storage.MarketDataStoreContract;

import java.nio.file.Path;

/** The Parquet store held to the MarketDataStore contract, with small row groups so pruning has work to do. */
class ParquetMarketDataStoreTest extends MarketDataStoreContract {
    @Override
    protected MarketDataStore open(Path root) {
        return ParquetStores.open(ParquetStoreSettings.of(root, "zstd").withRowGroupRows(1_000));
    }
}
