package io.huracan.ports.storage;

import io.huracan.ports.market.Coin;

import java.time.LocalDate;

/** One coin-day of a dataset: how many files (more than one until compaction), rows and bytes it holds. */
public record Partition(Dataset<?> dataset, Coin coin, LocalDate day, int files, long rows, long bytes) {
}
