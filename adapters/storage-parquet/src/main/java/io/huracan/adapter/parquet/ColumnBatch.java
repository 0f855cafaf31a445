package io.huracan.adapter.parquet;

import java.util.Arrays;
import java.util.List;

/**
 * Rows of one dataset held column by column in primitive arrays: how the writer buffers a partition and how the
 * reader hands decoded rows to a cursor. Column 0 is always the timestamp. Reused, never shared between threads
 * at the same time.
 */
final class ColumnBatch {
    private final List<ColumnSpec> columns;
    final long[][] longs;
    final double[][] doubles;
    final int[][] labels;
    private int size;
    private int capacity;

    ColumnBatch(List<ColumnSpec> columns, int initialCapacity) {
        this.columns = columns;
        this.capacity = Math.max(16, initialCapacity);
        longs = new long[columns.size()][];
        doubles = new double[columns.size()][];
        labels = new int[columns.size()][];
        for (int c = 0; c < columns.size(); c++) {
            switch (columns.get(c).kind()) {
                case TIMESTAMP, INT64 -> longs[c] = new long[capacity];
                case DOUBLE -> doubles[c] = new double[capacity];
                case LABEL -> labels[c] = new int[capacity];
                case COIN -> { }
            }
        }
    }

    List<ColumnSpec> columns() {
        return columns;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void clear() {
        size = 0;
    }

    long timestamp(int row) {
        return longs[0][row];
    }

    /** Reserves the next row and returns its index; the caller fills every column. */
    int appendRow() {
        if (size == capacity) {
            grow(capacity * 2);
        }
        return size++;
    }

    /** Drops the last row (the reader decodes a row before knowing it is out of range). */
    void dropLastRow() {
        size--;
    }

    void copyRow(ColumnBatch source, int sourceRow) {
        int row = appendRow();
        for (int c = 0; c < columns.size(); c++) {
            if (longs[c] != null) {
                longs[c][row] = source.longs[c][sourceRow];
            } else if (doubles[c] != null) {
                doubles[c][row] = source.doubles[c][sourceRow];
            } else if (labels[c] != null) {
                labels[c][row] = source.labels[c][sourceRow];
            }
        }
    }

    /** Sorts the rows by timestamp, keeping the arrival order of equal timestamps. Cheap when already sorted. */
    void sortByTime() {
        long[] time = longs[0];
        boolean sorted = true;
        for (int i = 1; i < size && sorted; i++) {
            sorted = time[i - 1] <= time[i];
        }
        if (sorted) {
            return;
        }
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(time[a], time[b]));
        for (int c = 0; c < columns.size(); c++) {
            if (longs[c] != null) {
                long[] old = longs[c].clone();
                for (int i = 0; i < size; i++) {
                    longs[c][i] = old[order[i]];
                }
            } else if (doubles[c] != null) {
                double[] old = doubles[c].clone();
                for (int i = 0; i < size; i++) {
                    doubles[c][i] = old[order[i]];
                }
            } else if (labels[c] != null) {
                int[] old = labels[c].clone();
                for (int i = 0; i < size; i++) {
                    labels[c][i] = old[order[i]];
                }
            }
        }
    }

    private void grow(int newCapacity) {
        for (int c = 0; c < columns.size(); c++) {
            if (longs[c] != null) {
                longs[c] = Arrays.copyOf(longs[c], newCapacity);
            } else if (doubles[c] != null) {
                doubles[c] = Arrays.copyOf(doubles[c], newCapacity);
            } else if (labels[c] != null) {
                labels[c] = Arrays.copyOf(labels[c], newCapacity);
            }
        }
        capacity = newCapacity;
    }
}
