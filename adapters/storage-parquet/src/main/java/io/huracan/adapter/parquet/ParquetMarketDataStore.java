package io.huracan.adapter.parquet;

import io.huracan.ports.market.Coin;
import io.huracan.ports.storage.CompactionResult;
import io.huracan.ports.storage.Dataset;
import io.huracan.ports.storage.DatasetWriter;
import io.huracan.ports.storage.MarketDataQuery;
import io.huracan.ports.storage.MarketDataStore;
import io.huracan.ports.storage.Partition;
import io.huracan.ports.storage.PruneResult;
import io.huracan.ports.storage.QuarantinedFile;
import io.huracan.ports.storage.QueryOrder;
import io.huracan.ports.storage.RowCursor;
import io.huracan.ports.storage.StorageException;
import org.apache.parquet.hadoop.ParquetFileReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * {@link MarketDataStore} over {@code <root>/<dataset>/<COIN>/<YYYYMMDD>[-N].parquet}. Writes and reads run on one
 * pool of {@code readThreads} daemon threads; nothing outside the root is ever written, read or deleted.
 */
final class ParquetMarketDataStore implements MarketDataStore {
    private static final int BY_COIN_CHUNK_ROWS = 16_384;
    private static final int MERGED_CHUNK_ROWS = 2_048;
    private static final int BUFFERS_PER_LANE = 3;

    private final ParquetStoreSettings settings;
    private final Layout layout;
    private final StoredFiles files;
    private final ExecutorService pool;

    ParquetMarketDataStore(ParquetStoreSettings settings) {
        this.settings = settings;
        this.layout = new Layout(settings.root());
        this.files = new StoredFiles(layout, settings.compression(), settings.rowGroupRows());
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(settings.readThreads(), task -> {
            Thread thread = new Thread(task, "huracan-parquet-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        layout.orphanedTempFiles().forEach(files::delete);
    }

    @Override
    public <T> DatasetWriter<T> writer(Dataset<T> dataset) {
        PartitionPublisher publisher = (codec, coin, day, batch) ->
                CompletableFuture.runAsync(() -> files.publish(codec, coin, day, batch), pool);
        return new ParquetDatasetWriter<>(dataset, publisher, settings.writeBufferRows(), settings.readThreads() + 1);
    }

    @Override
    public <T> RowCursor<T> query(MarketDataQuery<T> query) {
        RowCodec<T> codec = RowCodecs.of(query.dataset());
        QueryCounters counters = new QueryCounters();
        List<Coin> coins = query.coins().isEmpty() ? layout.coins(query.dataset())
                : query.coins().stream().sorted().toList();
        boolean merged = query.order() == QueryOrder.MERGED_BY_TIME;
        int chunkRows = merged ? MERGED_CHUNK_ROWS : BY_COIN_CHUNK_ROWS;
        LocalDate firstDay = query.fromMicros() == Long.MIN_VALUE ? LocalDate.MIN : Layout.dayOf(query.fromMicros());
        LocalDate lastDay = query.toMicros() == Long.MAX_VALUE ? LocalDate.MAX : Layout.dayOf(query.toMicros() - 1);
        List<ParquetRowCursor.Lane> lanes = new ArrayList<>();
        for (Coin coin : coins) {
            NavigableMap<LocalDate, List<PartFile>> days =
                    layout.partFiles(query.dataset(), coin).subMap(firstDay, true, lastDay, true);
            if (days.isEmpty()) {
                continue;
            }
            ChunkSource source = new CoinSource(List.copyOf(days.keySet()),
                    day -> openDay(codec, days.get(day), query.fromMicros(), query.toMicros(), counters));
            lanes.add(new ParquetRowCursor.Lane(coin,
                    new Prefetcher(source, pool, codec.columns(), merged ? 2 : BUFFERS_PER_LANE, chunkRows)));
        }
        return new ParquetRowCursor<>(codec, lanes, query.order(), settings.readThreads() * 2, counters);
    }

    /** One partition as a source: its single file, or its part files merged by time. */
    private ChunkSource openDay(RowCodec<?> codec, List<PartFile> parts, long from, long to, QueryCounters counters) {
        List<ChunkSource> sources = new ArrayList<>();
        try {
            int absorbed = 0;
            for (PartFile part : parts) {
                if (!part.isBase() && part.part() <= absorbed) {
                    continue; // merged into the base by a compaction that stopped before deleting it
                }
                ParquetFileReader reader = files.open(part.path(), from, to, counters);
                if (part.isBase()) {
                    absorbed = Integer.parseInt(reader.getFileMetaData().getKeyValueMetaData()
                            .getOrDefault(StoredFiles.LAST_PART_KEY, "0"));
                }
                sources.add(new QuarantiningSource(new PartitionFileReader(reader, layout.relative(part.path()),
                        codec.columns(), from, to, counters), part.path()));
            }
        } catch (RuntimeException e) {
            sources.forEach(ChunkSource::close);
            throw e;
        }
        return sources.size() == 1 ? sources.get(0) : new MergingChunkSource(sources, codec.columns());
    }

    /** Quarantines a file that fails half-way through decoding. */
    private final class QuarantiningSource implements ChunkSource {
        private final ChunkSource delegate;
        private final Path file;

        QuarantiningSource(ChunkSource delegate, Path file) {
            this.delegate = delegate;
            this.file = file;
        }

        @Override
        public boolean fill(ColumnBatch batch, int maxRows) {
            try {
                return delegate.fill(batch, maxRows);
            } catch (FileReadException e) {
                delegate.close();
                throw files.quarantine(file, e.getCause());
            }
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    @Override
    public List<Partition> partitions(Dataset<?> dataset) {
        List<Partition> partitions = new ArrayList<>();
        for (Coin coin : layout.coins(dataset)) {
            for (Map.Entry<LocalDate, List<PartFile>> day : layout.partFiles(dataset, coin).entrySet()) {
                long rows = 0;
                long bytes = 0;
                int count = 0;
                for (PartFile part : day.getValue()) {
                    long fileRows = files.rowCount(part.path());
                    if (fileRows >= 0) {
                        rows += fileRows;
                        bytes += size(part.path());
                        count++;
                    }
                }
                if (count > 0) {
                    partitions.add(new Partition(dataset, coin, day.getKey(), count, rows, bytes));
                }
            }
        }
        return partitions;
    }

    @Override
    public PruneResult prune(LocalDate keepFrom) {
        int partitionsDeleted = 0;
        int filesDeleted = 0;
        long bytesFreed = 0;
        for (Dataset<?> dataset : Dataset.all()) {
            for (Coin coin : layout.coins(dataset)) {
                for (List<PartFile> parts : layout.partFiles(dataset, coin).headMap(keepFrom, false).values()) {
                    for (PartFile part : parts) {
                        bytesFreed += size(part.path());
                        files.delete(part.path());
                        filesDeleted++;
                    }
                    partitionsDeleted++;
                }
                deleteIfEmpty(layout.coinDir(dataset, coin));
            }
        }
        layout.orphanedTempFiles().forEach(files::delete);
        return new PruneResult(partitionsDeleted, filesDeleted, bytesFreed);
    }

    @Override
    public CompactionResult compact(Dataset<?> dataset) {
        return compactAll(dataset);
    }

    private <T> CompactionResult compactAll(Dataset<T> dataset) {
        RowCodec<T> codec = RowCodecs.of(dataset);
        int compacted = 0;
        int merged = 0;
        long rows = 0;
        for (Coin coin : layout.coins(dataset)) {
            for (Map.Entry<LocalDate, List<PartFile>> day : layout.partFiles(dataset, coin).entrySet()) {
                List<PartFile> parts = day.getValue();
                if (parts.size() < 2 && parts.get(0).isBase()) {
                    continue;
                }
                ColumnBatch all = new ColumnBatch(codec.columns(), 65_536);
                try (ChunkSource source = openDay(codec, parts, Long.MIN_VALUE, Long.MAX_VALUE, new QueryCounters())) {
                    while (source.fill(all, Integer.MAX_VALUE)) {
                        // one fill reads everything; the loop ends on the exhausted call
                    }
                }
                int lastPart = parts.stream().mapToInt(PartFile::part).max().orElse(0);
                try {
                    files.replaceBase(codec, coin, day.getKey(), all, lastPart);
                } catch (IOException e) {
                    throw new StorageException("cannot compact " + layout.relative(parts.get(0).path()) + ": "
                            + e.getMessage(), e);
                }
                parts.stream().filter(part -> !part.isBase()).forEach(part -> files.delete(part.path()));
                compacted++;
                merged += parts.size();
                rows += all.size();
            }
        }
        return new CompactionResult(compacted, merged, rows);
    }

    @Override
    public List<QuarantinedFile> quarantined() {
        return files.quarantined();
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            if (pool.awaitTermination(10, TimeUnit.SECONDS)) {
                files.closeWriters();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the writers' contexts stay allocated rather than freed under a thread
        }
    }

    private long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private void deleteIfEmpty(Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            if (children.findAny().isEmpty()) {
                Files.delete(dir);
            }
        } catch (IOException e) {
            // a directory that is not empty, or already gone, stays as it is
        }
    }
}
