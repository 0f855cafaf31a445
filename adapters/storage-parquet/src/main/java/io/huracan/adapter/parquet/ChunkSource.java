package io.huracan.adapter.parquet;

/** Rows of one coin in time order, handed out in chunks. Used by one thread at a time. */
interface ChunkSource extends AutoCloseable {

    /**
     * Appends up to {@code maxRows} rows to {@code batch}: at least one, unless the source is exhausted, in which
     * case it appends none and returns false.
     */
    boolean fill(ColumnBatch batch, int maxRows);

    /** Releases files; safe to call more than once. */
    @Override
    void close();
}
