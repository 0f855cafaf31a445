package io.huracan.adapter.parquet;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/** One coin's days in order, each day opened only when the previous one is used up (partition by partition). */
final class CoinSource implements ChunkSource {
    private final Deque<LocalDate> days;
    private final Function<LocalDate, ChunkSource> openDay;
    private ChunkSource current;
    private boolean closed;

    CoinSource(List<LocalDate> days, Function<LocalDate, ChunkSource> openDay) {
        this.days = new ArrayDeque<>(days);
        this.openDay = openDay;
    }

    @Override
    public boolean fill(ColumnBatch batch, int maxRows) {
        while (!closed) {
            if (current == null) {
                if (days.isEmpty()) {
                    return false;
                }
                current = openDay.apply(days.poll());
            }
            if (current.fill(batch, maxRows)) {
                return true;
            }
            current.close();
            current = null;
        }
        return false;
    }

    @Override
    public void close() {
        closed = true;
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
