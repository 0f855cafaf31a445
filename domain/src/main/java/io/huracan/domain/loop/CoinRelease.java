package io.huracan.domain.loop;

/** Why a loop gives up a coin. */
public enum CoinRelease {
    /** Rebalanced to another loop; the state goes with it. */
    MOVED,
    /** Left the active set; the state is discarded after this call. */
    REMOVED,
    /** The engine is stopping. */
    SHUTDOWN
}
