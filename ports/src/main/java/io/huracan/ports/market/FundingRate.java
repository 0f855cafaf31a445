package io.huracan.ports.market;

/**
 * The funding of a perpetual: the rate for the current interval (a fraction, 0.0001 = 1 bp, positive means
 * longs pay shorts), when it is next charged, and the interval length.
 */
public record FundingRate(Coin coin, ExchangeId exchange, long timestampMicros, double rate, long nextFundingMicros,
                          long intervalMicros) {
    public FundingRate {
        if (intervalMicros <= 0) {
            throw new IllegalArgumentException("funding interval " + intervalMicros + " us is invalid; allowed: > 0");
        }
    }
}
