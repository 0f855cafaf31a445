package io.huracan.bootstrap.engine;

import io.huracan.domain.registry.ModelRegistry;
import io.huracan.domain.signal.LinearModelParameters;
import io.huracan.ports.feature.Feature;
import io.huracan.ports.market.Regime;
import io.huracan.ports.registry.ModelDefinition;
import io.huracan.ports.registry.ModelMetrics;
import io.huracan.ports.registry.ModelQuery;
import io.huracan.ports.registry.ModelStatus;
import io.huracan.ports.registry.ModelStore;
import io.huracan.ports.registry.ModelVersion;
import io.huracan.ports.registry.PromotionResult;
import io.huracan.ports.registry.TrainingWindow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The models an empty registry starts with, so that a fresh engine trades: one linear model per regime, written
 * as priors rather than fitted (momentum in trends, mean reversion when ranging, order flow when volatile), and
 * marked {@code trained_by: seed}. Retraining replaces them with fitted versions that beat them out of sample.
 * Their stated metrics are the policy's minimum bar, so that any fitted model with real evidence outranks them.
 */
public final class SeedModels {
    static final String TRAINED_BY = "seed";
    private static final List<Feature> FEATURES = List.of(Feature.RETURN_10S, Feature.RETURN_1M,
            Feature.BOOK_IMBALANCE, Feature.TRADE_FLOW_1M);
    /** Typical scale of each feature (bps, bps, unitless, unitless): the normalisation of the priors. */
    private static final double[] SCALES = {4, 12, 0.4, 0.5};

    private SeedModels() {
    }

    /** Registers and promotes the seed models if no model is active in any regime; returns what was promoted. */
    public static List<ModelVersion> seedIfEmpty(ModelStore store, ModelRegistry registry, Instant now) {
        if (!store.find(ModelQuery.ALL.withStatus(ModelStatus.ACTIVE)).isEmpty()) {
            return List.of();
        }
        List<ModelVersion> promoted = new ArrayList<>();
        for (Regime regime : Regime.values()) {
            ModelVersion version = store.register(definition(regime, now));
            if (registry.promote(version.key()) instanceof PromotionResult.Promoted result) {
                promoted.add(result.promoted());
            }
        }
        return promoted;
    }

    private static ModelDefinition definition(Regime regime, Instant now) {
        var parameters = new LinearModelParameters(intercept(regime), weights(regime), new double[FEATURES.size()], SCALES);
        return new ModelDefinition("seed-" + regime.key().replace('_', '-'), LinearModelParameters.KIND, regime, FEATURES,
                parameters.toArray(), "", new TrainingWindow(now.minusSeconds(1), now), now, TRAINED_BY,
                new ModelMetrics(0.5, 0.5, 0.5, 0.1, 50, 0));
    }

    /** Weights on the normalised features: predicted forward return in bps per standard unit of each. */
    private static double[] weights(Regime regime) {
        return switch (regime) {
            case TRENDING_UP, TRENDING_DOWN -> new double[] {6, 10, 3, 4};
            case RANGING -> new double[] {-6, -8, 4, 2};
            case HIGH_VOLATILITY -> new double[] {8, 6, 6, 10};
        };
    }

    private static double intercept(Regime regime) {
        return switch (regime) {
            case TRENDING_UP -> 4;
            case TRENDING_DOWN -> -4;
            default -> 0;
        };
    }
}
