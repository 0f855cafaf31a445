package io.huracan.adapter.xchange;

import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/** What one venue's streams went through, counted as it happens and read by the meters. */
final class StreamCounters {
    /** Why a connection is being opened again. */
    enum Reconnect {
        /** The venue (or something between) closed the connection. */
        CLOSED,
        /** The connection failed with an error. */
        ERROR,
        /** The previous attempt to connect failed. */
        CONNECT_FAILED,
        /** No book update for any coin of the connection within stale_after: the socket is presumed dead. */
        SILENT;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Why a coin's book, once live, is rebuilt. */
    enum Resync {
        /** A diff did not follow the book (the venue's sequence rule). */
        GAP,
        /** No book update within stale_after. */
        STALE,
        /** The connection carrying the coin was opened again. */
        RECONNECT,
        /** The snapshot was older than the first diff received after it: fetched again. */
        SNAPSHOT_BEHIND,
        /** The best bid reached the best ask: the book no longer matches the venue's. */
        CROSSED;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final LongAdder messages = new LongAdder();
    private final LongAdder gaps = new LongAdder();
    private final LongAdder stale = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder[] reconnects = RequestCounters.adders(Reconnect.values().length);
    private final LongAdder[] resyncs = RequestCounters.adders(Resync.values().length);

    void message() {
        messages.increment();
    }

    void gap() {
        gaps.increment();
    }

    void stale() {
        stale.increment();
    }

    /** A connect, subscribe or snapshot the request budget held back (retried later). */
    void refused() {
        refused.increment();
    }

    void reconnect(Reconnect reason) {
        reconnects[reason.ordinal()].increment();
    }

    void resync(Resync reason) {
        resyncs[reason.ordinal()].increment();
    }

    long messageCount() {
        return messages.sum();
    }

    long gapCount() {
        return gaps.sum();
    }

    long staleCount() {
        return stale.sum();
    }

    long refusedCount() {
        return refused.sum();
    }

    long reconnectCount(Reconnect reason) {
        return reconnects[reason.ordinal()].sum();
    }

    long resyncCount(Resync reason) {
        return resyncs[reason.ordinal()].sum();
    }
}
