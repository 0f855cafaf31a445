package io.huracan.adapter.xchange;

import io.huracan.ports.market.BookLevel;

import java.util.List;

/** A coin's order book kept from a venue's snapshot and diffs; only its top is read. Guarded by its coin's lock. */
final class LocalBook {
    private final BookSide bids = new BookSide(true);
    private final BookSide asks = new BookSide(false);

    void reset(BookUpdate snapshot) {
        bids.clear();
        asks.clear();
        apply(snapshot);
    }

    void clear() {
        bids.clear();
        asks.clear();
    }

    void apply(BookUpdate update) {
        set(bids, update.bids());
        set(asks, update.asks());
    }

    /** Both sides hold a level. */
    boolean hasTop() {
        return !bids.isEmpty() && !asks.isEmpty();
    }

    /** The best bid at or above the best ask: the book no longer matches the venue's. */
    boolean crossed() {
        return hasTop() && bids.bestPrice() >= asks.bestPrice();
    }

    double bidPrice() {
        return bids.bestPrice();
    }

    double bidQuantity() {
        return bids.bestQuantity();
    }

    double askPrice() {
        return asks.bestPrice();
    }

    double askQuantity() {
        return asks.bestQuantity();
    }

    int levels() {
        return bids.size() + asks.size();
    }

    private static void set(BookSide side, List<BookLevel> levels) {
        for (int i = 0, n = levels.size(); i < n; i++) {
            BookLevel level = levels.get(i);
            side.set(level.price(), level.quantity());
        }
    }
}
