package io.huracan.bootstrap.cli;

import com.google.inject.Injector;
import io.huracan.bootstrap.config.ConfigLoader;
import io.huracan.bootstrap.config.ConfigOverride;
import io.huracan.bootstrap.config.EngineConfig;
import io.huracan.bootstrap.config.RetrainingExecutorKind;
import io.huracan.bootstrap.retraining.RetrainingBatch;
import io.huracan.bootstrap.wiring.RetrainingProcess;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.Regime;
import io.huracan.ports.registry.ModelStoreException;
import io.huracan.ports.registry.TrainingWindow;
import io.huracan.ports.retraining.JobStatus;
import io.huracan.ports.retraining.RetrainingExecutor;
import io.huracan.ports.retraining.RetrainingJob;
import io.huracan.ports.retraining.RetrainingResult;
import io.huracan.ports.retraining.RetrainingTrigger;
import io.huracan.ports.retraining.WorkerDirectory;
import io.huracan.ports.retraining.WorkerStatus;
import io.huracan.ports.storage.MarketDataStore;
import io.huracan.ports.storage.StorageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code huracan retrain}: retrains models on the stored features now, one job per regime and coin (or per regime
 * over all the coins with {@code --pooled}), on the configured executor: the local pool
 * ({@code engine.retraining.max_parallel} jobs at once) or, with {@code executor: redisson}, the {@code huracan worker}
 * processes on the configured Redis (it submits and waits). It prints what was registered and promoted. Exit 0 when
 * every job finished (registered, refused or skipped for lack of rows), 1 when any failed, 2 on bad usage.
 * {@code --jobs} lists the executor's job states instead (the state file, or Redis).
 */
@Command(name = "retrain", mixinStandardHelpOptions = true,
        description = "Fit, evaluate walk-forward after costs, register and promote linear models from stored features.")
final class RetrainCommand implements Callable<Integer> {
    private static final String ROW = "%-34s %-10s %-28s %7s %7s %9s  %s%n";

    @Mixin
    ConfigOptions config;
    @Option(names = "--regime", paramLabel = "R", converter = RegistryCommand.RegimeConverter.class,
            description = "Only this regime (repeatable): trending_up, trending_down, ranging, high_volatility. Default: all.")
    List<Regime> regimes = new ArrayList<>();
    @Option(names = "--coins", paramLabel = "SYMBOL", split = ",",
            description = "Only these coins, e.g. BTC,ETH. Default: every coin with stored features.")
    List<String> coins = new ArrayList<>();
    @Option(names = "--pooled", description = "One model per regime over all the coins, instead of one per coin.")
    boolean pooled;
    @Option(names = "--lookback", paramLabel = "DURATION", converter = RunCommand.DurationConverter.class,
            defaultValue = "30d", description = "Training window length, ending at --until (default ${DEFAULT-VALUE}).")
    Duration lookback;
    @Option(names = "--until", paramLabel = "INSTANT",
            description = "End of the window, e.g. 2026-03-05T00:00:00Z. Default: the end of the last stored feature day.")
    String until;
    @Option(names = "--venue", paramLabel = "EXCHANGE",
            description = "Whose book tops give forward returns and spreads, and whose fees cost the trades "
                    + "(engine.retraining.venue).")
    String venue;
    @Option(names = "--tags", paramLabel = "TAG", split = ",",
            description = "The jobs need workers with these tags, e.g. gpu (executor redisson). Default: any worker.")
    List<String> tags = new ArrayList<>();
    @Option(names = "--state-file", paramLabel = "FILE",
            description = "Where the local executor keeps job states (engine.retraining.state_file); unfinished jobs in it run again.")
    Path stateFile;
    @Option(names = "--jobs", description = "List the executor's job states (newest last) and exit.")
    boolean listJobs;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        EngineConfig engine = loadConfig();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RetrainingExecutorKind kind = engine.retraining().executor();
        Injector injector = RetrainingProcess.injector(engine, kind, System.getenv());
        MarketDataStore data = injector.getInstance(MarketDataStore.class);
        RetrainingExecutor executor = null;
        try {
            if (listJobs) {
                executor = injector.getInstance(RetrainingExecutor.class);
                printJobs(out, executor.jobs());
                return 0;
            }
            for (String tag : tags) {
                RetrainingJob.checkTag(tag);
            }
            SortedSet<Coin> chosen = chosenCoins(data);
            Instant end = windowEnd(data);
            var window = new TrainingWindow(end.minus(lookback), end);
            List<Set<Coin>> coinSets = pooled ? List.of(chosen) : chosen.stream().<Set<Coin>>map(Set::of).toList();
            var jobs = RetrainingBatch.jobs("manual-" + System.currentTimeMillis(),
                    regimes.isEmpty() ? List.of(Regime.values()) : regimes, coinSets, window, Set.copyOf(tags),
                    RetrainingTrigger.MANUAL);
            executor = injector.getInstance(RetrainingExecutor.class);
            var progress = new Progress(err, jobs.size(), kind == RetrainingExecutorKind.REDISSON
                    ? injector.getInstance(WorkerDirectory.class) : null);
            if (kind == RetrainingExecutorKind.REDISSON) {
                err.println("retrain: " + jobs.size() + " jobs to the workers at " + engine.retraining().redisson().uri()
                        + " (" + engine.retraining().redisson().keyPrefix() + "): " + progress.describeWorkers(Set.copyOf(tags)));
                err.flush();
            }
            List<RetrainingBatch.Finished> finished = RetrainingBatch.run(executor, jobs, progress::update);
            progress.finish();
            return summary(out, err, finished, window);
        } catch (IllegalArgumentException e) {
            err.println("huracan retrain: " + e.getMessage());
            return HuracanCli.EXIT_USAGE;
        } catch (UncheckedIOException e) {
            err.println("huracan retrain: " + HuracanCli.message(e));
            return HuracanCli.EXIT_FAILURE;
        } catch (StorageException | ModelStoreException e) {
            err.println("huracan retrain: " + e.getMessage());
            return HuracanCli.EXIT_FAILURE;
        } finally {
            if (executor != null) {
                executor.close();
            }
            data.close();
        }
    }

    private EngineConfig loadConfig() {
        List<ConfigOverride> overrides = new ArrayList<>();
        if (venue != null) {
            overrides.add(new ConfigOverride("engine.retraining.venue", venue, "--venue"));
        }
        if (stateFile != null) {
            overrides.add(new ConfigOverride("engine.retraining.state_file", stateFile.toString(), "--state-file"));
        }
        return ConfigLoader.fromSystemEnvironment().load(config.files, overrides);
    }

    /** The progress line on a terminal (quiet in a pipe), with the live workers of a distributed executor. */
    private static final class Progress {
        private final PrintWriter err;
        private final int total;
        private final WorkerDirectory workers;
        private final boolean terminal = System.console() != null;
        private String workersText = "";
        private int updates;

        Progress(PrintWriter err, int total, WorkerDirectory workers) {
            this.err = err;
            this.total = total;
            this.workers = workers;
        }

        void update(int done) {
            if (!terminal) {
                return;
            }
            if (workers != null && updates++ % 10 == 0) {
                List<WorkerStatus> live = workers.live();
                int running = live.stream().mapToInt(worker -> worker.running().size()).sum();
                workersText = ", " + running + " running on " + live.size() + " workers";
            }
            err.print("\rretrain: " + done + "/" + total + " jobs done" + workersText + "   ");
            err.flush();
        }

        void finish() {
            if (terminal) {
                err.println();
            }
        }

        String describeWorkers(Set<String> required) {
            List<WorkerStatus> live = workers.live();
            if (live.stream().noneMatch(worker -> worker.accepts(required))) {
                return "no live worker takes them yet" + (required.isEmpty() ? "" : " (they need tags " + required + ")")
                        + "; they wait until one starts (huracan worker" + (required.isEmpty() ? "" : " --tags "
                        + String.join(",", new TreeSet<>(required))) + ")";
            }
            return live.size() + " live workers: " + live.stream().map(worker -> worker.id()
                    + (worker.tags().isEmpty() ? "" : " [" + String.join(",", new TreeSet<>(worker.tags())) + "]"))
                    .collect(Collectors.joining(", "));
        }
    }

    private static void printJobs(PrintWriter out, List<JobStatus> jobs) {
        out.printf(Locale.ROOT, "%-44s %-9s %-24s %-22s %-10s %s%n", "job", "state", "updated", "key", "outcome",
                "model / error");
        for (JobStatus status : jobs) {
            RetrainingJob job = status.job();
            out.printf(Locale.ROOT, "%-44s %-9s %-24s %-22s %-10s %s%n", job.id(), status.state().key(), status.updated(),
                    job.key(), status.result().map(r -> r.outcome().name().toLowerCase(Locale.ROOT)).orElse("-"),
                    status.result().flatMap(RetrainingResult::model).map(Object::toString).orElse(status.error()));
        }
        out.printf(Locale.ROOT, "%d jobs%n", jobs.size());
        out.flush();
    }

    private int summary(PrintWriter out, PrintWriter err, List<RetrainingBatch.Finished> finished, TrainingWindow window) {
        out.printf(Locale.ROOT, "window %s .. %s%n", window.from(), window.to());
        out.printf(Locale.ROOT, ROW, "job", "outcome", "model", "sharpe", "trades", "edge_bps", "reason");
        int promoted = 0;
        int registered = 0;
        int skipped = 0;
        int failed = 0;
        for (RetrainingBatch.Finished one : finished) {
            String key = one.job().key();
            if (one.result().isEmpty()) {
                failed++;
                out.printf(Locale.ROOT, ROW, key, "failed", "-", "-", "-", "-", one.error());
                continue;
            }
            RetrainingResult result = one.result().get();
            switch (result.outcome()) {
                case PROMOTED -> promoted++;
                case REGISTERED -> registered++;
                case SKIPPED -> skipped++;
            }
            out.printf(Locale.ROOT, ROW, key, result.outcome().name().toLowerCase(Locale.ROOT),
                    result.model().map(Object::toString).orElse("-"),
                    result.metrics().map(m -> String.format(Locale.ROOT, "%.3f", m.sharpe())).orElse("-"),
                    result.metrics().map(m -> Integer.toString(m.tradeCount())).orElse("-"),
                    result.metrics().map(m -> String.format(Locale.ROOT, "%.2f", m.meanEdgeAfterCostBps())).orElse("-"),
                    result.reason());
        }
        out.printf(Locale.ROOT, "%d jobs: %d registered and promoted, %d registered but not promoted, %d skipped, %d failed%n",
                finished.size(), promoted, registered, skipped, failed);
        out.flush();
        if (failed > 0) {
            err.println("huracan retrain: " + failed + " jobs failed");
        }
        return failed > 0 ? HuracanCli.EXIT_FAILURE : 0;
    }

    private SortedSet<Coin> chosenCoins(MarketDataStore data) {
        SortedSet<Coin> stored = RetrainingBatch.storedCoins(data);
        if (coins.isEmpty()) {
            if (stored.isEmpty()) {
                throw new IllegalArgumentException("the store at engine.storage.root holds no features; import or record some first");
            }
            return stored;
        }
        var chosen = new TreeSet<Coin>();
        for (String symbol : coins) {
            Coin coin = Coin.of(symbol.trim().toUpperCase(Locale.ROOT));
            if (!stored.contains(coin)) {
                throw new IllegalArgumentException("--coins " + coin + " has no stored features");
            }
            chosen.add(coin);
        }
        return chosen;
    }

    private Instant windowEnd(MarketDataStore data) {
        if (until != null) {
            try {
                return Instant.parse(until);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--until '" + until + "' is invalid; allowed: an ISO instant, e.g. 2026-03-05T00:00:00Z");
            }
        }
        return RetrainingBatch.endOfStoredFeatures(data).orElseThrow();
    }
}
