package io.huracan.adapter.parquet;

/** How a stored column is typed in the file and held in a {@link ColumnBatch}. */
enum ColumnKind {
    /** INT64 TIMESTAMP(MICROS, UTC); a long in the batch. */
    TIMESTAMP,
    /** INT64; a long in the batch. */
    INT64,
    /** DOUBLE; a double in the batch. */
    DOUBLE,
    /** STRING from a fixed vocabulary (an enum's names), dictionary-encoded; its index in the batch. */
    LABEL,
    /** STRING: the partition's coin, the same in every row; not held in the batch. */
    COIN
}
