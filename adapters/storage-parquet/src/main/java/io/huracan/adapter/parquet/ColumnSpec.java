package io.huracan.adapter.parquet;

import java.util.List;

/**
 * One stored column: its name in the file, its kind, the vocabulary of a {@link ColumnKind#LABEL} column, and
 * the value a reader fills in when an older file lacks the column (features appended later), or null when the
 * column is mandatory.
 */
record ColumnSpec(String name, ColumnKind kind, List<String> labels, Double missingValue) {

    static ColumnSpec timestamp(String name) {
        return new ColumnSpec(name, ColumnKind.TIMESTAMP, List.of(), null);
    }

    static ColumnSpec int64(String name) {
        return new ColumnSpec(name, ColumnKind.INT64, List.of(), null);
    }

    static ColumnSpec decimal(String name) {
        return new ColumnSpec(name, ColumnKind.DOUBLE, List.of(), null);
    }

    static ColumnSpec label(String name, List<String> labels) {
        return new ColumnSpec(name, ColumnKind.LABEL, List.copyOf(labels), null);
    }

    static ColumnSpec coin() {
        return new ColumnSpec("coin", ColumnKind.COIN, List.of(), null);
    }

    /** A double column that reads as {@code value} from files written before it existed. */
    static ColumnSpec optionalDecimal(String name, double value) {
        return new ColumnSpec(name, ColumnKind.DOUBLE, List.of(), value);
    }
}
