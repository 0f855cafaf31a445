package io.huracan.ports.order;

import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.Side;

/**
 * What a strategy wants before risk has seen it: a coin on an exchange, a side, a base quantity at a reference
 * price, whether it may only shrink a position, and its expected edge after cost (bps) used for ranking when
 * the engine throttles. Quantities here are analytics doubles; the order router turns an approved intent into an
 * exact {@link Order} on the instrument's tick and lot sizes.
 */
public record OrderIntent(
        Coin coin,
        ExchangeId exchange,
        Side side,
        double quantity,
        double price,
        boolean reduceOnly,
        double edgeAfterCostBps) {

    public OrderIntent {
        if (!(quantity > 0) || !(price > 0)) {
            throw new IllegalArgumentException(
                    "order intent " + quantity + " @ " + price + " is invalid; allowed: quantity > 0, price > 0");
        }
    }

    /** Quote-currency notional of the intent at its reference price. */
    public double notional() {
        return quantity * price;
    }
}
