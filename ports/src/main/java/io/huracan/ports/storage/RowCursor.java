package io.huracan.ports.storage;

import java.util.Iterator;

/**
 * The rows of a query, read ahead in parallel with bounded memory. Not thread-safe. Failures (an unreadable
 * file, a disk error) surface as {@link StorageException} from {@link #hasNext()} or {@link #next()}.
 */
public interface RowCursor<T> extends Iterator<T>, AutoCloseable {

    /** What the query has touched so far: files opened, row groups read and skipped, rows decoded. */
    QueryStats stats();

    @Override
    void close();
}
