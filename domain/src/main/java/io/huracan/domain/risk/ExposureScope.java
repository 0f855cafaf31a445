package io.huracan.domain.risk;

/**
 * The exposure counters of the risk ledger, for reading utilisation: gross per coin, sector and exchange, global
 * gross, and the two sides of global net exposure ({@code NET_LONG = net + pending buys},
 * {@code NET_SHORT = pending sells - net}), each bounded by the global net limit.
 */
public enum ExposureScope {
    COIN,
    SECTOR,
    EXCHANGE,
    GLOBAL_GROSS,
    NET_LONG,
    NET_SHORT
}
