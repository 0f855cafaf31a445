package io.huracan.bootstrap.retraining;

import io.huracan.adapter.parquet.ParquetStoreSettings;
import io.huracan.adapter.parquet.ParquetStores;
import io.huracan.domain.cost.FeeSchedule;
import io.huracan.domain.regime.RegimeThresholds;
import io.huracan.domain.registry.ModelRegistry;
import io.huracan.domain.registry.PromotionRules;
import io.huracan.domain.retraining.RetrainingJobRunner;
import io.huracan.domain.retraining.RetrainingSettings;
import io.huracan.domain.signal.LinearModelParameters;
import io.huracan.ports.feature.Feature;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.Regime;
import io.huracan.ports.registry.ModelQuery;
import io.huracan.ports.registry.ModelStatus;
import io.huracan.ports.registry.ModelVersion;
import io.huracan.ports.registry.TrainingWindow;
import io.huracan.ports.retraining.RetrainingJob;
import io.huracan.ports.retraining.RetrainingResult;
import io.huracan.ports.retraining.RetrainingTrigger;
import io.huracan.ports.storage.MarketDataStore;
import io.huracan.testkit.registry.InMemoryModelStore;
import io.huracan.testkit.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RetrainingJobOnParquetTest {
    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
    private static final Duration STEP = Duration.ofMinutes(5);
    private static final TrainingWindow WINDOW = new TrainingWindow(START, START.plus(Duration.ofDays(3)));

    @TempDir
    Path dir;
    private MarketDataStore data;
    private final InMemoryModelStore models = new InMemoryModelStore();
    private final ManualClock clock = ManualClock.at(Instant.parse("2026-03-05T00:00:00Z"));
    private RetrainingJobRunner runner;

    @BeforeEach
    void writeMarket() {
        data = ParquetStores.open(ParquetStoreSettings.of(dir.resolve("data"), "zstd"));
        PlantedMarket.write(data, List.of(Coin.of("AAA"), Coin.of("BBB")), START, STEP, 800, 1.0, 7);
        var settings = new RetrainingSettings(List.of(Feature.values()), STEP, 0.0001, 4, 3.0, 200, ExchangeId.PAPER,
                new FeeSchedule("default", 2, 5, 0), true, RegimeThresholds.DEFAULTS);
        runner = new RetrainingJobRunner(data, new CommonsMathRidgeRegression(), models,
                new ModelRegistry(models, new PromotionRules(2, 50, 0.5, 0.5), clock), clock, settings);
    }

    @AfterEach
    void close() {
        data.close();
    }

    @Test
    void fitsEvaluatesRegistersAndPromotesAModelThatRecoversThePlantedRelation() {
        RetrainingResult result = runner.run(job("job-1"));

        assertThat(result.outcome()).isEqualTo(RetrainingResult.Outcome.PROMOTED);
        // 2 coins x 800 labelled rows (the 801st row of each has no future book top)
        assertThat(result.trainingRows()).isEqualTo(1600);
        assertThat(result.testRows()).isEqualTo(1600 - 1600 / 5);
        ModelVersion version = models.get(result.model().orElseThrow());
        assertThat(version.status()).isEqualTo(ModelStatus.ACTIVE);
        assertThat(version.name()).matches("lin-ranging-all2-[0-9a-f]+");
        assertThat(version.definition().trainedBy()).isEqualTo("job-1");
        assertThat(version.definition().trainingWindow()).isEqualTo(WINDOW);

        var model = LinearModelParameters.fromArray(version.definition().parameters(), Feature.COUNT);
        double[] raw = new double[Feature.COUNT];
        double constant = model.intercept();
        for (int i = 0; i < Feature.COUNT; i++) {
            raw[i] = model.weights()[i] / model.stdDevs()[i];
            constant -= raw[i] * model.means()[i];
        }
        assertThat(raw[Feature.RETURN_1M.ordinal()]).isCloseTo(PlantedMarket.RETURN_1M_BETA, within(0.01));
        assertThat(raw[Feature.BOOK_IMBALANCE.ordinal()]).isCloseTo(PlantedMarket.IMBALANCE_BETA, within(0.3));
        assertThat(raw[Feature.RETURN_5M.ordinal()]).isCloseTo(0, within(0.01));
        assertThat(raw[Feature.TRADE_FLOW_1M.ordinal()]).isCloseTo(0, within(0.3));
        assertThat(model.weights()[Feature.SPREAD_BPS.ordinal()]).isZero();
        assertThat(constant).isCloseTo(PlantedMarket.INTERCEPT, within(1.0));

        var metrics = version.metrics();
        assertThat(metrics.tradeCount()).isGreaterThan(500);
        assertThat(metrics.meanEdgeAfterCostBps()).isGreaterThan(5);
        assertThat(metrics.sharpe()).isGreaterThan(0.3);
        assertThat(metrics.winRate()).isGreaterThan(0.6);
    }

    @Test
    void aJobRunTwiceRegistersItsVersionOnce() {
        RetrainingResult first = runner.run(job("job-2"));
        RetrainingResult again = runner.run(job("job-2"));

        assertThat(again.model()).isEqualTo(first.model());
        assertThat(models.find(ModelQuery.ALL)).hasSize(1);
    }

    @Test
    void aRegimeWithoutRowsRegistersNothing() {
        var job = new RetrainingJob("job-3", Regime.HIGH_VOLATILITY, new TreeSet<>(Set.of(Coin.of("AAA"))), WINDOW,
                Set.of(), RetrainingTrigger.MANUAL);

        RetrainingResult result = runner.run(job);

        assertThat(result.outcome()).isEqualTo(RetrainingResult.Outcome.SKIPPED);
        assertThat(result.reason()).isEqualTo("0 labelled rows in high_volatility, fewer than the 200 required");
        assertThat(models.find(ModelQuery.ALL)).isEmpty();
    }

    private static RetrainingJob job(String id) {
        return new RetrainingJob(id, Regime.RANGING, new TreeSet<>(Set.of(Coin.of("AAA"), Coin.of("BBB"))), WINDOW,
                Set.of(), RetrainingTrigger.MANUAL);
    }
}
