package io.huracan.domain.risk;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The shared counters every check reserves against: gross exposure per coin, sector and exchange, global gross,
 * the two sides of global net exposure, and the open-trade count. Amounts are fixed-point longs
 * ({@link #UNITS_PER_QUOTE} per quote unit) so that releasing everything returns each counter exactly to zero.
 *
 * <p>Concurrency: each counter moves only by compare-and-set against its own limit ({@link #tryAdd}), and a check
 * reserves its scopes in one fixed order, undoing the ones already taken if a later one fails. So no counter is
 * ever pushed past its limit, whatever the interleaving; a failed attempt can only make another check see less
 * room for a moment (conservative). Counters sit 128 bytes apart so coins owned by different loops do not share
 * cache lines.
 *
 * <p>Net exposure {@code N} (signed booked notional) is kept as two counters so one comparison per side bounds
 * {@code |N|} in the worst case of every pending order filling: {@code NET_LONG = N + pending buys} and
 * {@code NET_SHORT = pending sells - N}.
 */
final class ExposureLedger {
    static final long UNITS_PER_QUOTE = 1_000_000L;
    private static final int PAD_SHIFT = 4;

    private final int coinBase = 0;
    private final int sectorBase;
    private final int exchangeBase;
    private final int globalGross;
    private final int netLong;
    private final int netShort;
    private final int trades;
    private final AtomicLongArray cells;

    ExposureLedger(int coins, int sectors, int exchanges) {
        sectorBase = coinBase + coins;
        exchangeBase = sectorBase + sectors;
        globalGross = exchangeBase + exchanges;
        netLong = globalGross + 1;
        netShort = globalGross + 2;
        trades = globalGross + 3;
        cells = new AtomicLongArray((trades + 1) << PAD_SHIFT);
    }

    static long units(double quote) {
        return Math.round(quote * UNITS_PER_QUOTE);
    }

    static double quote(long units) {
        return (double) units / UNITS_PER_QUOTE;
    }

    int coinSlot(int coin) {
        return coinBase + coin;
    }

    int sectorSlot(int sector) {
        return sectorBase + sector;
    }

    int exchangeSlot(int exchange) {
        return exchangeBase + exchange;
    }

    int globalGrossSlot() {
        return globalGross;
    }

    /** The net counter an order of this sign grows: NET_LONG for a buy (+1), NET_SHORT for a sell (-1). */
    int netSlot(int sign) {
        return sign > 0 ? netLong : netShort;
    }

    int tradesSlot() {
        return trades;
    }

    long get(int slot) {
        return cells.get(slot << PAD_SHIFT);
    }

    /**
     * Reserves {@code delta} only if, against the counter's value at the moment of the swap, it is within the hard
     * limit exactly and within the soft-throttle allowance for {@code requested} (give or take one unit, the
     * rounding of the allowance); false (and no change) otherwise.
     */
    boolean tryReserve(int slot, long delta, double requested, long limit, double softRatio) {
        int index = slot << PAD_SHIFT;
        while (true) {
            long used = cells.get(index);
            if (used + delta > limit || delta > SoftThrottle.allowed(requested, used, limit, softRatio) + 1) {
                return false;
            }
            if (cells.compareAndSet(index, used, used + delta)) {
                return true;
            }
        }
    }

    /** Adds {@code delta} only if the result stays within {@code limit}; false (and no change) otherwise. */
    boolean tryAdd(int slot, long delta, long limit) {
        int index = slot << PAD_SHIFT;
        while (true) {
            long used = cells.get(index);
            if (used + delta > limit) {
                return false;
            }
            if (cells.compareAndSet(index, used, used + delta)) {
                return true;
            }
        }
    }

    /** Overwrites a counter (the scale-out snapshot of shared totals, never the live ledger). */
    void set(int slot, long value) {
        cells.set(slot << PAD_SHIFT, value);
    }

    /** Unconditional change: releases, and fills (a fill is a fact, even one that slipped past a limit). */
    void add(int slot, long delta) {
        if (delta != 0) {
            cells.getAndAdd(slot << PAD_SHIFT, delta);
        }
    }

    /** Applies the same change to a coin's gross scopes: coin, sector, exchange and global gross. */
    void addGross(int coin, int sector, int exchange, long delta) {
        add(coinSlot(coin), delta);
        add(sectorSlot(sector), delta);
        add(exchangeSlot(exchange), delta);
        add(globalGross, delta);
    }

    /** A change of booked signed net notional {@code N} moves the two net counters in opposite directions. */
    void addNet(long signedDelta) {
        add(netLong, signedDelta);
        add(netShort, -signedDelta);
    }
}
