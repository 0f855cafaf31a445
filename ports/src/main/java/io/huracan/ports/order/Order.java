package io.huracan.ports.order;

import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.InstrumentKind;
import io.huracan.ports.market.Price;
import io.huracan.ports.market.Quantity;
import io.huracan.ports.market.Side;

import java.util.Optional;

/** An order as sent to an exchange: exact quantity and, for limit orders, an exact price. */
public record Order(
        ClientOrderId clientOrderId,
        Coin coin,
        ExchangeId exchange,
        InstrumentKind instrument,
        Side side,
        OrderType type,
        TimeInForce timeInForce,
        Quantity quantity,
        Optional<Price> limitPrice,
        boolean reduceOnly) {

    public Order {
        if (quantity.isZero()) {
            throw new IllegalArgumentException("order " + clientOrderId + " quantity 0 is invalid; allowed: > 0");
        }
        if (type == OrderType.LIMIT && limitPrice.isEmpty()) {
            throw new IllegalArgumentException("limit order " + clientOrderId + " has no price; a limit order needs one");
        }
        if (type == OrderType.MARKET && limitPrice.isPresent()) {
            throw new IllegalArgumentException("market order " + clientOrderId + " has a price; a market order takes none");
        }
    }
}
