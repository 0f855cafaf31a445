package io.huracan.adapter.parquet;

import io.huracan.ports.market.Coin;
import io.huracan.ports.storage.Dataset;
import io.huracan.ports.storage.DatasetWriter;
import io.huracan.ports.storage.StorageException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;

/**
 * Buffers rows per coin and UTC day in column batches and publishes each batch as one file on the store's pool,
 * so the producer keeps going while files are encoded. A coin's earlier days are flushed as soon as a row of a
 * day later than any seen before arrives (the roll at midnight; late rows for an earlier day stay buffered until
 * the next roll, so out-of-order input does not splinter into tiny files); when all buffers together reach the
 * limit the largest is flushed.
 * At most {@code flushSlots} files are encoded at once, after which {@link #write} waits (backpressure).
 */
final class ParquetDatasetWriter<T> implements DatasetWriter<T> {
    private static final int RECENT_COINS = 1024; // a power of two

    /** One coin's buffers: the current day's batch, plus earlier days still buffered. */
    private static final class CoinBuffers {
        final Coin coin;
        final TreeMap<LocalDate, ColumnBatch> days = new TreeMap<>();
        LocalDate currentDay;
        LocalDate latestDay;
        /** The current day's range [currentStart, currentEnd); empty while there is no current day. */
        long currentStart = Long.MAX_VALUE;
        long currentEnd = Long.MIN_VALUE;
        ColumnBatch current;

        CoinBuffers(Coin coin) {
            this.coin = coin;
        }
    }

    private final Dataset<T> dataset;
    private final RowCodec<T> codec;
    private final PartitionPublisher publisher;
    private final int bufferLimit;
    private final Semaphore flushSlots;
    private final Map<Coin, CoinBuffers> coins = new HashMap<>();
    private final List<CompletableFuture<Void>> pending = new ArrayList<>();
    /** Buffers by the identity of the Coin instance last seen with them (a record hashes through method handles). */
    private final Coin[] recentCoins = new Coin[RECENT_COINS];
    private final CoinBuffers[] recentBuffers = new CoinBuffers[RECENT_COINS];
    private CoinBuffers last;
    private Coin lastCoin;
    private long buffered;
    private long written;
    private boolean closed;

    ParquetDatasetWriter(Dataset<T> dataset, PartitionPublisher publisher, int bufferLimit, int flushSlots) {
        this.dataset = dataset;
        this.codec = RowCodecs.of(dataset);
        this.publisher = publisher;
        this.bufferLimit = bufferLimit;
        this.flushSlots = new Semaphore(flushSlots);
    }

    @Override
    public void write(T row) {
        if (closed) {
            throw new IllegalStateException("writer of " + dataset + " is closed");
        }
        long time = dataset.timestampMicros(row);
        Coin coin = dataset.coinOf(row);
        CoinBuffers buffers = last;
        if (coin != lastCoin || time < buffers.currentStart || time >= buffers.currentEnd) {
            buffers = switchTo(coin, time);
        }
        ColumnBatch batch = buffers.current;
        codec.put(row, batch, batch.appendRow());
        written++;
        if (++buffered >= bufferLimit) {
            flushLargest();
        }
    }

    /**
     * The buffers of a row whose coin or day differs from the previous row's. Rows that interleave coins (a live
     * feed, an import of many coins) come here every row, so a row of the coin's current day costs an identity
     * lookup and a range check; dates are made only when the coin's day changes.
     */
    private CoinBuffers switchTo(Coin coin, long time) {
        CoinBuffers buffers = buffersOf(coin);
        last = buffers;
        lastCoin = coin;
        if (time >= buffers.currentStart && time < buffers.currentEnd) {
            return buffers;
        }
        LocalDate day = Layout.dayOf(time);
        if (buffers.latestDay == null || day.isAfter(buffers.latestDay)) {
            if (buffers.latestDay != null) {
                rollBefore(buffers, day);
            }
            buffers.latestDay = day;
        }
        buffers.currentDay = day;
        buffers.currentStart = Layout.startMicros(day);
        buffers.currentEnd = buffers.currentStart + Layout.MICROS_PER_DAY;
        buffers.current = buffers.days.computeIfAbsent(day, d -> new ColumnBatch(codec.columns(), 1024));
        return buffers;
    }

    private CoinBuffers buffersOf(Coin coin) {
        int slot = System.identityHashCode(coin) & (RECENT_COINS - 1);
        if (recentCoins[slot] == coin) {
            return recentBuffers[slot];
        }
        CoinBuffers buffers = coins.get(coin);
        if (buffers == null) {
            buffers = new CoinBuffers(coin);
            coins.put(coin, buffers);
        }
        recentCoins[slot] = coin;
        recentBuffers[slot] = buffers;
        return buffers;
    }

    /** A row of a later day arrived: the coin's earlier days are complete. */
    private void rollBefore(CoinBuffers buffers, LocalDate day) {
        Iterator<Map.Entry<LocalDate, ColumnBatch>> earlier = buffers.days.headMap(day, false).entrySet().iterator();
        while (earlier.hasNext()) {
            Map.Entry<LocalDate, ColumnBatch> entry = earlier.next();
            earlier.remove();
            publish(buffers.coin, entry.getKey(), entry.getValue());
        }
    }

    private void flushLargest() {
        CoinBuffers largestCoin = null;
        LocalDate largestDay = null;
        int largestSize = -1;
        for (CoinBuffers buffers : coins.values()) {
            for (Map.Entry<LocalDate, ColumnBatch> entry : buffers.days.entrySet()) {
                if (entry.getValue().size() > largestSize) {
                    largestCoin = buffers;
                    largestDay = entry.getKey();
                    largestSize = entry.getValue().size();
                }
            }
        }
        if (largestCoin != null) {
            detach(largestCoin, largestDay);
        }
    }

    private void detach(CoinBuffers buffers, LocalDate day) {
        ColumnBatch batch = buffers.days.remove(day);
        if (day.equals(buffers.currentDay)) {
            buffers.currentDay = null;
            buffers.current = null;
            buffers.currentStart = Long.MAX_VALUE;
            buffers.currentEnd = Long.MIN_VALUE;
        }
        publish(buffers.coin, day, batch);
    }

    private void publish(Coin coin, LocalDate day, ColumnBatch batch) {
        if (batch.isEmpty()) {
            return;
        }
        buffered -= batch.size();
        rethrowFailures();
        flushSlots.acquireUninterruptibly();
        pending.add(publisher.publishAsync(codec, coin, day, batch).whenComplete((ok, error) -> flushSlots.release()));
    }

    @Override
    public void flush() {
        for (CoinBuffers buffers : coins.values()) {
            for (LocalDate day : new ArrayList<>(buffers.days.keySet())) {
                detach(buffers, day);
            }
        }
        awaitPending();
    }

    private void awaitPending() {
        try {
            for (CompletableFuture<Void> future : pending) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while writing " + dataset, e);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        } finally {
            pending.clear();
        }
    }

    private void rethrowFailures() {
        pending.removeIf(future -> {
            if (!future.isDone()) {
                return false;
            }
            if (future.isCompletedExceptionally()) {
                try {
                    future.join();
                } catch (RuntimeException e) {
                    throw unwrap(e.getCause());
                }
            }
            return true;
        });
    }

    private static RuntimeException unwrap(Throwable error) {
        return error instanceof RuntimeException runtime ? runtime : new StorageException(String.valueOf(error), error);
    }

    @Override
    public long rowsWritten() {
        return written;
    }

    @Override
    public void close() {
        if (!closed) {
            try {
                flush();
            } finally {
                closed = true;
            }
        }
    }
}
