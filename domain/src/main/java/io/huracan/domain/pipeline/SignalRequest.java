package io.huracan.domain.pipeline;

import io.huracan.ports.market.Coin;

/**
 * A signal submitted from outside the engine (an embedding application's own model): the predicted forward
 * return of a coin in bps, traded through the same cost, risk and routing as the engine's own signals.
 */
public record SignalRequest(Coin coin, double predictedBps) {
    public SignalRequest {
        if (coin == null || !Double.isFinite(predictedBps)) {
            throw new IllegalArgumentException("signal for " + coin + " of " + predictedBps
                    + " bps is invalid; allowed: a coin and a finite predicted return");
        }
    }
}
