package io.huracan.benchmarks;

import com.google.inject.Guice;
import io.huracan.adapter.file.FileModelStoreConfig;
import io.huracan.adapter.file.FileModelStoreModule;
import io.huracan.adapter.parquet.ParquetStoreSettings;
import io.huracan.adapter.parquet.ParquetStores;
import io.huracan.bootstrap.SystemEngineClock;
import io.huracan.bootstrap.retraining.CommonsMathRidgeRegression;
import io.huracan.bootstrap.retraining.JsonJobStateStore;
import io.huracan.bootstrap.retraining.RetrainingBatch;
import io.huracan.domain.cost.FeeSchedule;
import io.huracan.domain.regime.RegimeThresholds;
import io.huracan.domain.registry.ModelRegistry;
import io.huracan.domain.registry.PromotionRules;
import io.huracan.domain.retraining.LocalRetrainingExecutor;
import io.huracan.domain.retraining.RetrainingJobRunner;
import io.huracan.domain.retraining.RetrainingSettings;
import io.huracan.ports.feature.Feature;
import io.huracan.ports.feature.FeatureVector;
import io.huracan.ports.market.BookTop;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.Regime;
import io.huracan.ports.registry.ModelQuery;
import io.huracan.ports.registry.ModelStore;
import io.huracan.ports.registry.TrainingWindow;
import io.huracan.ports.retraining.RetrainingTrigger;
import io.huracan.ports.storage.Dataset;
import io.huracan.ports.storage.DatasetWriter;
import io.huracan.ports.storage.MarketDataStore;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code huracan bench retrain}: whole retraining jobs per minute (read features and book tops from Parquet, label,
 * fit and evaluate walk-forward, register and promote in a file registry) on the local executor with 1 and 2 workers,
 * for every coin in every regime. Each coin's stored day cycles through the four regimes (ranging, trending up,
 * trending down, high volatility) with a planted linear relation, so every job has rows to fit.
 */
@Command(name = "retrain", mixinStandardHelpOptions = true,
        description = "Retraining: jobs per minute for coins x 4 regimes on stored data, with 1 and 2 workers.")
final class RetrainBench implements Callable<Integer> {
    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
    private static final Duration STEP = Duration.ofMinutes(1);

    @Option(names = "--coins", defaultValue = "400", description = "Coins, each retrained in all 4 regimes (default ${DEFAULT-VALUE}).")
    int coins;
    @Option(names = "--rows-per-regime", defaultValue = "300", description = "Stored rows per coin and regime (default ${DEFAULT-VALUE}).")
    int rowsPerRegime;
    @Option(names = "--workers", split = ",", defaultValue = "1,2", description = "Pool sizes to measure (default ${DEFAULT-VALUE}).")
    List<Integer> workers;
    @Option(names = "--json", description = "Print one JSON object last.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("huracan-bench-retrain");
        List<Coin> universe = new ArrayList<>();
        for (int i = 0; i < coins; i++) {
            universe.add(Coin.of("C" + i));
        }
        BenchProgress.phase("retrain", "writing " + coins + " coins x " + 4 * rowsPerRegime + " rows");
        try (MarketDataStore data = ParquetStores.open(ParquetStoreSettings.of(dir.resolve("data"), "zstd"))) {
            write(data, universe);
            var window = new TrainingWindow(START, START.plus(STEP.multipliedBy(4L * rowsPerRegime + 1)));
            var settings = new RetrainingSettings(List.of(Feature.values()), STEP, 0.01, 4, 3.0, 100, ExchangeId.PAPER,
                    new FeeSchedule("default", 2, 5, 0), true, RegimeThresholds.DEFAULTS);
            BenchReport report = null;
            for (int pool : workers) {
                BenchProgress.phase("retrain", "running " + coins * 4 + " jobs on " + pool + " workers");
                ModelStore models = Guice.createInjector(new FileModelStoreModule(
                        new FileModelStoreConfig(dir.resolve("registry-" + pool)))).getInstance(ModelStore.class);
                var clock = new SystemEngineClock();
                var runner = new RetrainingJobRunner(data, new CommonsMathRidgeRegression(), models,
                        new ModelRegistry(models, new PromotionRules(3, 50, 0.5, 0.5), clock), clock, settings);
                var jobs = RetrainingBatch.jobs("bench-" + pool, List.of(Regime.values()),
                        universe.stream().<Set<Coin>>map(Set::of).toList(), window, RetrainingTrigger.MANUAL);
                var latency = new Histogram(3);
                long started = System.nanoTime();
                List<RetrainingBatch.Finished> finished;
                try (var executor = new LocalRetrainingExecutor(job -> {
                    long t0 = System.nanoTime();
                    var result = runner.run(job);
                    synchronized (latency) {
                        latency.recordValue(System.nanoTime() - t0);
                    }
                    return result;
                }, pool, new JsonJobStateStore(dir.resolve("jobs-" + pool + ".json")), clock)) {
                    finished = RetrainingBatch.run(executor, jobs, done -> { });
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                long failed = finished.stream().filter(f -> f.result().isEmpty()).count();
                long registered = models.find(ModelQuery.ALL).size();
                double jobsPerMinute = jobs.size() * 60 / seconds;
                if (report == null) {
                    report = new BenchReport("retrain", jobs.size() / seconds).latency(latency)
                            .put("coins", coins).put("jobs", jobs.size()).put("rows_per_coin", 4L * rowsPerRegime);
                }
                report.put("jobs_per_min_" + pool + "_workers", Math.round(jobsPerMinute))
                        .put("seconds_" + pool + "_workers", Math.round(seconds * 10) / 10.0)
                        .put("registered_" + pool + "_workers", registered)
                        .put("failed_" + pool + "_workers", failed);
            }
            report.print(System.out, json);
        } finally {
            deleteTree(dir);
        }
        return 0;
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Writes each coin's day: rows cycle ranging, trending up, trending down, high volatility; one row a minute. */
    private void write(MarketDataStore data, List<Coin> universe) {
        var random = new Random(42);
        Regime[] order = {Regime.RANGING, Regime.TRENDING_UP, Regime.TRENDING_DOWN, Regime.HIGH_VOLATILITY};
        try (DatasetWriter<FeatureVector> features = data.writer(Dataset.FEATURES);
             DatasetWriter<BookTop> tops = data.writer(Dataset.BOOK_TOPS)) {
            for (Coin coin : universe) {
                double mid = 100;
                long t = START.getEpochSecond() * 1_000_000L;
                for (int i = 0; i <= 4 * rowsPerRegime; i++) {
                    Regime regime = order[Math.min(3, i / rowsPerRegime)];
                    double[] values = new double[Feature.COUNT];
                    values[Feature.RETURN_10S.ordinal()] = random.nextGaussian() * 5;
                    values[Feature.RETURN_1M.ordinal()] = random.nextGaussian() * 20;
                    values[Feature.RETURN_5M.ordinal()] = random.nextGaussian() * 30;
                    values[Feature.RETURN_15M.ordinal()] = switch (regime) {
                        case TRENDING_UP -> 120;
                        case TRENDING_DOWN -> -120;
                        default -> (random.nextDouble() * 2 - 1) * 20;
                    };
                    values[Feature.REALISED_VOL_1M.ordinal()] = 10 + random.nextDouble() * 5;
                    values[Feature.REALISED_VOL_15M.ordinal()] = regime == Regime.HIGH_VOLATILITY ? 200 : 50;
                    values[Feature.SPREAD_BPS.ordinal()] = 2;
                    values[Feature.BOOK_IMBALANCE.ordinal()] = random.nextDouble() * 2 - 1;
                    values[Feature.TRADE_FLOW_1M.ordinal()] = random.nextDouble() * 2 - 1;
                    features.write(new FeatureVector(coin, t, values));
                    double half = mid / 10_000;
                    tops.write(new BookTop(coin, ExchangeId.PAPER, t, mid - half, 1, mid + half, 1));
                    double move = 2 + 0.5 * values[Feature.RETURN_1M.ordinal()] - 30 * values[Feature.BOOK_IMBALANCE.ordinal()]
                            + random.nextGaussian() * 5;
                    mid *= Math.exp(move / 10_000);
                    t += STEP.toNanos() / 1_000;
                }
            }
        }
    }
}
