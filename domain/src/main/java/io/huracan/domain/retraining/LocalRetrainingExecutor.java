package io.huracan.domain.retraining;

import io.huracan.ports.retraining.JobState;
import io.huracan.ports.retraining.JobStateStore;
import io.huracan.ports.retraining.JobStatus;
import io.huracan.ports.retraining.RetrainingExecutor;
import io.huracan.ports.retraining.RetrainingJob;
import io.huracan.ports.retraining.RetrainingResult;
import io.huracan.ports.retraining.RetrainingWork;
import io.huracan.ports.time.EngineClock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The embedded executor: a pool of {@code maxParallel} threads in this process. One job per key at a time (a second
 * submission for a busy key joins the first). Every state change is saved to the {@link JobStateStore}; jobs that
 * a previous process left queued or running are run again when the executor starts (the job runner is idempotent
 * on the job id, so a job that had already registered its model does not register a second one). The saved list
 * keeps every unfinished job and the latest {@link #KEPT_FINISHED} finished ones.
 */
public final class LocalRetrainingExecutor implements RetrainingExecutor {
    static final int KEPT_FINISHED = 200;

    private final RetrainingWork work;
    private final JobStateStore stateStore;
    private final EngineClock clock;
    private final ExecutorService pool;
    private final Map<String, JobStatus> statuses = new LinkedHashMap<>();
    private final Map<String, CompletableFuture<RetrainingResult>> busyKeys = new HashMap<>();
    private final Map<String, String> busyJobIdByKey = new HashMap<>();

    public LocalRetrainingExecutor(RetrainingWork work, int maxParallel, JobStateStore stateStore, EngineClock clock) {
        if (maxParallel < 1) {
            throw new IllegalArgumentException("max_parallel " + maxParallel + " is invalid; allowed: an integer >= 1");
        }
        this.work = work;
        this.stateStore = stateStore;
        this.clock = clock;
        var threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(maxParallel, runnable -> {
            var thread = new Thread(runnable, "huracan-retrain-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        List<RetrainingJob> unfinished = new ArrayList<>();
        for (JobStatus saved : stateStore.load()) {
            statuses.put(saved.job().id(), saved);
            if (!saved.state().finished()) {
                unfinished.add(saved.job());
            }
        }
        unfinished.forEach(this::requeue);
    }

    @Override
    public synchronized CompletableFuture<RetrainingResult> submit(RetrainingJob job) {
        CompletableFuture<RetrainingResult> busy = busyKeys.get(job.key());
        if (busy != null) {
            return busy;
        }
        JobStatus known = statuses.get(job.id());
        if (known != null && known.state().finished()) {
            return known.result().map(CompletableFuture::completedFuture)
                    .orElseGet(() -> CompletableFuture.failedFuture(new IllegalStateException(known.error())));
        }
        return requeue(job);
    }

    /** The id of the job running or queued under {@code key}, if any. */
    public synchronized Optional<String> busyJob(String key) {
        return Optional.ofNullable(busyJobIdByKey.get(key));
    }

    private synchronized CompletableFuture<RetrainingResult> requeue(RetrainingJob job) {
        var future = new CompletableFuture<RetrainingResult>();
        busyKeys.put(job.key(), future);
        busyJobIdByKey.put(job.key(), job.id());
        record(JobStatus.queued(job, now()));
        pool.execute(() -> run(job, future));
        return future;
    }

    private void run(RetrainingJob job, CompletableFuture<RetrainingResult> future) {
        synchronized (this) {
            record(statuses.get(job.id()).running(now()));
        }
        RetrainingResult result;
        try {
            result = work.run(job);
        } catch (RuntimeException | Error e) {
            finish(job, status -> status.failed(String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString()), now()));
            future.completeExceptionally(e);
            return;
        }
        finish(job, status -> status.succeeded(result, now()));
        future.complete(result);
    }

    private synchronized void finish(RetrainingJob job, java.util.function.UnaryOperator<JobStatus> change) {
        record(change.apply(statuses.get(job.id())));
        busyKeys.remove(job.key());
        busyJobIdByKey.remove(job.key());
    }

    private void record(JobStatus status) {
        statuses.remove(status.job().id());
        statuses.put(status.job().id(), status);
        long finished = statuses.values().stream().filter(s -> s.state().finished()).count();
        for (Iterator<JobStatus> it = statuses.values().iterator(); finished > KEPT_FINISHED && it.hasNext(); ) {
            if (it.next().state().finished()) {
                it.remove();
                finished--;
            }
        }
        stateStore.save(List.copyOf(statuses.values()));
    }

    @Override
    public synchronized Optional<JobStatus> status(String jobId) {
        return Optional.ofNullable(statuses.get(jobId));
    }

    @Override
    public synchronized List<JobStatus> jobs() {
        return List.copyOf(statuses.values());
    }

    /** Jobs in a state, for progress lines. */
    public synchronized long count(JobState state) {
        return statuses.values().stream().filter(s -> s.state() == state).count();
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            pool.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Instant now() {
        long micros = clock.epochMicros();
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
