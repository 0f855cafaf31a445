package io.huracan.ports.exchange;

/** Why a venue refused an order or a cancel; every adapter maps its venue's codes onto these. */
public enum RejectReason {
    /** price x quantity is below the instrument's minimum notional. */
    MIN_NOTIONAL,
    /** The quantity is not a multiple of the lot size. */
    LOT_SIZE,
    /** The limit price is not a multiple of the tick size. */
    TICK_SIZE,
    /** Not enough free balance or margin for the order and its fee. */
    INSUFFICIENT_BALANCE,
    /** A post-only order would have crossed the book and taken liquidity. */
    POST_ONLY_WOULD_TAKE,
    /** A reduce-only order would open or increase a position. */
    REDUCE_ONLY_WOULD_INCREASE,
    /** The venue does not know the order (a cancel or query of an id it never saw). */
    UNKNOWN_ORDER,
    /** The venue does not list the coin, or not as that instrument kind. */
    UNKNOWN_INSTRUMENT,
    /** There is no market to price a market order against yet. */
    NO_MARKET
}
