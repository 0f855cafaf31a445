package io.huracan.domain.risk;

import io.huracan.ports.risk.SharedExposure;

import java.util.Arrays;

/**
 * Everything the risk controller knows about one coin: its positions per exchange (signed quantity and booked
 * cost in ledger units, so the average entry is {@code booked / |quantity|}), realised P&amp;L and fees, its working
 * orders' reservations, its last price and its drawdown breaker. Guarded by its own monitor: the coin's owning
 * loop is normally the only caller, so the lock is uncontended, but a fill arriving on another thread is still safe.
 */
final class CoinBook {
    private static final double QUANTITY_EPSILON = 1e-12;

    final int coin;
    final int sector;
    final ReservationPool reservations;
    final DrawdownBreaker breaker = new DrawdownBreaker(false);
    final double[] quantity = new double[RiskUniverse.EXCHANGES];
    final long[] bookedUnits = new long[RiskUniverse.EXCHANGES];
    final double[] realised = new double[RiskUniverse.EXCHANGES];
    final double[] fees = new double[RiskUniverse.EXCHANGES];
    /** Live reservations of orders that may grow exposure (not reduce-only). */
    final int[] working = new int[RiskUniverse.EXCHANGES];
    /** Quantity claimed by live reduce-only orders, so two of them cannot both close the same position. */
    final double[] pendingReduce = new double[RiskUniverse.EXCHANGES];
    final boolean[] tradeOpen = new boolean[RiskUniverse.EXCHANGES];
    final int[] tradeEdgeBucket = new int[RiskUniverse.EXCHANGES];
    double markPrice;
    long markMicros;
    boolean hasMark;
    double pnl;
    /** Scale-out only: the token of this process's lease on the coin (0: not held here). */
    long fencingToken;
    /** Scale-out only: the coin is being handed to another process, so only reduce-only intents pass. */
    boolean handingOver;
    /** Scale-out only: grows with every write of the coin's shared contribution. */
    long sharedVersion;

    CoinBook(int coin, int sector, int reservationCapacity) {
        this.coin = coin;
        this.sector = sector;
        this.reservations = new ReservationPool(coin, reservationCapacity);
    }

    boolean isActive(int exchange) {
        return quantity[exchange] != 0 || working[exchange] > 0;
    }

    /** No position on any exchange and no live reservation: the coin can be handed over. */
    boolean isSettled() {
        for (double q : quantity) {
            if (q != 0) {
                return false;
            }
        }
        return reservations.liveCount() == 0;
    }

    /**
     * What the coin adds to each exposure counter, in {@link SharedExposure}'s slot layout: booked cost of its
     * positions plus its live reservations on the gross scopes (coin, and so its sector and the global gross; its
     * exchanges), signed booked net and pending orders on the two net sides, and its open trades.
     */
    void contribution(long[] out) {
        Arrays.fill(out, 0);
        long gross = 0;
        for (int e = 0; e < RiskUniverse.EXCHANGES; e++) {
            long booked = bookedUnits[e];
            long signed = (long) Math.signum(quantity[e]) * booked;
            gross += booked;
            out[SharedExposure.EXCHANGE + e] += booked;
            out[SharedExposure.NET_LONG] += signed;
            out[SharedExposure.NET_SHORT] -= signed;
            out[SharedExposure.OPEN_TRADES] += isActive(e) ? 1 : 0;
        }
        for (int slot = 0; slot < reservations.capacity(); slot++) {
            if (reservations.live[slot]) {
                gross += reservations.grossUnits[slot];
                out[SharedExposure.EXCHANGE + reservations.exchange[slot]] += reservations.grossUnits[slot];
                out[reservations.sign[slot] > 0 ? SharedExposure.NET_LONG : SharedExposure.NET_SHORT]
                        += reservations.netUnits[slot];
            }
        }
        out[SharedExposure.COIN] = gross;
        out[SharedExposure.SECTOR] = gross;
        out[SharedExposure.GLOBAL_GROSS] = gross;
    }

    double averageEntry(int exchange) {
        double size = Math.abs(quantity[exchange]);
        return size == 0 ? 0 : ExposureLedger.quote(bookedUnits[exchange]) / size;
    }

    double unrealised(int exchange) {
        double q = quantity[exchange];
        if (q == 0 || !hasMark) {
            return 0;
        }
        return q * markPrice - Math.signum(q) * ExposureLedger.quote(bookedUnits[exchange]);
    }

    /** Realised minus fees plus unrealised, over every exchange. */
    double computePnl() {
        double sum = 0;
        for (int e = 0; e < RiskUniverse.EXCHANGES; e++) {
            sum += realised[e] - fees[e] + unrealised(e);
        }
        return sum;
    }

    /** The change of signed booked net units made by the last {@link #applyFill}. */
    long lastNetUnits;

    /**
     * Applies an execution to the position and returns the change of booked gross units (the signed net change is
     * left in {@link #lastNetUnits}). {@code openingUnits} is what the fill books when it only opens or adds (the
     * caller passes the reservation's share plus slippage); a fill that closes releases the closed share of the
     * booked cost, realises its P&amp;L, and books any remainder that flips the position at the fill price.
     */
    long applyFill(int exchange, int sign, double fillQuantity, double fillPrice, long openingUnits) {
        double position = quantity[exchange];
        if (position == 0 || Math.signum(position) == sign) {
            bookedUnits[exchange] += openingUnits;
            quantity[exchange] = position + sign * fillQuantity;
            lastNetUnits = sign * openingUnits;
            return openingUnits;
        }
        double size = Math.abs(position);
        double closed = Math.min(fillQuantity, size);
        boolean flat = closed >= size - QUANTITY_EPSILON * Math.max(1, size);
        long released = flat ? bookedUnits[exchange] : Math.round(bookedUnits[exchange] * (closed / size));
        realised[exchange] += closed * (fillPrice - averageEntry(exchange)) * Math.signum(position);
        bookedUnits[exchange] -= released;
        quantity[exchange] = flat ? 0 : position + sign * closed;
        long gross = -released;
        long net = (long) sign * released;
        double rest = fillQuantity - closed;
        if (flat && rest > QUANTITY_EPSILON * Math.max(1, fillQuantity)) {
            long opened = ExposureLedger.units(rest * fillPrice);
            bookedUnits[exchange] = opened;
            quantity[exchange] = sign * rest;
            gross += opened;
            net += (long) sign * opened;
        }
        lastNetUnits = net;
        return gross;
    }
}
