package io.huracan.adapter.redisson;

import io.huracan.ports.market.Coin;
import io.huracan.ports.market.Regime;
import io.huracan.ports.registry.TrainingWindow;
import io.huracan.ports.retraining.JobState;
import io.huracan.ports.retraining.JobStatus;
import io.huracan.ports.retraining.RetrainingExecutor;
import io.huracan.ports.retraining.RetrainingJob;
import io.huracan.ports.retraining.RetrainingResult;
import io.huracan.ports.retraining.RetrainingTrigger;
import io.huracan.ports.retraining.RetrainingWorker;
import io.huracan.ports.retraining.WorkerDirectory;
import io.huracan.ports.retraining.WorkerStatus;
import io.huracan.testkit.net.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.huracan.adapter.redisson.RetrainingCluster.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedissonRetrainingExecutorTest {
    private static final Instant T = Instant.parse("2026-03-02T00:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final RetrainingCluster cluster = new RetrainingCluster();

    @AfterEach
    void cleanUp() {
        cluster.close();
    }

    @Test
    void jobsRunOnAWorkerAndTheirStatesAreInRedis() throws Exception {
        var work = new RecordingWork();
        cluster.worker("w1", Set.of(), work);
        RetrainingExecutor executor = cluster.submitter();

        List<RetrainingJob> jobs = List.of(job("a", "BTC", Set.of()), job("b", "ETH", Set.of()), job("c", "SOL", Set.of()));
        List<CompletableFuture<RetrainingResult>> futures = jobs.stream().map(executor::submit).toList();

        for (int i = 0; i < jobs.size(); i++) {
            RetrainingResult result = futures.get(i).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(result.jobId()).isEqualTo(jobs.get(i).id());
            assertThat(result.outcome()).isEqualTo(RetrainingResult.Outcome.PROMOTED);
            JobStatus status = executor.status(jobs.get(i).id()).orElseThrow();
            assertThat(status.state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(status.job()).isEqualTo(jobs.get(i));
            assertThat(status.result()).contains(result);
        }
        assertThat(executor.jobs()).extracting(s -> s.job().id()).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(work.finished).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(cluster.jobHash("a")).containsEntry("worker", "w1").containsEntry("attempts", "1")
                .containsEntry("state", "succeeded").containsEntry("coins", "BTC");
    }

    @Test
    void aLiveWorkerIsListedWithItsTagsUntilItStops() {
        RetrainingWorker worker = cluster.worker("gpu-box", Set.of("gpu", "cpu"), new RecordingWork());
        WorkerDirectory directory = cluster.member(job -> null, Set.of(), "reader").getInstance(WorkerDirectory.class);

        List<WorkerStatus> live = directory.live();
        assertThat(live).extracting(WorkerStatus::id).containsExactly("gpu-box");
        assertThat(live.get(0).tags()).containsExactlyInAnyOrder("cpu", "gpu");
        assertThat(live.get(0).capacity()).isEqualTo(2);
        assertThat(live.get(0).accepts(Set.of("gpu"))).isTrue();

        worker.stop(Duration.ZERO);
        assertThat(directory.live()).isEmpty();
    }

    @Test
    void aJobForABusyKeyJoinsTheJobWorkingOnIt() throws Exception {
        var work = new RecordingWork(1);
        cluster.worker("w1", Set.of(), work);
        RetrainingExecutor executor = cluster.submitter();

        CompletableFuture<RetrainingResult> first = executor.submit(job("first", "BTC", Set.of()));
        eventually(WAIT, () -> work.started.contains("first"), "the first job runs");
        CompletableFuture<RetrainingResult> second = executor.submit(job("second", "BTC", Set.of()));
        work.open();

        assertThat(first.get(WAIT.toSeconds(), TimeUnit.SECONDS).jobId()).isEqualTo("first");
        assertThat(second.get(WAIT.toSeconds(), TimeUnit.SECONDS).jobId()).isEqualTo("first");
        assertThat(executor.status("second")).isEmpty();
        assertThat(work.started).containsExactly("first");
        // the key is free again once its job finished
        assertThat(executor.submit(job("third", "BTC", Set.of())).get(WAIT.toSeconds(), TimeUnit.SECONDS).jobId())
                .isEqualTo("third");
    }

    @Test
    void aGpuJobWaitsForAGpuWorkerWhileUntaggedJobsRun() throws Exception {
        var cpuWork = new RecordingWork();
        cluster.worker("cpu-1", Set.of("cpu"), cpuWork);
        RetrainingExecutor executor = cluster.submitter();

        CompletableFuture<RetrainingResult> gpuJob = executor.submit(job("g", "BTC", Set.of("gpu")));
        CompletableFuture<RetrainingResult> anyJob = executor.submit(job("u", "ETH", Set.of()));
        CompletableFuture<RetrainingResult> cpuJob = executor.submit(job("c", "SOL", Set.of("cpu")));
        anyJob.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        cpuJob.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        Thread.sleep(1_500);
        assertThat(gpuJob).isNotDone();
        assertThat(executor.status("g").orElseThrow().state()).isEqualTo(JobState.QUEUED);

        var gpuWork = new RecordingWork();
        cluster.worker("gpu-1", Set.of("gpu"), gpuWork);

        assertThat(gpuJob.get(WAIT.toSeconds(), TimeUnit.SECONDS).jobId()).isEqualTo("g");
        assertThat(gpuWork.started).containsExactly("g");
        assertThat(cpuWork.started).containsExactlyInAnyOrder("u", "c");
        assertThat(cluster.jobHash("g")).containsEntry("worker", "gpu-1").containsEntry("tags", "gpu");
    }

    @Test
    void aFailingJobFailsWithTheFirstLineOfItsErrorAndFreesItsKey() throws Exception {
        cluster.worker("w1", Set.of(), new RecordingWork());
        RetrainingExecutor executor = cluster.submitter();

        CompletableFuture<RetrainingResult> failing = executor.submit(job("fail-1", "BTC", Set.of()));

        assertThatThrownBy(() -> failing.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().hasMessage("no rows for ranging/BTC");
        JobStatus status = executor.status("fail-1").orElseThrow();
        assertThat(status.state()).isEqualTo(JobState.FAILED);
        assertThat(status.error()).isEqualTo("no rows for ranging/BTC");
        assertThat(executor.submit(job("retry-1", "BTC", Set.of())).get(WAIT.toSeconds(), TimeUnit.SECONDS).jobId())
                .isEqualTo("retry-1");
        // a finished id is answered from its state, not run again
        assertThatThrownBy(() -> executor.submit(job("fail-1", "ETH", Set.of())).get(WAIT.toSeconds(), TimeUnit.SECONDS))
                .cause().hasMessage("no rows for ranging/BTC");
    }

    @Test
    void aStoppingWorkerHandsBackTheJobItCouldNotFinishAndAnotherWorkerRunsIt() throws Exception {
        var slow = new RecordingWork(1);
        RetrainingWorker first = cluster.worker("first", Set.of(), slow);
        RetrainingExecutor executor = cluster.submitter();
        CompletableFuture<RetrainingResult> future = executor.submit(job("long", "BTC", Set.of()));
        eventually(WAIT, () -> slow.started.contains("long"), "the first worker runs the job");

        assertThat(first.stop(Duration.ofMillis(200))).containsExactly("long");
        assertThat(executor.status("long").orElseThrow().state()).isEqualTo(JobState.QUEUED);
        var fast = new RecordingWork();
        cluster.worker("second", Set.of(), fast);

        assertThat(future.get(WAIT.toSeconds(), TimeUnit.SECONDS).jobId()).isEqualTo("long");
        slow.open();
        assertThat(fast.finished).containsExactly("long");
        assertThat(cluster.jobHash("long")).containsEntry("worker", "second").containsEntry("attempts", "2")
                .containsEntry("state", "succeeded");
    }

    @Test
    void aFinishWhoseMessageWasMissedStillCompletesItsFuture() throws Exception {
        RetrainingExecutor executor = cluster.submitter();
        RetrainingJob job = job("quiet", "BTC", Set.of());
        CompletableFuture<RetrainingResult> future = executor.submit(job);
        var result = RetrainingResult.skipped("quiet", 3, "too few rows");

        // written without the P:done message a worker's finish sends
        var connection = new RedissonConnection(cluster.config);
        try {
            new RedisJobStateStore(connection).save(List.of(JobStatus.queued(job, T).succeeded(result, T)));
        } finally {
            connection.close();
        }

        assertThat(future.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(result);
    }

    @Test
    void anUnreachableRedisIsOneLineNamingTheUri() {
        String uri = "redis://127.0.0.1:" + FreePorts.loopback();
        var config = new RedissonRetrainingConfig(uri, "huracan-test-absent", Duration.ofSeconds(2), Duration.ofSeconds(2));
        RetrainingExecutor executor = com.google.inject.Guice.createInjector(
                new RedissonRetrainingModule(config, new RetrainingWorkerConfig(Set.of(), 1, "")),
                binder -> binder.bind(io.huracan.ports.retraining.RetrainingWork.class).toInstance(job -> null))
                .getInstance(RetrainingExecutor.class);

        assertThatThrownBy(() -> executor.submit(job("x", "BTC", Set.of()))).isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("java.io.IOException: retraining redis at " + uri + ": cannot connect: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private static RetrainingJob job(String id, String coin, Set<String> tags) {
        return new RetrainingJob(id, Regime.RANGING, new TreeSet<>(Set.of(Coin.of(coin))),
                new TrainingWindow(T.minusSeconds(86_400), T), tags, RetrainingTrigger.MANUAL);
    }
}
