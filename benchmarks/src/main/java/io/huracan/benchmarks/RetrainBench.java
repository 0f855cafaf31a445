package io.huracan.benchmarks;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.huracan.adapter.parquet.ParquetStoreSettings;
import io.huracan.adapter.parquet.ParquetStores;
import io.huracan.bootstrap.SystemEngineClock;
import io.huracan.bootstrap.config.ConfigLoader;
import io.huracan.bootstrap.config.EngineConfig;
import io.huracan.bootstrap.config.RetrainingExecutorKind;
import io.huracan.bootstrap.retraining.CommonsMathRidgeRegression;
import io.huracan.bootstrap.retraining.JsonJobStateStore;
import io.huracan.bootstrap.retraining.RetrainingBatch;
import io.huracan.bootstrap.wiring.RetrainingProcess;
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
import io.huracan.ports.retraining.RetrainingExecutor;
import io.huracan.ports.retraining.RetrainingJob;
import io.huracan.ports.retraining.RetrainingTrigger;
import io.huracan.ports.retraining.WorkerDirectory;
import io.huracan.ports.storage.Dataset;
import io.huracan.ports.storage.DatasetWriter;
import io.huracan.ports.storage.MarketDataStore;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * {@code huracan bench retrain}: whole retraining jobs per minute (read features and book tops from Parquet, label,
 * fit and evaluate walk-forward, register and promote in a file registry) for every coin in every regime, with 1 and
 * 2 workers: local pool threads ({@code --executor local}), or {@code huracan worker} processes on Redis running
 * {@code --parallel} jobs each ({@code --executor redisson}; the bench submits and waits as {@code huracan retrain}
 * does). Each coin's stored day cycles through the four regimes (ranging, trending up, trending down, high
 * volatility) with a planted linear relation, so every job has rows to fit.
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
    @Option(names = "--executor", defaultValue = "local",
            description = "local (pool threads) or redisson (worker processes on Redis) (default ${DEFAULT-VALUE}).")
    String executor;
    @Option(names = "--workers", split = ",", defaultValue = "1,2",
            description = "Worker counts to measure: pool threads, or worker processes (default ${DEFAULT-VALUE}).")
    List<Integer> workers;
    @Option(names = "--parallel", defaultValue = "1",
            description = "Jobs each worker process runs at once, with --executor redisson (default ${DEFAULT-VALUE}).")
    int parallel;
    @Option(names = "--redis-uri", description = "Redis for --executor redisson. Default: HURACAN_TEST_REDIS or "
            + "redis://127.0.0.1:6379.")
    String redisUri;
    @Option(names = "--registry", defaultValue = "file",
            description = "file (one directory, every operation under one lock) or postgres (a fresh database on "
                    + "HURACAN_TEST_POSTGRES's server, dropped after) (default ${DEFAULT-VALUE}).")
    String registry;
    @Option(names = "--json", description = "Print one JSON object last.")
    boolean json;
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!executor.equals("local") && !executor.equals("redisson")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--executor " + executor
                    + " is not available; allowed: local or redisson");
        }
        if (!registry.equals("file") && !registry.equals("postgres")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--registry " + registry
                    + " is not available; allowed: file or postgres");
        }
        if (coins < 1 || rowsPerRegime < 1 || parallel < 1 || workers.stream().anyMatch(n -> n < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--coins, --rows-per-regime, --parallel and "
                    + "--workers must all be > 0");
        }
        var scratch = ScratchDirectory.create("huracan-bench-retrain");
        Path dir = scratch.path();
        List<Coin> universe = new ArrayList<>();
        for (int i = 0; i < coins; i++) {
            universe.add(Coin.of("C" + i));
        }
        BenchProgress.phase("retrain", "writing " + coins + " coins x " + 4 * rowsPerRegime + " rows");
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        try {
            try (MarketDataStore data = ParquetStores.open(ParquetStoreSettings.of(dir.resolve("data"), "zstd"))) {
                write(data, universe);
            }
            var window = new TrainingWindow(START, START.plus(STEP.multipliedBy(4L * rowsPerRegime + 1)));
            BenchReport report = null;
            for (int count : workers) {
                var jobs = RetrainingBatch.jobs("bench-" + count, List.of(Regime.values()),
                        universe.stream().<Set<Coin>>map(Set::of).toList(), window, Set.of(), RetrainingTrigger.MANUAL);
                Run run = executor.equals("local") ? local(dir, count, jobs) : redisson(dir, count, jobs);
                double jobsPerMinute = jobs.size() * 60 / run.seconds();
                if (report == null) {
                    report = new BenchReport("retrain", jobs.size() / run.seconds()).put("executor", executor)
                            .put("registry", registry)
                            .put("coins", coins).put("jobs", jobs.size()).put("rows_per_coin", 4L * rowsPerRegime);
                    if (run.latency() != null) {
                        report.latency(run.latency());
                    }
                    if (executor.equals("redisson")) {
                        report.put("parallel_per_worker", parallel);
                    }
                }
                report.put("jobs_per_min_" + count + "_workers", Math.round(jobsPerMinute))
                        .put("seconds_" + count + "_workers", Math.round(run.seconds() * 10) / 10.0)
                        .put("cpu_s_" + count + "_workers", Math.round(run.cpuSeconds() * 10) / 10.0)
                        .put("registered_" + count + "_workers", run.registered())
                        .put("failed_" + count + "_workers", run.failed());
            }
            report.put("load_avg_before", loadBefore)
                    .put("load_avg_after", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            report.print(System.out, json);
        } finally {
            scratch.close();
        }
        return 0;
    }

    /**
     * One measured run: wall time from the first submission to the last result; CPU time of whoever ran the jobs (this
     * process for local, the worker processes for redisson); per-job run time where it is known (local).
     */
    private record Run(double seconds, double cpuSeconds, long registered, long failed, Histogram latency) {
    }

    private Run local(Path dir, int pool, List<RetrainingJob> jobs) throws Exception {
        BenchProgress.phase("retrain", "running " + jobs.size() + " jobs on " + pool + " pool threads");
        try (var registryUnderTest = new BenchRegistry(registry, dir.resolve("registry-" + pool))) {
            return local(dir, pool, jobs, Guice.createInjector(registryUnderTest.module()).getInstance(ModelStore.class));
        }
    }

    private Run local(Path dir, int pool, List<RetrainingJob> jobs, ModelStore models) {
        var settings = new RetrainingSettings(List.of(Feature.values()), STEP, 0.01, 4, 3.0, 100, ExchangeId.PAPER,
                new FeeSchedule("default", 2, 5, 0), true, RegimeThresholds.DEFAULTS);
        var clock = new SystemEngineClock();
        var latency = new Histogram(3);
        try (MarketDataStore data = ParquetStores.open(ParquetStoreSettings.of(dir.resolve("data"), "zstd"))) {
            var runner = new RetrainingJobRunner(data, new CommonsMathRidgeRegression(), models,
                    new ModelRegistry(models, new PromotionRules(3, 50, 0.5, 0.5), clock), clock, settings);
            Duration cpuBefore = processCpu();
            long started = System.nanoTime();
            List<RetrainingBatch.Finished> finished;
            try (var local = new LocalRetrainingExecutor(job -> {
                long t0 = System.nanoTime();
                var result = runner.run(job);
                synchronized (latency) {
                    latency.recordValue(System.nanoTime() - t0);
                }
                return result;
            }, pool, new JsonJobStateStore(dir.resolve("jobs-" + pool + ".json")), clock)) {
                finished = RetrainingBatch.run(local, jobs, done -> { });
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            return new Run(seconds, seconds(processCpu().minus(cpuBefore)), models.find(ModelQuery.ALL).size(),
                    finished.stream().filter(f -> f.result().isEmpty()).count(), latency);
        }
    }

    private Run redisson(Path dir, int count, List<RetrainingJob> jobs) throws Exception {
        String uri = redisUri != null ? redisUri : System.getenv().getOrDefault("HURACAN_TEST_REDIS", "redis://127.0.0.1:6379");
        String prefix = "huracan-bench-" + UUID.randomUUID().toString().substring(0, 8);
        Path config = dir.resolve("cluster-" + count + ".yaml");
        try (var registryUnderTest = new BenchRegistry(registry, dir.resolve("registry-" + count))) {
            Files.writeString(config, """
                    engine:
                      storage: {root: %s}
                      registry: %s
                      strategy: {holding_horizon: 1m}
                      retraining:
                        executor: redisson
                        redisson: {uri: "%s", key_prefix: %s}
                        worker: {shutdown_grace: 10s}
                    """.formatted(dir.resolve("data"), registryUnderTest.yaml(), uri, prefix));
            return redisson(dir, count, jobs, config, uri, prefix);
        }
    }

    private Run redisson(Path dir, int count, List<RetrainingJob> jobs, Path config, String uri, String prefix)
            throws Exception {
        EngineConfig engine = new ConfigLoader(Map.of()).load(List.of(config));
        Injector injector = RetrainingProcess.injector(engine, RetrainingExecutorKind.REDISSON, Map.of());
        BenchProgress.phase("retrain", "starting " + count + " worker processes on " + uri);
        Path logs = Files.createDirectories(dir.resolve("logs-" + count));
        RetrainingExecutor submitter = injector.getInstance(RetrainingExecutor.class);
        try (var processes = new WorkerProcesses(count, config, parallel, logs, "bench-worker-")) {
            WorkerDirectory directory = injector.getInstance(WorkerDirectory.class);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (directory.live().size() < count) {
                processes.checkAlive(logs);
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(count + " workers did not register within 2 minutes; see " + logs);
                }
                Thread.sleep(100);
            }
            BenchProgress.phase("retrain", "running " + jobs.size() + " jobs on " + count + " worker processes");
            Duration cpuBefore = processes.cpu();
            long started = System.nanoTime();
            List<RetrainingBatch.Finished> finished = RetrainingBatch.run(submitter, jobs, done -> { });
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpu = seconds(processes.cpu().minus(cpuBefore));
            return new Run(seconds, cpu, injector.getInstance(ModelStore.class).find(ModelQuery.ALL).size(),
                    finished.stream().filter(f -> f.result().isEmpty()).count(), null);
        } finally {
            submitter.close();
            RedisKeys.delete(uri, "*" + prefix);
        }
    }

    private static Duration processCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
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
