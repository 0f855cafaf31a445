package io.huracan.domain.cost;

import io.huracan.ports.market.Side;

/**
 * Funding of perpetuals per (exchange, coin) slot: the latest rate (a fraction per interval, positive when longs
 * pay shorts), the next funding time and the interval. The expected funding of a position held over a horizon
 * counts the funding times that fall inside it and charges the latest rate at each: a long pays a positive
 * rate, a short receives it. Single-writer per slot; updates older than the slot's last one are ignored.
 */
public final class FundingTracker {
    private final CoinIndex coins;
    private final double[] rate;
    private final long[] nextFundingMicros;
    private final long[] intervalMicros;
    private final long[] updatedMicros;
    private final boolean[] known;

    public FundingTracker(CoinIndex coins) {
        this.coins = coins;
        int slots = coins.slots();
        rate = new double[slots];
        nextFundingMicros = new long[slots];
        intervalMicros = new long[slots];
        updatedMicros = new long[slots];
        known = new boolean[slots];
    }

    public void update(int exchange, int coin, long timestampMicros, double fundingRate, long nextFunding, long interval) {
        if (interval <= 0) {
            throw new IllegalArgumentException("funding interval " + interval + " us is invalid; allowed: > 0");
        }
        int slot = coins.slot(exchange, coin);
        if (known[slot] && timestampMicros < updatedMicros[slot]) {
            return;
        }
        rate[slot] = fundingRate;
        nextFundingMicros[slot] = nextFunding;
        intervalMicros[slot] = interval;
        updatedMicros[slot] = timestampMicros;
        known[slot] = true;
    }

    public boolean hasRate(int slot) {
        return known[slot];
    }

    public double rate(int slot) {
        return rate[slot];
    }

    /**
     * Funding times in {@code (now, now + horizon]}. A next funding time already past is rolled forward by whole
     * intervals, since the exchange keeps charging on that grid.
     */
    public long fundingEvents(int slot, long nowMicros, long horizonMicros) {
        long interval = intervalMicros[slot];
        long next = nextFundingMicros[slot];
        if (next <= nowMicros) {
            next += ((nowMicros - next) / interval + 1) * interval;
        }
        long end = nowMicros + horizonMicros;
        return next > end ? 0 : 1 + (end - next) / interval;
    }

    /** Expected funding in bps of notional over the horizon: positive is paid, negative received. */
    public double expectedBps(int slot, Side side, long nowMicros, long horizonMicros) {
        return expectedBps(slot, side, fundingEvents(slot, nowMicros, horizonMicros));
    }

    /** Expected funding in bps of notional over {@code events} funding times (from {@link #fundingEvents}). */
    public double expectedBps(int slot, Side side, long events) {
        return side.sign() * rate[slot] * 1e4 * events;
    }
}
