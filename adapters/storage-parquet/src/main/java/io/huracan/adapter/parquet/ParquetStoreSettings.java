package io.huracan.adapter.parquet;

import java.nio.file.Path;

/**
 * How the Parquet store lays out and reads its files.
 *
 * @param root            the only directory the store ever writes, reads or deletes in
 * @param compression     zstd or snappy
 * @param rowGroupRows    rows per row group: the unit of statistics pruning (DuckDB writes 122,880)
 * @param writeBufferRows rows a writer buffers over all its partitions before it flushes the largest
 * @param readThreads     threads that decode partitions ahead of a cursor
 */
public record ParquetStoreSettings(Path root, String compression, int rowGroupRows, int writeBufferRows, int readThreads) {
    public static final int DEFAULT_ROW_GROUP_ROWS = 122_880;
    public static final int DEFAULT_WRITE_BUFFER_ROWS = 4_000_000;

    public ParquetStoreSettings {
        if (root == null) {
            throw new IllegalArgumentException("storage root is missing");
        }
        root = root.toAbsolutePath().normalize();
        if (!"zstd".equals(compression) && !"snappy".equals(compression)) {
            throw new IllegalArgumentException("compression '" + compression + "' is not allowed; allowed: zstd, snappy");
        }
        if (rowGroupRows < 1 || writeBufferRows < 1 || readThreads < 1) {
            throw new IllegalArgumentException("row_group_rows " + rowGroupRows + ", write_buffer_rows " + writeBufferRows
                    + ", read_threads " + readThreads + " are invalid; allowed: each >= 1");
        }
    }

    /** The defaults for a root and a compression: one thread per core. */
    public static ParquetStoreSettings of(Path root, String compression) {
        return new ParquetStoreSettings(root, compression, DEFAULT_ROW_GROUP_ROWS, DEFAULT_WRITE_BUFFER_ROWS,
                Runtime.getRuntime().availableProcessors());
    }

    public ParquetStoreSettings withRowGroupRows(int rows) {
        return new ParquetStoreSettings(root, compression, rows, writeBufferRows, readThreads);
    }

    public ParquetStoreSettings withWriteBufferRows(int rows) {
        return new ParquetStoreSettings(root, compression, rowGroupRows, rows, readThreads);
    }
}
