package io.huracan.adapter.parquet;

import java.nio.file.Path;
import java.time.LocalDate;

/** One file of a partition: {@code YYYYMMDD.parquet} (part 0, the base) or {@code YYYYMMDD-N.parquet}. */
record PartFile(Path path, LocalDate day, int part) {
    boolean isBase() {
        return part == 0;
    }
}
