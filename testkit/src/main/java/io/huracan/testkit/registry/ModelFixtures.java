package io.huracan.testkit.registry;

import io.huracan.ports.feature.Feature;
import io.huracan.ports.market.Regime;
import io.huracan.ports.registry.ModelDefinition;
import io.huracan.ports.registry.ModelMetrics;
import io.huracan.ports.registry.TrainingWindow;

import java.time.Instant;
import java.util.List;

/** Model definitions for tests, with every field set to a value that is easy to get wrong in a round trip. */
public final class ModelFixtures {
    public static final Instant TRAINED_AT = Instant.parse("2025-03-01T12:34:56.123456Z");

    private ModelFixtures() {
    }

    /** A linear model over three features in {@code regime}, whose out-of-sample Sharpe is {@code sharpe}. */
    public static ModelDefinition linear(String name, Regime regime, double sharpe) {
        return new ModelDefinition(name, "linear", regime,
                List.of(Feature.RETURN_1M, Feature.BOOK_IMBALANCE, Feature.TRADE_FLOW_1M),
                new double[] {0.25, 1.5, -3.0e-7, 12.75, 0.0, 1e-300, 0.1, 8.5, 0.333333333333333, 2.0},
                "",
                new TrainingWindow(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-02-28T23:59:59.999999Z")),
                TRAINED_AT, "retrain-20250301-" + name,
                new ModelMetrics(sharpe, sharpe * 1.4, 0.5375, 0.0825, 240, 3.125));
    }

    /** A model kept as an artifact beside a few parameters, with unusual but legal values. */
    public static ModelDefinition withArtifact(String name, Regime regime) {
        return new ModelDefinition(name, "gbt-v2", regime, List.of(Feature.FUNDING_BPS, Feature.RETURN_10S),
                new double[] {-0.0, Double.MIN_VALUE, Double.MAX_VALUE, Math.PI},
                "s3://huracan-models/" + name + "/model.bin",
                new TrainingWindow(Instant.parse("2024-12-31T23:00:00.000001Z"), Instant.parse("2025-01-01T00:00:00Z")),
                Instant.parse("2025-01-01T00:10:00Z"), "job 42 (étage ✓)",
                new ModelMetrics(-0.75, -1.0, 0.0, 1.0, 0, -12.5));
    }
}
