package io.huracan.domain.cost;

import java.time.Duration;

/**
 * Relative spread per (exchange, coin) slot from top-of-book updates: the current spread, its exponentially
 * weighted mean with a half-life in event time, and when the slot was last updated (for staleness).
 * Single-writer: the event loop owning the coins. Updates older than the slot's last one are ignored.
 */
public final class SpreadTracker {
    private static final double LN2 = Math.log(2);

    private final CoinIndex coins;
    private final double halfLifeMicros;
    private final double[] bid;
    private final double[] ask;
    private final double[] currentBps;
    private final double[] ewmaBps;
    private final long[] updatedMicros;
    private final boolean[] quoted;

    public SpreadTracker(CoinIndex coins, Duration halfLife) {
        this.coins = coins;
        this.halfLifeMicros = halfLife.toNanos() / 1_000.0;
        int slots = coins.slots();
        bid = new double[slots];
        ask = new double[slots];
        currentBps = new double[slots];
        ewmaBps = new double[slots];
        updatedMicros = new long[slots];
        quoted = new boolean[slots];
    }

    /**
     * Records a best bid and ask. Returns false (and changes nothing) for an update older than the last one or a
     * crossed or non-positive quote.
     */
    public boolean update(int exchange, int coin, long timestampMicros, double bidPrice, double askPrice) {
        if (!(bidPrice > 0) || !(askPrice >= bidPrice)) {
            return false;
        }
        int slot = coins.slot(exchange, coin);
        if (quoted[slot] && timestampMicros < updatedMicros[slot]) {
            return false;
        }
        double mid = (bidPrice + askPrice) * 0.5;
        double spreadBps = (askPrice - bidPrice) / mid * 1e4;
        if (quoted[slot]) {
            double alpha = 1 - Math.exp(-LN2 * (timestampMicros - updatedMicros[slot]) / halfLifeMicros);
            ewmaBps[slot] += alpha * (spreadBps - ewmaBps[slot]);
        } else {
            ewmaBps[slot] = spreadBps;
        }
        bid[slot] = bidPrice;
        ask[slot] = askPrice;
        currentBps[slot] = spreadBps;
        updatedMicros[slot] = timestampMicros;
        quoted[slot] = true;
        return true;
    }

    public boolean hasQuote(int slot) {
        return quoted[slot];
    }

    /** Microseconds since the slot's last update (0 when the update is stamped after {@code nowMicros}). */
    public long ageMicros(int slot, long nowMicros) {
        return Math.max(0, nowMicros - updatedMicros[slot]);
    }

    public double bid(int slot) {
        return bid[slot];
    }

    public double ask(int slot) {
        return ask[slot];
    }

    public double mid(int slot) {
        return (bid[slot] + ask[slot]) * 0.5;
    }

    /** (ask - bid) / mid in basis points, from the latest update. */
    public double currentBps(int slot) {
        return currentBps[slot];
    }

    /** The exponentially weighted mean of the spread in basis points. */
    public double ewmaBps(int slot) {
        return ewmaBps[slot];
    }

    public long updatedMicros(int slot) {
        return updatedMicros[slot];
    }
}
