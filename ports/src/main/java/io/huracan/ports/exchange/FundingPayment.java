package io.huracan.ports.exchange;

import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;

import java.math.BigDecimal;

/**
 * Funding charged on a perpetual position at a funding time: {@code amount} is what the account received in the
 * quote currency (negative when it paid). With a positive rate longs pay shorts:
 * {@code amount = -positionQuantity x markPrice x rate}.
 */
public record FundingPayment(
        Coin coin,
        ExchangeId exchange,
        long timestampMicros,
        double rate,
        BigDecimal positionQuantity,
        BigDecimal markPrice,
        BigDecimal amount) {
}
