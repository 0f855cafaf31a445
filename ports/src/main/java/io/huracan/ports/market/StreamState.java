package io.huracan.ports.market;

/**
 * Where one coin's live stream on one venue stands. Book tops are delivered only in {@link #LIVE}; trades whenever
 * the connection carries them.
 */
public enum StreamState {
    /** The connection carrying the coin is being opened (first time, or again after a drop). */
    CONNECTING,
    /** Connected and subscribed; the local book is being built from the venue's snapshot for the first time. */
    SYNCING,
    /** The book is in sequence with the venue: every update since the snapshot has been applied. */
    LIVE,
    /** A gap, a stale book or a new connection made the book untrustworthy; it is being rebuilt from a snapshot. */
    RESYNCING,
    /** Reconnecting failed too many times in a row; still retried, at the longest backoff. */
    DOWN
}
