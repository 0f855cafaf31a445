package io.huracan.ports.order;

import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.Price;
import io.huracan.ports.market.Quantity;
import io.huracan.ports.market.Side;

import java.math.BigDecimal;

/**
 * An execution of (part of) an order. The fee is in the quote currency, positive when paid and negative for a
 * rebate; {@code maker} tells whether the fill added liquidity. Timestamp in epoch microseconds, UTC.
 */
public record Fill(
        String tradeId,
        ClientOrderId clientOrderId,
        Coin coin,
        ExchangeId exchange,
        Side side,
        Price price,
        Quantity quantity,
        BigDecimal feeQuote,
        boolean maker,
        long timestampMicros) {

    public BigDecimal notional() {
        return price.value().multiply(quantity.value());
    }
}
