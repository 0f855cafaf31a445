package io.huracan.ports.exchange;

import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.InstrumentKind;

import java.math.BigDecimal;

/**
 * The account's holding of one instrument: {@code quantity} is signed (negative = short; spot holdings are never
 * negative), {@code averageEntryPrice} the volume-weighted entry of the open quantity, {@code realisedPnl} the
 * quote-currency profit closed so far before fees, {@code fundingPnl} the funding received (negative when paid).
 */
public record Position(
        Coin coin,
        ExchangeId exchange,
        InstrumentKind kind,
        BigDecimal quantity,
        BigDecimal averageEntryPrice,
        BigDecimal realisedPnl,
        BigDecimal fundingPnl) {

    /** Profit of the open quantity at {@code markPrice}, quote currency. */
    public BigDecimal unrealisedPnl(BigDecimal markPrice) {
        return markPrice.subtract(averageEntryPrice).multiply(quantity);
    }
}
