package io.huracan.bootstrap.retraining;

import io.huracan.ports.market.Coin;
import io.huracan.ports.market.Regime;
import io.huracan.ports.registry.ModelKey;
import io.huracan.ports.registry.ModelMetrics;
import io.huracan.ports.registry.TrainingWindow;
import io.huracan.ports.retraining.JobStatus;
import io.huracan.ports.retraining.RetrainingJob;
import io.huracan.ports.retraining.RetrainingResult;
import io.huracan.ports.retraining.RetrainingTrigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class JsonJobStateStoreTest {
    private static final Instant T = Instant.parse("2026-03-02T06:00:00.123456Z");

    @TempDir
    Path dir;

    @Test
    void everyStateReadsBackEqualFromTheFile() throws Exception {
        Path file = dir.resolve("var/retraining/jobs.json");
        var job = new RetrainingJob("schedule-ranging-btc-1", Regime.RANGING, new TreeSet<>(Set.of(Coin.of("BTC"), Coin.of("ETH"))),
                new TrainingWindow(T.minusSeconds(86_400), T), Set.of("gpu"), RetrainingTrigger.SCHEDULE);
        var done = new RetrainingResult(job.id(), RetrainingResult.Outcome.PROMOTED, Optional.of(ModelKey.of("lin-ranging-btc", 3)),
                Optional.of(new ModelMetrics(0.31, 0.45, 0.58, 0.07, 412, 4.25)), 1600, 1280, "best 2 by sharpe");
        var other = new RetrainingJob("manual-1", Regime.TRENDING_UP, new TreeSet<>(Set.of(Coin.of("SOL"))),
                new TrainingWindow(T.minusSeconds(60), T), Set.of(), RetrainingTrigger.MANUAL);
        List<JobStatus> states = List.of(JobStatus.queued(job, T).running(T).succeeded(done, T.plusSeconds(5)),
                JobStatus.queued(other, T).failed("disk full", T), JobStatus.queued(other, T),
                JobStatus.queued(other, T).succeeded(RetrainingResult.skipped("manual-1", 12, "too few rows"), T));

        new JsonJobStateStore(file).save(states);

        assertThat(new JsonJobStateStore(file).load()).isEqualTo(states);
        assertThat(Files.readString(file)).contains("\"training_rows\":1600")
                .contains("\"state\":\"succeeded\"");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aMissingFileHoldsNoJobs() {
        assertThat(new JsonJobStateStore(dir.resolve("absent.json")).load()).isEmpty();
    }
}
