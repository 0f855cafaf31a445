package io.huracan.adapter.parquet;

import io.huracan.ports.storage.QueryStats;

import java.util.concurrent.atomic.AtomicLong;

/** Counts what one query touches, from whichever read thread touches it. */
final class QueryCounters {
    final AtomicLong filesOpened = new AtomicLong();
    final AtomicLong rowGroupsRead = new AtomicLong();
    final AtomicLong rowGroupsSkipped = new AtomicLong();
    final AtomicLong rowsReturned = new AtomicLong();

    QueryStats snapshot() {
        return new QueryStats(filesOpened.get(), rowGroupsRead.get(), rowGroupsSkipped.get(), rowsReturned.get());
    }
}
