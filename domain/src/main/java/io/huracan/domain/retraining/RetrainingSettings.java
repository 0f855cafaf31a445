package io.huracan.domain.retraining;

import io.huracan.domain.cost.FeeSchedule;
import io.huracan.domain.regime.RegimeThresholds;
import io.huracan.ports.feature.Feature;
import io.huracan.ports.market.ExchangeId;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How jobs train and evaluate.
 *
 * @param features      the model's inputs, in parameter order
 * @param horizon       the strategy's holding horizon: forward returns are measured over it
 * @param ridgeLambda   ridge penalty per training row on the normalised weights
 * @param folds         walk-forward folds
 * @param thresholdBps  the evaluation trades when |prediction| exceeds this (the strategy's min signal)
 * @param minRows       a job with fewer labelled rows registers nothing
 * @param venue         whose book tops give forward returns and spreads
 * @param fees          the venue's fee schedule from the cost model
 * @param takerEntry    the strategy crosses the spread (taker fees); otherwise maker fees
 * @param regimes       the regime detector's thresholds, to select a regime's rows
 */
public record RetrainingSettings(List<Feature> features, Duration horizon, double ridgeLambda, int folds,
                                 double thresholdBps, int minRows, ExchangeId venue, FeeSchedule fees,
                                 boolean takerEntry, RegimeThresholds regimes) {
    public RetrainingSettings {
        features = List.copyOf(features);
        if (features.isEmpty()) {
            throw new IllegalArgumentException("retraining needs at least one feature");
        }
        if (horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException("holding horizon " + horizon + " is invalid; allowed: > 0");
        }
        if (minRows < 2) {
            throw new IllegalArgumentException("min_rows " + minRows + " is invalid; allowed: an integer >= 2");
        }
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(regimes, "regimes");
        if (!(ridgeLambda >= 0) || Double.isInfinite(ridgeLambda)) {
            throw new IllegalArgumentException("ridge_lambda " + ridgeLambda + " is invalid; allowed: a finite number >= 0");
        }
        if (folds < 1) {
            throw new IllegalArgumentException("folds " + folds + " is invalid; allowed: an integer >= 1");
        }
        if (!(thresholdBps >= 0)) {
            throw new IllegalArgumentException("threshold_bps " + thresholdBps + " is invalid; allowed: >= 0");
        }
    }

    public long horizonMicros() {
        return horizon.toNanos() / 1_000;
    }
}
