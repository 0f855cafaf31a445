package io.huracan.ports.market;

/**
 * The best bid and ask of one coin on one exchange. Analytics values are doubles (DESIGN.md section 7);
 * the timestamp is microseconds since the epoch, UTC.
 */
public record BookTop(
        Coin coin,
        ExchangeId exchange,
        long timestampMicros,
        double bidPrice,
        double bidQuantity,
        double askPrice,
        double askQuantity) {

    public BookTop {
        if (!(bidPrice > 0) || !(askPrice >= bidPrice)) {
            throw new IllegalArgumentException("book top " + coin + "@" + exchange + " bid " + bidPrice + " ask "
                    + askPrice + " is invalid; allowed: 0 < bid <= ask");
        }
    }

    public double mid() {
        return (bidPrice + askPrice) * 0.5;
    }
}
