package io.huracan.ports.feature;

/**
 * The per-coin features the engine computes incrementally and models consume. A feature set is a
 * {@code double[]} indexed by {@link #ordinal()}, of length {@link #COUNT}; append new features at the end so
 * stored models keep their meaning. Returns and volatility are in basis points.
 */
public enum Feature {
    /** Log return of the mid price over the last 10 seconds, bps. */
    RETURN_10S,
    /** Log return of the mid over 1 minute, bps. */
    RETURN_1M,
    /** Log return of the mid over 5 minutes, bps. */
    RETURN_5M,
    /** Log return of the mid over 15 minutes, bps. */
    RETURN_15M,
    /** Realised volatility of mid returns over 1 minute, bps per square-root second scaled to the window. */
    REALISED_VOL_1M,
    /** Realised volatility over 15 minutes, bps. */
    REALISED_VOL_15M,
    /** Relative spread (ask - bid) / mid, bps. */
    SPREAD_BPS,
    /** (bid size - ask size) / (bid size + ask size) at the top of book, in [-1, 1]. */
    BOOK_IMBALANCE,
    /** (buy volume - sell volume) / total traded volume over 1 minute, in [-1, 1]. */
    TRADE_FLOW_1M,
    /** Current funding rate of the perpetual, bps per interval; 0 for spot. */
    FUNDING_BPS;

    public static final int COUNT = values().length;
}
