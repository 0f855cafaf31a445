package io.huracan.ports.market;

/** One price level of an order book: the price and the base quantity resting there. */
public record BookLevel(double price, double quantity) {
    public BookLevel {
        if (!(price > 0) || !(quantity >= 0)) {
            throw new IllegalArgumentException(
                    "book level " + price + " x " + quantity + " is invalid; allowed: price > 0, quantity >= 0");
        }
    }
}
