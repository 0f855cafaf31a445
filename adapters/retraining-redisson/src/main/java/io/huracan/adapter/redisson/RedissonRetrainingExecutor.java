package io.huracan.adapter.redisson;

import io.huracan.ports.retraining.JobState;
import io.huracan.ports.retraining.JobStatus;
import io.huracan.ports.retraining.RetrainingExecutor;
import io.huracan.ports.retraining.RetrainingJob;
import io.huracan.ports.retraining.RetrainingResult;
import jakarta.inject.Inject;
import org.redisson.api.RTopic;
import org.redisson.client.codec.StringCodec;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The submitting side of distributed retraining: a job is claimed in Redis (its key taken, its state written as
 * queued, in one script), then queued on the Redisson executor of its required tags, where a worker with those tags
 * takes it. Futures complete from the job states in Redis (the source of truth, which {@code huracan retrain --jobs}
 * also reads), woken by the {@code P:done} topic and checked every second in case a message was missed; so a job
 * that outlives this process, or that another worker finished after the first one died, still completes here.
 *
 * <p>One job per key across the cluster: submitting a job whose key another job holds joins that job. A claim whose
 * job never reached Redisson's queue (its submitter died between the two steps) is taken over after
 * {@link #STALE_CLAIM}. {@link #close} stops watching; the jobs go on on the workers.
 */
final class RedissonRetrainingExecutor implements RetrainingExecutor {
    static final Duration STALE_CLAIM = Duration.ofMinutes(1);
    private static final long CHECK_MILLIS = 1_000;
    private static final int CHECK_CHUNK = 500;

    private final RedissonConnection redis;
    private final RedisJobStateStore states;
    private final TagExecutors executors;
    private final Map<String, CompletableFuture<RetrainingResult>> waiting = new ConcurrentHashMap<>();
    private ScheduledExecutorService watcher;
    private RTopic done;
    private int doneListener;
    private boolean closed;

    @Inject
    RedissonRetrainingExecutor(RedissonConnection redis, RedisJobStateStore states) {
        this.redis = redis;
        this.states = states;
        this.executors = new TagExecutors(redis);
    }

    @Override
    public CompletableFuture<RetrainingResult> submit(RetrainingJob job) {
        watch();
        Instant now = Instant.now();
        RedisJobStateStore.Claim claim = states.claim(job, now, "");
        if (claim instanceof RedisJobStateStore.Claim.Busy busy && !busy.holder().equals(job.id())
                && isStale(busy.holder(), now)) {
            claim = states.claim(job, now, busy.holder());
        }
        if (claim instanceof RedisJobStateStore.Claim.Busy busy) {
            return await(busy.holder());
        }
        if (claim instanceof RedisJobStateStore.Claim.Finished) {
            return await(job.id());
        }
        try {
            executors.of(job.requiredTags()).submit(job.id(), new RetrainingTask(job.id()));
        } catch (RuntimeException e) {
            states.finish(JobStatus.queued(job, now).failed("could not be queued: " + e.getMessage(), Instant.now()));
            throw redis.unreachable("cannot queue job " + job.id(), e);
        }
        return await(job.id());
    }

    @Override
    public Optional<JobStatus> status(String jobId) {
        return states.find(jobId);
    }

    @Override
    public List<JobStatus> jobs() {
        return states.load();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (watcher != null) {
            watcher.shutdownNow();
            done.removeListener(doneListener);
        }
        var stopped = new IllegalStateException("the retraining executor was closed; the job goes on on the workers");
        waiting.values().forEach(future -> future.completeExceptionally(stopped));
        redis.close();
    }

    /** Starts the watcher on first use, so that building the executor does no I/O. */
    private synchronized void watch() {
        if (closed) {
            throw new IllegalStateException("the retraining executor is closed");
        }
        if (watcher != null) {
            return;
        }
        watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "huracan-retrain-watch");
            thread.setDaemon(true);
            return thread;
        });
        try {
            done = redis.client().getTopic(redis.keys().doneTopic(), StringCodec.INSTANCE);
            doneListener = done.addListener(String.class, (channel, jobId) -> {
                if (waiting.containsKey(jobId)) {
                    watcher.execute(() -> check(List.of(jobId)));
                }
            });
        } catch (org.redisson.client.RedisException e) {
            throw redis.unreachable("cannot watch finished jobs", e);
        }
        watcher.scheduleWithFixedDelay(this::checkAll, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private CompletableFuture<RetrainingResult> await(String jobId) {
        CompletableFuture<RetrainingResult> future = waiting.computeIfAbsent(jobId, id -> new CompletableFuture<>());
        watcher.execute(() -> check(List.of(jobId)));
        return future;
    }

    /** The fallback for missed messages: the state word of every awaited job, then the whole state of those done. */
    private void checkAll() {
        List<String> ids = new ArrayList<>(waiting.keySet());
        for (int from = 0; from < ids.size(); from += CHECK_CHUNK) {
            Map<String, String> words;
            try {
                words = states.stateWords(ids.subList(from, Math.min(ids.size(), from + CHECK_CHUNK)));
            } catch (RuntimeException e) {
                return;  // Redis unreachable for now: the next check tries again
            }
            List<String> done = words.entrySet().stream()
                    .filter(word -> word.getValue() == null || JobState.valueOf(word.getValue().toUpperCase(
                            java.util.Locale.ROOT)).finished())
                    .map(Map.Entry::getKey).toList();
            if (!done.isEmpty()) {
                check(done);
            }
        }
    }

    private void check(List<String> ids) {
        Map<String, JobStatus> read;
        try {
            read = states.read(ids);
        } catch (RuntimeException e) {
            return;  // Redis unreachable for now: the next check tries again
        }
        for (String id : ids) {
            JobStatus status = read.get(id);
            if (status == null) {
                complete(id, null, "job " + id + " is no longer in Redis (deleted, or trimmed past "
                        + RedisJobStateStore.KEPT_FINISHED + " finished jobs)");
            } else if (status.state() == JobState.SUCCEEDED) {
                complete(id, status.result().orElseThrow(), null);
            } else if (status.state() == JobState.FAILED) {
                complete(id, null, status.error());
            }
        }
    }

    private void complete(String jobId, RetrainingResult result, String error) {
        CompletableFuture<RetrainingResult> future = waiting.remove(jobId);
        if (future == null) {
            return;
        }
        if (error == null) {
            future.complete(result);
        } else {
            future.completeExceptionally(new IllegalStateException(error));
        }
    }

    /** True when {@code holder}'s claim on its key is dead: it finished or vanished, or never reached the queue. */
    private boolean isStale(String holder, Instant now) {
        Optional<JobStatus> status = states.find(holder);
        if (status.isEmpty() || status.get().state().finished()) {
            return true;
        }
        return status.get().state() == JobState.QUEUED && status.get().updated().isBefore(now.minus(STALE_CLAIM))
                && !executors.of(status.get().job().requiredTags()).hasTask(holder);
    }
}
