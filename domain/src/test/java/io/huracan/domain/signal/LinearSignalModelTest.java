package io.huracan.domain.signal;

import io.huracan.ports.feature.Feature;
import io.huracan.ports.market.Regime;
import io.huracan.ports.registry.ModelDefinition;
import io.huracan.ports.registry.ModelKey;
import io.huracan.ports.registry.ModelVersion;
import io.huracan.ports.registry.PromotionResult;
import io.huracan.testkit.registry.BestNBySharpe;
import io.huracan.testkit.registry.InMemoryModelStore;
import io.huracan.testkit.registry.ModelFixtures;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LinearSignalModelTest {
    private static final List<Feature> FEATURES = List.of(Feature.RETURN_1M, Feature.BOOK_IMBALANCE);

    @Test
    void predictsFromNormalisedFeatures() {
        // 0.5 + 2 * (10 - 4) / 3 + (-1.5) * (0.2 - 0) / 0.5 = 0.5 + 4 - 0.6 = 3.9 bps
        var model = new LinearSignalModel(ModelKey.of("m", 1), FEATURES,
                new LinearModelParameters(0.5, new double[] {2, -1.5}, new double[] {4, 0}, new double[] {3, 0.5}));
        double[] features = new double[Feature.COUNT];
        features[Feature.RETURN_1M.ordinal()] = 10;
        features[Feature.BOOK_IMBALANCE.ordinal()] = 0.2;
        features[Feature.SPREAD_BPS.ordinal()] = 1_000; // not an input of this model

        assertThat(model.predictBps(features)).isCloseTo(3.9, within(1e-12));
    }

    @Property(tries = 200)
    void foldingTheNormalisationIntoTheSlopesChangesNothing(@ForAll @DoubleRange(min = -100, max = 100) double x,
                                                           @ForAll @DoubleRange(min = -1, max = 1) double y,
                                                           @ForAll @DoubleRange(min = -5, max = 5) double w0,
                                                           @ForAll @DoubleRange(min = 0.01, max = 50) double s0) {
        var parameters = new LinearModelParameters(0.25, new double[] {w0, 0.75}, new double[] {1.5, -0.1},
                new double[] {s0, 0.3});
        var model = new LinearSignalModel(ModelKey.of("m", 1), FEATURES, parameters);
        double[] features = new double[Feature.COUNT];
        features[Feature.RETURN_1M.ordinal()] = x;
        features[Feature.BOOK_IMBALANCE.ordinal()] = y;

        double textbook = 0.25 + w0 * (x - 1.5) / s0 + 0.75 * (y + 0.1) / 0.3;
        assertThat(model.predictBps(features)).isCloseTo(textbook, within(1e-9 * (1 + Math.abs(textbook))));
    }

    @Test
    void parametersRoundTripThroughTheStoredLayout() {
        var parameters = new LinearModelParameters(0.5, new double[] {2, -1.5}, new double[] {4, 0}, new double[] {3, 0.5});

        assertThat(parameters.toArray()).containsExactly(0.5, 2, -1.5, 4, 0, 3, 0.5);
        assertThat(LinearModelParameters.fromArray(parameters.toArray(), 2)).isEqualTo(parameters);
        assertThatThrownBy(() -> LinearModelParameters.fromArray(new double[] {1, 2, 3}, 2))
                .hasMessage("linear model over 2 features needs 7 parameters [intercept, weights, means, std devs]; got 3");
        assertThatThrownBy(() -> new LinearModelParameters(0, new double[] {1}, new double[] {0}, new double[] {0}))
                .hasMessage("linear model std dev 0.0 is invalid; allowed: a finite number > 0");
    }

    @Test
    void theActiveTableAveragesTheModelsOfTheRegimeAndReportsWhatItCannotRun() {
        var store = new InMemoryModelStore();
        ModelVersion one = store.register(linear("one", 1.0, 2.0));
        ModelVersion two = store.register(linear("two", 2.0, 6.0));
        ModelVersion exotic = store.register(ModelFixtures.withArtifact("exotic", Regime.TRENDING_UP));
        ModelVersion broken = store.register(new ModelDefinition("broken", "linear", Regime.TRENDING_UP, FEATURES,
                new double[] {1, 2, 3}, "", exotic.definition().trainingWindow(), Instant.EPOCH, "job", exotic.metrics()));
        for (ModelVersion model : List.of(one, two, exotic, broken)) {
            assertThat(store.promote(model.key(), new BestNBySharpe(4), Instant.EPOCH)).isInstanceOf(PromotionResult.Promoted.class);
        }
        var table = new ActiveModelTable();

        var report = table.refresh(store);

        assertThat(report.loaded()).isEqualTo(2);
        assertThat(report.rejected()).containsExactly(
                "model broken:1: linear model over 2 features needs 7 parameters [intercept, weights, means, std devs]; got 3",
                "model exotic:1 has kind 'gbt-v2', which the engine cannot run; allowed: linear");
        double[] features = new double[Feature.COUNT];
        assertThat(table.predictBps(Regime.TRENDING_UP, features)).as("(2 + 6) / 2").isEqualTo(4.0);
        assertThat(table.predictBps(Regime.RANGING, features)).isNaN();
        assertThat(table.models(Regime.TRENDING_UP)).extracting(SignalModel::key).containsExactly(one.key(), two.key());
    }

    /** A model whose prediction is {@code interceptBps} for all-zero features (means 0). */
    private static ModelDefinition linear(String name, double sharpe, double interceptBps) {
        ModelDefinition base = ModelFixtures.linear(name, Regime.TRENDING_UP, sharpe);
        return new ModelDefinition(name, "linear", Regime.TRENDING_UP, FEATURES,
                new LinearModelParameters(interceptBps, new double[] {1, 1}, new double[] {0, 0}, new double[] {1, 1}).toArray(),
                "", base.trainingWindow(), base.createdAt(), base.trainedBy(), base.metrics());
    }
}
