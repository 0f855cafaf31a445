package io.huracan.bootstrap.retraining;

import io.huracan.domain.retraining.ModelNames;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.Regime;
import io.huracan.ports.registry.TrainingWindow;
import io.huracan.ports.retraining.RetrainingExecutor;
import io.huracan.ports.retraining.RetrainingJob;
import io.huracan.ports.retraining.RetrainingResult;
import io.huracan.ports.retraining.RetrainingTrigger;
import io.huracan.ports.storage.Dataset;
import io.huracan.ports.storage.MarketDataStore;
import io.huracan.ports.storage.Partition;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;

/**
 * A set of jobs run to the end on an executor, as {@code huracan retrain} and {@code huracan bench retrain} do:
 * every regime times every coin set over one window.
 */
public final class RetrainingBatch {

    /** One job's end: its result, or the error that failed it. */
    public record Finished(RetrainingJob job, Optional<RetrainingResult> result, String error) {
    }

    private RetrainingBatch() {
    }

    /** Jobs for each regime and coin set, with ids {@code <prefix>-<regime>-<coins>}, needing workers with {@code tags}. */
    public static List<RetrainingJob> jobs(String idPrefix, List<Regime> regimes, List<? extends Set<Coin>> coinSets,
                                           TrainingWindow window, Set<String> tags, RetrainingTrigger trigger) {
        List<RetrainingJob> jobs = new ArrayList<>();
        for (Regime regime : regimes) {
            for (Set<Coin> coins : coinSets) {
                var sorted = new TreeSet<>(coins);
                jobs.add(new RetrainingJob(idPrefix + "-" + regime.key() + "-" + ModelNames.coinLabel(sorted), regime,
                        sorted, window, tags, trigger));
            }
        }
        return jobs;
    }

    /** The coins the store holds features for. */
    public static SortedSet<Coin> storedCoins(MarketDataStore store) {
        var coins = new TreeSet<Coin>();
        store.partitions(Dataset.FEATURES).forEach(partition -> coins.add(partition.coin()));
        return coins;
    }

    /** The end of the last stored feature day (midnight UTC after it), or empty when no features are stored. */
    public static Optional<Instant> endOfStoredFeatures(MarketDataStore store) {
        return store.partitions(Dataset.FEATURES).stream().map(Partition::day).max(LocalDate::compareTo)
                .map(day -> day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    /** Submits every job and waits for all of them, calling {@code progress} with the count finished every 200 ms. */
    public static List<Finished> run(RetrainingExecutor executor, List<RetrainingJob> jobs, IntConsumer progress) {
        List<CompletableFuture<RetrainingResult>> futures = jobs.stream().map(executor::submit).toList();
        var all = CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
        while (true) {
            try {
                all.get(200, TimeUnit.MILLISECONDS);
                break;
            } catch (TimeoutException e) {
                progress.accept((int) futures.stream().filter(CompletableFuture::isDone).count());
            } catch (ExecutionException e) {
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        progress.accept((int) futures.stream().filter(CompletableFuture::isDone).count());
        List<Finished> finished = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            try {
                finished.add(new Finished(jobs.get(i), Optional.of(futures.get(i).join()), ""));
            } catch (CompletionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                finished.add(new Finished(jobs.get(i), Optional.empty(), String.valueOf(cause.getMessage())));
            }
        }
        return finished;
    }
}
