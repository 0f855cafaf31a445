package io.huracan.ports.storage;

/** How a query orders rows of several coins. Within a coin rows are always in time order. */
public enum QueryOrder {
    /** All rows of the first coin (by symbol), then the next: the fastest order, for scans and training. */
    BY_COIN,
    /** One stream in time order across all coins (ties by coin symbol): what a replay needs. */
    MERGED_BY_TIME
}
