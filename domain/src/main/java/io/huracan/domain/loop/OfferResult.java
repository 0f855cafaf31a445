package io.huracan.domain.loop;

/** What happened to an event offered to the loops. */
public enum OfferResult {
    /** Queued for the coin's loop (under DROP_OLDEST it may still be displaced later, and is then counted). */
    ACCEPTED,
    /** The coin is not in the active set. */
    UNKNOWN_COIN,
    /** The loops are stopping or stopped and take nothing new. */
    CLOSED
}
