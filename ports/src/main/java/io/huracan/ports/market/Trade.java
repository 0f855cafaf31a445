package io.huracan.ports.market;

/** A public trade: the aggressor's side, price and base quantity. Timestamp in epoch microseconds, UTC. */
public record Trade(Coin coin, ExchangeId exchange, long timestampMicros, double price, double quantity, Side aggressor) {
    public Trade {
        if (!(price > 0) || !(quantity > 0)) {
            throw new IllegalArgumentException(
                    "trade " + price + " x " + quantity + " is invalid; allowed: price > 0, quantity > 0");
        }
    }
}
