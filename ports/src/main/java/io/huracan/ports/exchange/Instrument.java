package io.huracan.ports.exchange;

import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.InstrumentKind;

import java.math.BigDecimal;

/**
 * A tradable instrument and its venue's rules: prices are multiples of {@code tickSize}, quantities multiples of
 * {@code lotSize}, and {@code price x quantity} must reach {@code minNotional} (quote currency).
 */
public record Instrument(
        Coin coin,
        ExchangeId exchange,
        InstrumentKind kind,
        String quoteCurrency,
        BigDecimal tickSize,
        BigDecimal lotSize,
        BigDecimal minNotional) {

    public Instrument {
        if (coin == null || exchange == null || kind == null || quoteCurrency == null) {
            throw new IllegalArgumentException("an instrument needs a coin, an exchange, a kind and a quote currency");
        }
        if (tickSize == null || tickSize.signum() <= 0 || lotSize == null || lotSize.signum() <= 0) {
            throw new IllegalArgumentException("instrument " + coin + "@" + exchange + " tick " + tickSize + " lot "
                    + lotSize + " is invalid; allowed: tick > 0 and lot > 0");
        }
        if (minNotional == null || minNotional.signum() < 0) {
            throw new IllegalArgumentException("instrument " + coin + "@" + exchange + " min notional " + minNotional
                    + " is invalid; allowed: >= 0");
        }
        tickSize = tickSize.stripTrailingZeros();
        lotSize = lotSize.stripTrailingZeros();
        minNotional = minNotional.stripTrailingZeros();
    }

    /** True when {@code price} is a whole number of ticks. */
    public boolean onTick(BigDecimal price) {
        return price.remainder(tickSize).signum() == 0;
    }

    /** True when {@code quantity} is a whole number of lots. */
    public boolean onLot(BigDecimal quantity) {
        return quantity.remainder(lotSize).signum() == 0;
    }
}
