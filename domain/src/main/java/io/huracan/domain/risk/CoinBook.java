package io.huracan.domain.risk;

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

    CoinBook(int coin, int sector, int reservationCapacity) {
        this.coin = coin;
        this.sector = sector;
        this.reservations = new ReservationPool(coin, reservationCapacity);
    }

    boolean isActive(int exchange) {
        return quantity[exchange] != 0 || working[exchange] > 0;
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
