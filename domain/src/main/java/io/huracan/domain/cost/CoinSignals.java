package io.huracan.domain.cost;

import io.huracan.ports.market.Side;

import java.util.Arrays;

/**
 * The latest signal per coin (by coin index), the input of {@link CoinRanking}: expected edge in bps, side,
 * size in base units, holding horizon and liquidity role. Caller-owned and reused; a coin without a signal is
 * not ranked.
 */
public final class CoinSignals {
    private final boolean[] present;
    private final double[] edgeBps;
    private final Side[] side;
    private final double[] quantity;
    private final long[] horizonMicros;
    private final boolean[] maker;

    public CoinSignals(int coins) {
        present = new boolean[coins];
        edgeBps = new double[coins];
        side = new Side[coins];
        quantity = new double[coins];
        horizonMicros = new long[coins];
        maker = new boolean[coins];
    }

    public void set(int coin, double edge, Side direction, double size, long horizon, boolean makerOrder) {
        present[coin] = true;
        edgeBps[coin] = edge;
        side[coin] = direction;
        quantity[coin] = size;
        horizonMicros[coin] = horizon;
        maker[coin] = makerOrder;
    }

    public void clear(int coin) {
        present[coin] = false;
    }

    public void clearAll() {
        Arrays.fill(present, false);
    }

    public int size() {
        return present.length;
    }

    public boolean has(int coin) {
        return present[coin];
    }

    public double edgeBps(int coin) {
        return edgeBps[coin];
    }

    public Side side(int coin) {
        return side[coin];
    }

    public double quantity(int coin) {
        return quantity[coin];
    }

    public long horizonMicros(int coin) {
        return horizonMicros[coin];
    }

    public boolean maker(int coin) {
        return maker[coin];
    }
}
