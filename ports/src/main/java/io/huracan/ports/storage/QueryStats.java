package io.huracan.ports.storage;

/**
 * What a query read: files opened (partition pruning keeps this to the matching partitions), row groups read and
 * skipped by their statistics (predicate pushdown), and rows returned.
 */
public record QueryStats(long filesOpened, long rowGroupsRead, long rowGroupsSkipped, long rowsReturned) {
}
