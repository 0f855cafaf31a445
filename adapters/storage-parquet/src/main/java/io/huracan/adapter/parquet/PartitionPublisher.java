package io.huracan.adapter.parquet;

import io.huracan.ports.market.Coin;

import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;

/** Turns a buffered batch into a visible partition file, on the store's pool. */
interface PartitionPublisher {
    CompletableFuture<Void> publishAsync(RowCodec<?> codec, Coin coin, LocalDate day, ColumnBatch batch);
}
