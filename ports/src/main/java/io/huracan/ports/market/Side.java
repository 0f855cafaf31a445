package io.huracan.ports.market;

/** Direction of an order, a fill or a position. */
public enum Side {
    BUY(1),
    SELL(-1);

    private final int sign;

    Side(int sign) {
        this.sign = sign;
    }

    /** +1 for a buy (long), -1 for a sell (short): multiplies a quantity into a signed position change. */
    public int sign() {
        return sign;
    }

    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }
}
