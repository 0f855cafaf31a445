package io.huracan.adapter.xchange;

import io.huracan.ports.market.BookTop;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.MarketDataListener;
import io.huracan.ports.market.StreamState;
import io.huracan.ports.market.SymbolStreamStatus;
import io.huracan.ports.market.Trade;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One coin's stream on one venue: its state, its local book and the venue's sequence rule over it, the diffs held
 * while a snapshot is awaited, and its listeners. A diff that does not follow the book, or a book whose bid reaches
 * its ask, starts a resync by itself (so that the next diffs are held at once); the supervisor fetches the snapshot.
 * The connection's thread, the resync thread and the supervisor's thread all come through this object's lock, which
 * is held while listeners are called: each listener sees the coin's events in order.
 */
final class CoinStream {
    /** Diffs held while a snapshot is awaited; beyond it the oldest go (the snapshot is then found behind, and fetched again). */
    static final int BUFFER_LIMIT = 4096;

    private final Coin coin;
    private final ExchangeId exchange;
    private final BookSequence sequence;
    private final StreamCounters counters;
    private final LocalBook book = new LocalBook();
    private final ArrayDeque<BookUpdate> held = new ArrayDeque<>();
    private final List<MarketDataListener> listeners = new CopyOnWriteArrayList<>();
    private StreamState state = StreamState.CONNECTING;
    private String detail = "connecting";
    private boolean everLive;
    private long gaps;
    private long resyncs;
    private long lastEventMicros;
    private long lastBookMicros;
    private long stateSinceMicros;
    /** Diffs applied since the last snapshot: a gap on the first one means the snapshot was behind. */
    private long appliedSinceSnapshot;
    /** Snapshots asked for since the book was last live: the resync backoff's attempt. */
    private int attempts;
    /** The venue's time of the last update applied to the book. */
    private long bookMicros;
    private boolean published;
    private double bidPrice;
    private double bidQuantity;
    private double askPrice;
    private double askQuantity;

    CoinStream(Coin coin, ExchangeId exchange, BookSequence sequence, StreamCounters counters) {
        this.coin = coin;
        this.exchange = exchange;
        this.sequence = sequence;
        this.counters = counters;
    }

    Coin coin() {
        return coin;
    }

    void addListener(MarketDataListener listener) {
        listeners.add(listener);
    }

    void removeListener(MarketDataListener listener) {
        listeners.remove(listener);
    }

    /** A snapshot or diff from the coin's connection; returns why the book must be rebuilt, or null. */
    synchronized StreamCounters.Resync onBook(BookUpdate update, long nowMicros) {
        lastEventMicros = nowMicros;
        if (update.snapshot()) {
            return applySnapshot(update, nowMicros);
        }
        lastBookMicros = nowMicros;
        if (state != StreamState.LIVE) {
            hold(update);
            return null;
        }
        StreamCounters.Resync broken = apply(update);
        if (broken != null) {
            awaitSnapshot(broken, detail, nowMicros);
            if (broken != StreamCounters.Resync.CROSSED) {
                hold(update); // it may follow the next snapshot
            }
        }
        return broken;
    }

    synchronized void onTrade(Trade trade, long nowMicros) {
        lastEventMicros = nowMicros;
        for (MarketDataListener listener : listeners) {
            listener.onTrade(trade);
        }
    }

    /**
     * The book is no longer trusted: hold diffs until a snapshot comes. Counted as a resync of {@code reason} once
     * the coin has been live. Returns how many snapshots have been asked for since it was last live (0: the first).
     */
    synchronized int awaitSnapshot(StreamCounters.Resync reason, String why, long nowMicros) {
        if (everLive && reason != null) {
            resyncs++;
            counters.resync(reason);
        }
        if (state == StreamState.LIVE) {
            attempts = 0;
        }
        state = everLive ? StreamState.RESYNCING : StreamState.SYNCING;
        stateSinceMicros = nowMicros;
        detail = why;
        book.clear();
        published = false;
        return attempts++;
    }

    /** The coin's connection is being opened; nothing received before counts. */
    synchronized void connecting(String why, long nowMicros) {
        enter(StreamState.CONNECTING, why, nowMicros);
    }

    /** Connecting failed too often in a row. */
    synchronized void down(String why, long nowMicros) {
        enter(StreamState.DOWN, why, nowMicros);
    }

    /** Replaces the one-line detail (a refused connect) without changing the state. */
    synchronized void explain(String why) {
        detail = why;
    }

    /** The snapshot asked for could not be had: returns the attempt of the next ask (for its backoff). */
    synchronized int retry() {
        return attempts++;
    }

    /** The attempt of the snapshot asked for last (0: the first since the book was live or connected). */
    synchronized int lastAttempt() {
        return Math.max(0, attempts - 1);
    }

    /** When the last book update arrived (held or applied), by our clock. */
    synchronized long lastBookMicros() {
        return lastBookMicros;
    }

    /** The coin has been live at least once since the feed started. */
    synchronized boolean everLive() {
        return everLive;
    }

    synchronized StreamState state() {
        return state;
    }

    /** Live without a book update for longer than {@code staleMicros}, or waiting that long for a snapshot. */
    synchronized boolean stale(long nowMicros, long staleMicros) {
        return switch (state) {
            case LIVE -> nowMicros - lastBookMicros > staleMicros;
            case SYNCING, RESYNCING -> nowMicros - stateSinceMicros > staleMicros;
            case CONNECTING, DOWN -> false;
        };
    }

    synchronized SymbolStreamStatus status() {
        return new SymbolStreamStatus(coin, exchange, state, lastEventMicros, gaps, resyncs, detail);
    }

    private void enter(StreamState next, String why, long nowMicros) {
        state = next;
        attempts = 0;
        detail = why;
        stateSinceMicros = nowMicros;
        held.clear();
        book.clear();
        published = false;
    }

    private void hold(BookUpdate update) {
        if (held.size() == BUFFER_LIMIT) {
            held.pollFirst();
        }
        held.addLast(update);
    }

    /** Sets the book to the snapshot, then applies the held diffs that follow it; live if they all do. */
    private StreamCounters.Resync applySnapshot(BookUpdate snapshot, long nowMicros) {
        if (state == StreamState.CONNECTING || state == StreamState.DOWN) {
            return null; // from a connection that is gone
        }
        book.reset(snapshot);
        bookMicros = snapshot.timestampMicros();
        sequence.snapshot(snapshot);
        appliedSinceSnapshot = 0;
        lastBookMicros = nowMicros;
        StreamState before = state;
        state = StreamState.RESYNCING; // not live while the held diffs are applied: nothing is published
        while (!held.isEmpty()) {
            StreamCounters.Resync broken = apply(held.peekFirst());
            if (broken != null) {
                state = before;
                awaitSnapshot(broken, detail, nowMicros);
                return broken; // the failing diff and those after it stay held for the next snapshot
            }
            held.pollFirst();
        }
        state = StreamState.LIVE;
        everLive = true;
        stateSinceMicros = nowMicros;
        detail = "in sequence since snapshot " + snapshot.lastId();
        StreamCounters.Resync broken = publishIfChanged();
        if (broken != null) {
            awaitSnapshot(broken, detail, nowMicros);
        }
        return broken;
    }

    private StreamCounters.Resync apply(BookUpdate diff) {
        switch (sequence.next(diff)) {
            case SKIP:
                return null;
            case GAP:
                if (appliedSinceSnapshot == 0) {
                    detail = "snapshot " + sequence.position() + " is behind the first diff " + diff.firstId() + ".."
                            + diff.lastId() + "; fetching another";
                    return StreamCounters.Resync.SNAPSHOT_BEHIND;
                }
                gaps++;
                counters.gap();
                detail = "gap: book at update " + sequence.position() + ", next diff " + diff.firstId() + ".."
                        + diff.lastId() + "; resyncing";
                return StreamCounters.Resync.GAP;
            default:
                book.apply(diff);
                bookMicros = diff.timestampMicros();
                appliedSinceSnapshot++;
                return state == StreamState.LIVE ? publishIfChanged() : null;
        }
    }

    /** Hands the top to the listeners when it differs from the last one handed over. */
    private StreamCounters.Resync publishIfChanged() {
        if (!book.hasTop()) {
            return null;
        }
        if (book.crossed()) {
            detail = "book crossed: bid " + book.bidPrice() + " >= ask " + book.askPrice() + "; resyncing";
            return StreamCounters.Resync.CROSSED;
        }
        double bp = book.bidPrice();
        double bq = book.bidQuantity();
        double ap = book.askPrice();
        double aq = book.askQuantity();
        if (published && bp == bidPrice && bq == bidQuantity && ap == askPrice && aq == askQuantity) {
            return null;
        }
        published = true;
        bidPrice = bp;
        bidQuantity = bq;
        askPrice = ap;
        askQuantity = aq;
        BookTop top = new BookTop(coin, exchange, bookMicros, bp, bq, ap, aq);
        for (MarketDataListener listener : listeners) {
            listener.onBookTop(top);
        }
        return null;
    }
}
