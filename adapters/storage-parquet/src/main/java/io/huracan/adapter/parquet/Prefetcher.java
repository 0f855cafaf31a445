package io.huracan.adapter.parquet;

import io.huracan.ports.storage.StorageException;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Decodes a source ahead of its consumer on a shared pool, into a fixed set of reusable batches: memory is
 * bounded by {@code buffers x chunkRows} rows per source. A decode task never blocks (it stops when no free batch
 * is left and the consumer restarts it when it hands one back), so any number of sources can share a small pool.
 */
final class Prefetcher {
    private static final ColumnBatch END = new ColumnBatch(List.of(ColumnSpec.timestamp("end")), 1);

    private final ChunkSource source;
    private final Executor executor;
    private final int chunkRows;
    private final BlockingQueue<ColumnBatch> ready = new LinkedBlockingQueue<>();
    private final BlockingQueue<ColumnBatch> free;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean exhausted;
    private volatile boolean cancelled;
    private volatile Throwable failure;

    Prefetcher(ChunkSource source, Executor executor, List<ColumnSpec> columns, int buffers, int chunkRows) {
        this.source = source;
        this.executor = executor;
        this.chunkRows = chunkRows;
        this.free = new ArrayBlockingQueue<>(buffers);
        for (int i = 0; i < buffers; i++) {
            free.add(new ColumnBatch(columns, chunkRows));
        }
    }

    /** Starts decoding ahead; idempotent. */
    void start() {
        if (!exhausted && !cancelled && !free.isEmpty() && running.compareAndSet(false, true)) {
            executor.execute(this::decode);
        }
    }

    /** The next chunk in order, or null when the source is used up. Hand it back with {@link #recycle}. */
    ColumnBatch take() {
        start();
        ColumnBatch batch;
        try {
            batch = ready.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while waiting for stored rows", e);
        }
        if (batch == END) {
            ready.add(END);
            Throwable error = failure;
            if (error instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (error != null) {
                throw new StorageException(error.toString(), error);
            }
            return null;
        }
        return batch;
    }

    void recycle(ColumnBatch batch) {
        free.add(batch);
        start();
    }

    /** Stops decoding and releases the source's files. */
    void cancel() {
        cancelled = true;
        if (running.compareAndSet(false, true)) {
            source.close();
        }
    }

    private void decode() {
        try {
            ColumnBatch batch;
            while (!exhausted && !cancelled && (batch = free.poll()) != null) {
                batch.clear();
                if (source.fill(batch, chunkRows)) {
                    ready.add(batch);
                } else {
                    free.add(batch);
                    finish();
                }
            }
        } catch (Throwable t) {
            failure = t;
            finish();
        } finally {
            running.set(false);
        }
        if (cancelled) {
            if (running.compareAndSet(false, true)) {
                source.close();
            }
        } else {
            start();
        }
    }

    private void finish() {
        exhausted = true;
        try {
            source.close();
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e;
            }
        }
        ready.add(END);
    }
}
