package io.huracan.adapter.parquet;

import java.time.LocalDate;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** What one import wrote: the format used and the rows per partition day. */
public record ImportReport(ImportFormat format, SortedMap<LocalDate, Long> rowsPerDay) {
    public ImportReport {
        rowsPerDay = Collections.unmodifiableSortedMap(new TreeMap<>(rowsPerDay));
    }

    public long rows() {
        return rowsPerDay.values().stream().mapToLong(Long::longValue).sum();
    }
}
