package io.huracan.testkit.retraining;

import io.huracan.ports.market.Coin;
import io.huracan.ports.market.Regime;
import io.huracan.ports.registry.ModelKey;
import io.huracan.ports.registry.ModelMetrics;
import io.huracan.ports.registry.TrainingWindow;
import io.huracan.ports.retraining.JobStateStore;
import io.huracan.ports.retraining.JobStatus;
import io.huracan.ports.retraining.RetrainingJob;
import io.huracan.ports.retraining.RetrainingResult;
import io.huracan.ports.retraining.RetrainingTrigger;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link JobStateStore} must do: keep every state exactly (results, metrics, errors, tags, instants to
 * the microsecond) across instances, in the order saved (the executors save the least recently changed first), and
 * replace what it held on each save.
 */
public abstract class JobStateStoreContract {
    protected static final Instant T = Instant.parse("2026-03-02T06:00:00.123456Z");

    /** A store over this test's storage: every call opens the same storage, empty when the test starts. */
    protected abstract JobStateStore store();

    @Test
    void anEmptyStoreHoldsNoJobs() {
        assertThat(store().load()).isEmpty();
    }

    @Test
    void everyStateReadsBackEqualInAnotherInstance() {
        List<JobStatus> states = variedStates();

        store().save(states);

        assertThat(store().load()).isEqualTo(states);
    }

    @Test
    void aSaveReplacesWhatWasSaved() {
        List<JobStatus> states = variedStates();
        store().save(states);

        List<JobStatus> next = List.of(states.get(3), JobStatus.queued(job("manual-5", Regime.RANGING, Set.of()),
                T.plusSeconds(60)));
        store().save(next);

        assertThat(store().load()).isEqualTo(next);
        store().save(List.of());
        assertThat(store().load()).isEmpty();
    }

    /** Unique ids, each changed later than the one before it. */
    protected static List<JobStatus> variedStates() {
        var pooled = new RetrainingJob("schedule-ranging-btc-1", Regime.RANGING, new TreeSet<>(Set.of(Coin.of("BTC"),
                Coin.of("ETH"))), new TrainingWindow(T.minusSeconds(86_400), T), Set.of("gpu", "cpu"),
                RetrainingTrigger.SCHEDULE);
        var promoted = new RetrainingResult(pooled.id(), RetrainingResult.Outcome.PROMOTED,
                Optional.of(ModelKey.of("lin-ranging-btc", 3)), Optional.of(new ModelMetrics(0.31, 0.45, 0.58, 0.07, 412,
                4.25)), 1600, 1280, "best 2 by sharpe");
        return List.of(JobStatus.queued(pooled, T).running(T).succeeded(promoted, T.plusSeconds(1)),
                JobStatus.queued(job("manual-2", Regime.TRENDING_UP, Set.of()), T).failed("disk full", T.plusSeconds(2)),
                JobStatus.queued(job("manual-3", Regime.HIGH_VOLATILITY, Set.of()), T.plusSeconds(3)),
                JobStatus.queued(job("manual-4", Regime.TRENDING_DOWN, Set.of()), T).running(T.plusSeconds(4)),
                JobStatus.queued(job("manual-6", Regime.RANGING, Set.of()), T)
                        .succeeded(RetrainingResult.skipped("manual-6", 12, "too few rows"), T.plusSeconds(5)));
    }

    private static RetrainingJob job(String id, Regime regime, Set<String> tags) {
        return new RetrainingJob(id, regime, new TreeSet<>(Set.of(Coin.of("SOL"))),
                new TrainingWindow(T.minusSeconds(60), T), tags, RetrainingTrigger.MANUAL);
    }
}
