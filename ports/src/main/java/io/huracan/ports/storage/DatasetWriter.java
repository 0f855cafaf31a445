package io.huracan.ports.storage;

/** Appends rows to one dataset; not thread-safe (one producer per writer). */
public interface DatasetWriter<T> extends AutoCloseable {

    void write(T row);

    /** Writes every buffered row to disk and makes it visible to queries. */
    void flush();

    /** The rows this writer has accepted so far. */
    long rowsWritten();

    /** Flushes and releases the writer; a writer that is never closed leaves nothing visible. */
    @Override
    void close();
}
