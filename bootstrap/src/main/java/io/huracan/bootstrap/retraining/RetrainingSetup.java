package io.huracan.bootstrap.retraining;

import io.huracan.bootstrap.config.EngineConfig;
import io.huracan.domain.cost.FeeSchedule;
import io.huracan.domain.regime.RegimeThresholds;
import io.huracan.domain.retraining.RetrainingSettings;
import io.huracan.ports.feature.Feature;
import io.huracan.ports.market.ExchangeId;

import java.util.List;

/**
 * Builds retraining settings from the engine config: the strategy's holding horizon, minimum signal and entry
 * style, and the cost model's fees for the venue whose book tops label the rows.
 */
public final class RetrainingSetup {
    /** Ridge penalty per row on the normalised weights: small, it only steadies nearly collinear features. */
    public static final double DEFAULT_RIDGE_LAMBDA = 0.01;
    public static final int DEFAULT_FOLDS = 4;
    public static final int DEFAULT_MIN_ROWS = 200;

    private RetrainingSetup() {
    }

    public static RetrainingSettings settings(EngineConfig config, ExchangeId venue, double ridgeLambda, int folds,
                                              int minRows) {
        FeeSchedule fees = config.costModel().feesOf(venue);
        if (fees == null) {
            throw new IllegalArgumentException("engine.cost_model.fees has no schedule for venue " + venue.key()
                    + "; allowed: one of " + config.costModel().fees().keySet());
        }
        return new RetrainingSettings(List.of(Feature.values()), config.strategy().holdingHorizon(), ridgeLambda, folds,
                config.strategy().minSignalBps(), minRows, venue, fees, config.strategy().takerEntry(),
                RegimeThresholds.DEFAULTS);
    }
}
