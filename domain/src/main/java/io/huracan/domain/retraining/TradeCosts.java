package io.huracan.domain.retraining;

import io.huracan.domain.cost.FeeSchedule;

/**
 * What a simulated round trip pays, in bps of notional: the fee of two legs from the cost model's fee schedule
 * (taker or maker, as the strategy enters) plus the spread observed at entry (half a spread crossed on each leg).
 */
public record TradeCosts(FeeSchedule fees, boolean taker) {

    public double roundTripBps(double spreadBps) {
        return 2 * fees.effectiveBps(!taker) + spreadBps;
    }
}
