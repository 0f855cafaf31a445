package io.huracan.adapter.xchange;

import java.util.Arrays;

/**
 * One side of a local order book in two parallel primitive arrays, the best level last: updates cluster at the top
 * of a book, so inserting or removing there shifts few elements, and nothing is allocated once the arrays have grown.
 * Levels are kept in descending order of a key, the price for asks and the negated price for bids.
 */
final class BookSide {
    /**
     * Levels kept per side: a diff stream touches levels far beyond the snapshot, which would otherwise pile up for as
     * long as the book lives. Past twice this the worst are dropped down to it (our bound, not a venue's).
     */
    static final int MAX_LEVELS = 1000;

    private final boolean bids;
    private double[] keys = new double[64];
    private double[] quantities = new double[64];
    private int size;

    BookSide(boolean bids) {
        this.bids = bids;
    }

    void clear() {
        size = 0;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The best price; only when not empty. */
    double bestPrice() {
        return bids ? -keys[size - 1] : keys[size - 1];
    }

    double bestQuantity() {
        return quantities[size - 1];
    }

    /** Sets a level's quantity; 0 removes it (removing a level the book does not hold changes nothing). */
    void set(double price, double quantity) {
        double key = bids ? -price : price;
        int index = find(key);
        if (index >= 0) {
            if (quantity == 0) {
                System.arraycopy(keys, index + 1, keys, index, size - index - 1);
                System.arraycopy(quantities, index + 1, quantities, index, size - index - 1);
                size--;
            } else {
                quantities[index] = quantity;
            }
            return;
        }
        if (quantity == 0) {
            return;
        }
        int insert = -index - 1;
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            quantities = Arrays.copyOf(quantities, size * 2);
        }
        System.arraycopy(keys, insert, keys, insert + 1, size - insert);
        System.arraycopy(quantities, insert, quantities, insert + 1, size - insert);
        keys[insert] = key;
        quantities[insert] = quantity;
        size++;
        if (size >= 2 * MAX_LEVELS) {
            int drop = size - MAX_LEVELS; // the worst levels are the first ones
            System.arraycopy(keys, drop, keys, 0, MAX_LEVELS);
            System.arraycopy(quantities, drop, quantities, 0, MAX_LEVELS);
            size = MAX_LEVELS;
        }
    }

    /** Binary search over keys in descending order: the index, or -(insertion point) - 1. */
    private int find(double key) {
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            double at = keys[mid];
            if (at > key) {
                low = mid + 1;
            } else if (at < key) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -(low + 1);
    }
}
