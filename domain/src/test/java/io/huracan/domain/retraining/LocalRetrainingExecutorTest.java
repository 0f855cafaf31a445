package io.huracan.domain.retraining;

import io.huracan.ports.market.Coin;
import io.huracan.ports.market.Regime;
import io.huracan.ports.registry.TrainingWindow;
import io.huracan.ports.retraining.JobState;
import io.huracan.ports.retraining.JobStateStore;
import io.huracan.ports.retraining.JobStatus;
import io.huracan.ports.retraining.RetrainingJob;
import io.huracan.ports.retraining.RetrainingResult;
import io.huracan.ports.retraining.RetrainingTrigger;
import io.huracan.testkit.time.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class LocalRetrainingExecutorTest {
    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
    private final ManualClock clock = ManualClock.at(T0);
    private final SavedStates saved = new SavedStates();

    @Test
    void aSecondJobForABusyKeyJoinsTheFirstInsteadOfRunning() throws Exception {
        var release = new CountDownLatch(1);
        var runs = new AtomicInteger();
        try (var executor = new LocalRetrainingExecutor(job -> {
            runs.incrementAndGet();
            await(release);
            return RetrainingResult.skipped(job.id(), 0, "test");
        }, 2, saved, clock)) {
            CompletableFuture<RetrainingResult> first = executor.submit(job("a", Regime.RANGING, "BTC"));
            CompletableFuture<RetrainingResult> second = executor.submit(job("b", Regime.RANGING, "BTC"));
            CompletableFuture<RetrainingResult> other = executor.submit(job("c", Regime.TRENDING_UP, "BTC"));

            assertThat(second).isSameAs(first);
            assertThat(other).isNotSameAs(first);
            assertThat(executor.busyJob("ranging/BTC")).contains("a");
            release.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS).jobId()).isEqualTo("a");
            other.get(5, TimeUnit.SECONDS);
            assertThat(runs).hasValue(2);
            assertThat(executor.busyJob("ranging/BTC")).isEmpty();
            assertThat(executor.submit(job("d", Regime.RANGING, "BTC")).get(5, TimeUnit.SECONDS).jobId()).isEqualTo("d");
        }
    }

    @Test
    void neverRunsTwoJobsOfOneKeyAtOnceNorMoreThanThePoolAllows() throws Exception {
        var perKey = new ConcurrentHashMap<String, AtomicInteger>();
        var running = new AtomicInteger();
        var worstPerKey = new AtomicInteger();
        var worstOverall = new AtomicInteger();
        var random = new Random(11);
        List<CompletableFuture<RetrainingResult>> futures = new ArrayList<>();
        try (var executor = new LocalRetrainingExecutor(job -> {
            int mine = perKey.computeIfAbsent(job.key(), k -> new AtomicInteger()).incrementAndGet();
            worstPerKey.accumulateAndGet(mine, Math::max);
            worstOverall.accumulateAndGet(running.incrementAndGet(), Math::max);
            sleepMicros(200);
            running.decrementAndGet();
            perKey.get(job.key()).decrementAndGet();
            return RetrainingResult.skipped(job.id(), 0, "test");
        }, 3, saved, clock)) {
            String[] coins = {"AAA", "BBB", "CCC", "DDD", "EEE"};
            for (int i = 0; i < 400; i++) {
                futures.add(executor.submit(job("j" + i, Regime.values()[random.nextInt(2)], coins[random.nextInt(5)])));
            }
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        }
        assertThat(worstPerKey).hasValue(1);
        assertThat(worstOverall.get()).isBetween(1, 3);
    }

    @Test
    void statesArePersistedAndAFailureKeepsItsMessage() throws Exception {
        try (var executor = new LocalRetrainingExecutor(job -> {
            if (job.id().equals("bad")) {
                throw new IllegalStateException("disk full\nat line 2");
            }
            return RetrainingResult.skipped(job.id(), 3, "too few rows");
        }, 1, saved, clock)) {
            executor.submit(job("good", Regime.RANGING, "BTC")).get(5, TimeUnit.SECONDS);
            executor.submit(job("bad", Regime.RANGING, "ETH")).exceptionally(e -> null).get(5, TimeUnit.SECONDS);
        }
        Map<String, JobStatus> byId = saved.byId();
        assertThat(byId.get("good").state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(byId.get("good").result().orElseThrow().reason()).isEqualTo("too few rows");
        assertThat(byId.get("bad").state()).isEqualTo(JobState.FAILED);
        assertThat(byId.get("bad").error()).isEqualTo("disk full");
    }

    @Test
    void jobsAPreviousProcessLeftUnfinishedRunAgainOnStart() throws Exception {
        var interrupted = job("left-running", Regime.RANGING, "BTC");
        var finished = job("done", Regime.RANGING, "ETH");
        saved.save(List.of(JobStatus.queued(interrupted, T0).running(T0),
                JobStatus.queued(finished, T0).succeeded(RetrainingResult.skipped("done", 0, "x"), T0)));
        var ran = new ArrayList<String>();
        var done = new CountDownLatch(1);

        try (var executor = new LocalRetrainingExecutor(job -> {
            synchronized (ran) {
                ran.add(job.id());
            }
            done.countDown();
            return RetrainingResult.skipped(job.id(), 0, "rerun");
        }, 1, saved, clock)) {
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(ran).containsExactly("left-running");
        assertThat(saved.byId().get("left-running").state()).isEqualTo(JobState.SUCCEEDED);
    }

    static RetrainingJob job(String id, Regime regime, String coin) {
        return new RetrainingJob(id, regime, new TreeSet<>(Set.of(Coin.of(coin))),
                new TrainingWindow(T0.minusSeconds(3600), T0), Set.of(), RetrainingTrigger.MANUAL);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepMicros(long micros) {
        long end = System.nanoTime() + micros * 1_000;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    /** The latest saved list, as a file would hold it. */
    static final class SavedStates implements JobStateStore {
        private volatile List<JobStatus> states = List.of();

        @Override
        public List<JobStatus> load() {
            return states;
        }

        @Override
        public void save(List<JobStatus> newStates) {
            states = List.copyOf(newStates);
        }

        Map<String, JobStatus> byId() {
            var byId = new java.util.HashMap<String, JobStatus>();
            states.forEach(status -> byId.put(status.job().id(), status));
            return byId;
        }
    }
}
