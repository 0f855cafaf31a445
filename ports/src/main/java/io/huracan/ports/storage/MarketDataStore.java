package io.huracan.ports.storage;

import java.time.LocalDate;
import java.util.List;

/**
 * Market history for replay and features for retraining, partitioned by dataset, coin and UTC day.
 * Thread-safe: writers, queries and maintenance may run at the same time; a query never sees a partial file.
 */
public interface MarketDataStore extends AutoCloseable {

    /**
     * A writer that buffers rows per coin and UTC day and makes them visible when it flushes (buffer full, day
     * rolled over, {@link DatasetWriter#flush()} or close). Rows of a partition already on disk go to a new part
     * file, which {@link #compact} later merges.
     */
    <T> DatasetWriter<T> writer(Dataset<T> dataset);

    /**
     * Streams the rows of the matching partitions with bounded memory, ordered by time within each coin and,
     * with {@link QueryOrder#MERGED_BY_TIME}, merged across coins. Close the cursor when done.
     */
    <T> RowCursor<T> query(MarketDataQuery<T> query);

    /** The stored partitions of a dataset, by coin then day. */
    List<Partition> partitions(Dataset<?> dataset);

    /** Deletes every partition of every dataset whose day is before {@code keepFrom}. */
    PruneResult prune(LocalDate keepFrom);

    /** Merges each partition's part files into one file per coin and day, rows in time order. */
    CompactionResult compact(Dataset<?> dataset);

    /** The files moved aside because they could not be read, with the reason. */
    List<QuarantinedFile> quarantined();

    /** Waits for nothing: writers must be closed first. Releases the store's threads. */
    @Override
    void close();
}
