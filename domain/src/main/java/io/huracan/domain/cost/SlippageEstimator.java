package io.huracan.domain.cost;

import io.huracan.ports.market.BookLevel;
import io.huracan.ports.market.Side;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Expected price impact of an order of a given size: the volume-weighted price of walking the visible levels
 * from the touch, against the touch, in basis points of the mid. It walks the latest depth snapshot while that
 * is fresh, otherwise the single visible level of the latest top of book. An order larger than the visible
 * depth has no estimate: {@link #TOO_THIN} is returned, never a guess. Single-writer per slot.
 */
public final class SlippageEstimator {
    /** Returned when the visible depth cannot absorb the order. Slippage itself is never negative. */
    public static final double TOO_THIN = -1;

    private final CoinIndex coins;
    private final int maxLevels;
    private final long staleAfterMicros;
    /** Per slot, maxLevels (price, quantity) pairs back to back, so a walk reads contiguous memory. */
    private final double[] bids;
    private final double[] asks;
    private final int[] bidLevels;
    private final int[] askLevels;
    private final long[] depthMicros;
    private final double[] topBidPrice;
    private final double[] topBidQuantity;
    private final double[] topAskPrice;
    private final double[] topAskQuantity;
    private final long[] topMicros;

    /** @param maxLevels levels kept per side; deeper levels of a snapshot are ignored (less depth, never more) */
    public SlippageEstimator(CoinIndex coins, int maxLevels, Duration staleAfter) {
        if (maxLevels <= 0) {
            throw new IllegalArgumentException("max levels " + maxLevels + " is invalid; allowed: > 0");
        }
        this.coins = coins;
        this.maxLevels = maxLevels;
        this.staleAfterMicros = staleAfter.toNanos() / 1_000;
        int slots = coins.slots();
        bids = new double[slots * maxLevels * 2];
        asks = new double[slots * maxLevels * 2];
        bidLevels = new int[slots];
        askLevels = new int[slots];
        depthMicros = new long[slots];
        topBidPrice = new double[slots];
        topBidQuantity = new double[slots];
        topAskPrice = new double[slots];
        topAskQuantity = new double[slots];
        topMicros = new long[slots];
        Arrays.fill(depthMicros, Long.MIN_VALUE);
        Arrays.fill(topMicros, Long.MIN_VALUE);
    }

    /** Records the single visible level of a top of book; older than the last one is ignored. */
    public void updateTop(int exchange, int coin, long timestampMicros, double bid, double bidQty, double ask,
                          double askQty) {
        int slot = coins.slot(exchange, coin);
        if (timestampMicros < topMicros[slot]) {
            return;
        }
        topBidPrice[slot] = bid;
        topBidQuantity[slot] = bidQty;
        topAskPrice[slot] = ask;
        topAskQuantity[slot] = askQty;
        topMicros[slot] = timestampMicros;
    }

    /**
     * Replaces the slot's depth with a snapshot (bids descending, asks ascending). Returns false and keeps the
     * previous depth when the snapshot is older than it or its levels are out of order.
     */
    public boolean updateDepth(int exchange, int coin, long timestampMicros, List<BookLevel> bidLevels,
                               List<BookLevel> askLevels) {
        int slot = coins.slot(exchange, coin);
        if (timestampMicros < depthMicros[slot] || !ordered(bidLevels, -1) || !ordered(askLevels, 1)) {
            return false;
        }
        this.bidLevels[slot] = copy(bidLevels, slot, bids);
        this.askLevels[slot] = copy(askLevels, slot, asks);
        depthMicros[slot] = timestampMicros;
        return true;
    }

    /**
     * Slippage in bps of the mid for an order of {@code quantity} (base units) taking liquidity on {@code side}
     * (a buy walks the asks), or {@link #TOO_THIN}.
     */
    public double slippageBps(int slot, Side side, double quantity, long nowMicros) {
        boolean buy = side == Side.BUY;
        if (depthMicros[slot] != Long.MIN_VALUE && nowMicros - depthMicros[slot] <= staleAfterMicros
                && bidLevels[slot] > 0 && askLevels[slot] > 0) {
            int base = slot * maxLevels * 2;
            double mid = (bids[base] + asks[base]) * 0.5;
            return buy ? walk(asks, base, askLevels[slot], quantity, mid, 1)
                    : walk(bids, base, bidLevels[slot], quantity, mid, -1);
        }
        if (topMicros[slot] == Long.MIN_VALUE) {
            return TOO_THIN;
        }
        double available = buy ? topAskQuantity[slot] : topBidQuantity[slot];
        return quantity <= available ? 0 : TOO_THIN;
    }

    private static double walk(double[] side, int base, int levels, double quantity, double mid, int sign) {
        double remaining = quantity;
        double paid = 0;
        for (int i = base, end = base + 2 * levels; i < end && remaining > 0; i += 2) {
            double take = Math.min(remaining, side[i + 1]);
            paid += take * side[i];
            remaining -= take;
        }
        if (remaining > 0) {
            return TOO_THIN;
        }
        // (average price - touch) / mid, with one division: (paid - touch * quantity) / (quantity * mid)
        return Math.max(0, sign * (paid - side[base] * quantity) * 1e4 / (quantity * mid));
    }

    private int copy(List<BookLevel> levels, int slot, double[] side) {
        int n = Math.min(levels.size(), maxLevels);
        int base = slot * maxLevels * 2;
        for (int i = 0; i < n; i++) {
            BookLevel level = levels.get(i);
            side[base + 2 * i] = level.price();
            side[base + 2 * i + 1] = level.quantity();
        }
        return n;
    }

    /** True when prices move strictly in {@code direction} (+1 ascending asks, -1 descending bids). */
    private static boolean ordered(List<BookLevel> levels, int direction) {
        for (int i = 1; i < levels.size(); i++) {
            if (direction * (levels.get(i).price() - levels.get(i - 1).price()) <= 0) {
                return false;
            }
        }
        return true;
    }
}
