package io.huracan.bootstrap.cli;

import com.google.inject.Guice;
import io.huracan.bootstrap.SystemEngineClock;
import io.huracan.bootstrap.config.EngineConfig;
import io.huracan.bootstrap.retraining.CommonsMathRidgeRegression;
import io.huracan.bootstrap.retraining.JsonJobStateStore;
import io.huracan.bootstrap.retraining.RetrainingBatch;
import io.huracan.bootstrap.retraining.RetrainingSetup;
import io.huracan.bootstrap.wiring.AdapterSelection;
import io.huracan.domain.registry.ModelRegistry;
import io.huracan.domain.retraining.LocalRetrainingExecutor;
import io.huracan.domain.retraining.RetrainingJobRunner;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.Regime;
import io.huracan.ports.registry.ModelStore;
import io.huracan.ports.registry.ModelStoreException;
import io.huracan.ports.registry.TrainingWindow;
import io.huracan.ports.retraining.RetrainingResult;
import io.huracan.ports.retraining.RetrainingTrigger;
import io.huracan.ports.storage.MarketDataStore;
import io.huracan.ports.storage.StorageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.Callable;

/**
 * {@code huracan retrain}: retrains models on the stored features now, on the local executor
 * ({@code engine.retraining.max_parallel} jobs at once), one job per regime and coin (or per regime over all the
 * coins with {@code --pooled}), and prints what was registered and promoted. Exit 0 when every job finished
 * (registered, refused or skipped for lack of rows), 1 when any failed, 2 on bad usage.
 */
@Command(name = "retrain", mixinStandardHelpOptions = true,
        description = "Fit, evaluate walk-forward after costs, register and promote linear models from stored features.")
final class RetrainCommand implements Callable<Integer> {
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
    @Option(names = "--venue", paramLabel = "EXCHANGE", defaultValue = "paper",
            description = "Whose book tops give forward returns and spreads, and whose fees cost the trades (default ${DEFAULT-VALUE}).")
    String venue;
    @Option(names = "--state-file", paramLabel = "FILE", defaultValue = "var/retraining/jobs.json",
            description = "Where job states are kept (default ${DEFAULT-VALUE}); unfinished jobs in it run again.")
    Path stateFile;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        EngineConfig engine = config.load();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (MarketDataStore data = AdapterSelection.marketDataStore(engine.storage())) {
            ModelStore models = Guice.createInjector(AdapterSelection.registry(engine.registry(), System.getenv()))
                    .getInstance(ModelStore.class);
            var clock = new SystemEngineClock();
            var settings = RetrainingSetup.settings(engine, exchange(), RetrainingSetup.DEFAULT_RIDGE_LAMBDA,
                    RetrainingSetup.DEFAULT_FOLDS, RetrainingSetup.DEFAULT_MIN_ROWS);
            var runner = new RetrainingJobRunner(data, new CommonsMathRidgeRegression(), models,
                    new ModelRegistry(models, engine.registry().promotion(), clock), clock, settings);
            SortedSet<Coin> chosen = chosenCoins(data);
            Instant end = windowEnd(data);
            var window = new TrainingWindow(end.minus(lookback), end);
            List<Set<Coin>> coinSets = pooled ? List.of(chosen) : chosen.stream().<Set<Coin>>map(Set::of).toList();
            var jobs = RetrainingBatch.jobs("manual-" + clock.epochMicros() / 1_000,
                    regimes.isEmpty() ? List.of(Regime.values()) : regimes, coinSets, window, RetrainingTrigger.MANUAL);
            boolean terminal = System.console() != null;
            List<RetrainingBatch.Finished> finished;
            try (var executor = new LocalRetrainingExecutor(runner, engine.retraining().maxParallel(),
                    new JsonJobStateStore(stateFile), clock)) {
                finished = RetrainingBatch.run(executor, jobs, done -> {
                    if (terminal) {
                        err.print("\rretrain: " + done + "/" + jobs.size() + " jobs done");
                        err.flush();
                    }
                });
            }
            if (terminal) {
                err.println();
            }
            return summary(out, err, finished, window);
        } catch (IllegalArgumentException e) {
            err.println("huracan retrain: " + e.getMessage());
            return HuracanCli.EXIT_USAGE;
        } catch (StorageException | ModelStoreException | java.io.UncheckedIOException e) {
            err.println("huracan retrain: " + e.getMessage());
            return HuracanCli.EXIT_FAILURE;
        }
    }

    private int summary(PrintWriter out, PrintWriter err, List<RetrainingBatch.Finished> finished, TrainingWindow window) {
        out.printf(Locale.ROOT, "window %s .. %s%n", window.from(), window.to());
        out.printf(Locale.ROOT, "%-34s %-10s %-28s %7s %7s %9s  %s%n", "job", "outcome", "model", "sharpe", "trades",
                "edge_bps", "reason");
        int promoted = 0;
        int registered = 0;
        int skipped = 0;
        int failed = 0;
        for (RetrainingBatch.Finished one : finished) {
            String key = one.job().key();
            if (one.result().isEmpty()) {
                failed++;
                out.printf(Locale.ROOT, "%-34s %-10s %-28s %7s %7s %9s  %s%n", key, "failed", "-", "-", "-", "-", one.error());
                continue;
            }
            RetrainingResult result = one.result().get();
            switch (result.outcome()) {
                case PROMOTED -> promoted++;
                case REGISTERED -> registered++;
                case SKIPPED -> skipped++;
            }
            out.printf(Locale.ROOT, "%-34s %-10s %-28s %7s %7s %9s  %s%n", key,
                    result.outcome().name().toLowerCase(Locale.ROOT),
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

    private ExchangeId exchange() {
        try {
            return ExchangeId.fromKey(venue);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--venue '" + venue + "' is unknown; allowed: "
                    + ExchangeId.allowedKeys());
        }
    }

    private SortedSet<Coin> chosenCoins(MarketDataStore data) {
        SortedSet<Coin> stored = RetrainingBatch.storedCoins(data);
        if (coins.isEmpty()) {
            if (stored.isEmpty()) {
                throw new IllegalArgumentException("the store at engine.storage.root holds no features; import or record some first");
            }
            return stored;
        }
        var chosen = new java.util.TreeSet<Coin>();
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
