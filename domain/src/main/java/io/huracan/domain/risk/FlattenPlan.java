package io.huracan.domain.risk;

import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.order.OrderIntent;

import java.util.List;

/**
 * What the kill switch asks for: cancel every working order (by the reservation handle the router keyed it
 * under) and close every position with a reduce-only intent at the last price.
 */
public record FlattenPlan(List<Cancel> cancels, List<OrderIntent> flatten) {
    public record Cancel(long reservation, Coin coin, ExchangeId exchange) {
    }

    public FlattenPlan {
        cancels = List.copyOf(cancels);
        flatten = List.copyOf(flatten);
    }
}
