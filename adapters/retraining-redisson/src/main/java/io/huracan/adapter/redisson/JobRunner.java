package io.huracan.adapter.redisson;

import io.huracan.ports.retraining.JobState;
import io.huracan.ports.retraining.JobStatus;
import io.huracan.ports.retraining.RetrainingJob;
import io.huracan.ports.retraining.RetrainingResult;
import io.huracan.ports.retraining.RetrainingWork;
import io.huracan.ports.retraining.RetrainingWorker;
import org.redisson.api.RLock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs one job on a worker: takes the job key's lock (so a job handed on while its first worker still runs waits,
 * and then finds it finished), marks it running, runs the work, records the result and frees the key. The work is
 * idempotent on the job id (a run that finds the version it registered earlier does not register another), so the
 * lock plus the work make every result registered once. A failure of the work fails the job; a failure to reach
 * Redis leaves the task unfinished, so Redisson hands it out again after {@code task_retry_interval}.
 */
final class JobRunner {
    /** Tasks a worker binds its runner to once Redisson has decoded them. */
    interface Bound {
        void bind(JobRunner runner);
    }

    private final RedissonConnection redis;
    private final RedisJobStateStore states;
    private final RetrainingWork work;
    private final String workerId;
    private final Map<String, RetrainingJob> running = new ConcurrentHashMap<>();
    private final Set<String> handedBack = ConcurrentHashMap.newKeySet();
    private volatile RetrainingWorker.Listener listener = RetrainingWorker.Listener.NONE;

    JobRunner(RedissonConnection redis, RedisJobStateStore states, RetrainingWork work, String workerId) {
        this.redis = redis;
        this.states = states;
        this.work = work;
        this.workerId = workerId;
    }

    void listen(RetrainingWorker.Listener value) {
        this.listener = value;
    }

    Map<String, RetrainingJob> running() {
        return running;
    }

    void run(String jobId) {
        Optional<JobStatus> known = states.find(jobId);
        if (known.isEmpty() || known.get().state().finished()) {
            return;
        }
        RetrainingJob job = known.get().job();
        RLock lock = redis.client().getLock(redis.keys().lock(job.key()));
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("worker " + workerId + " stopped while job " + jobId + " waited for its key");
        }
        try {
            if (states.start(jobId, workerId, Instant.now())) {
                runHoldingLock(job);
            }
        } finally {
            unlock(lock);
        }
    }

    private void runHoldingLock(RetrainingJob job) {
        running.put(job.id(), job);
        listener.started(job);
        JobStatus started = new JobStatus(job, JobState.RUNNING, Optional.empty(), "", Instant.now());
        JobStatus finished;
        try {
            RetrainingResult result = work.run(job);
            finished = started.succeeded(result, Instant.now());
        } catch (RuntimeException | Error e) {
            finished = started.failed(firstLine(e), Instant.now());
        } finally {
            running.remove(job.id());
        }
        if (handedBack.remove(job.id())) {
            // the worker gave the job back while it ran: its result is not ours to record, and leaving Redisson's
            // task unfinished (an exception, the interrupt flag) lets Redis hand it out again
            Thread.currentThread().interrupt();
            throw new IllegalStateException("job " + job.id() + " was handed back by worker " + workerId);
        }
        states.finish(finished);
        listener.finished(finished);
    }

    /** Gives the running jobs back at shutdown: queued again in Redis, their results here ignored. */
    List<RetrainingJob> handBackRunning() {
        List<RetrainingJob> jobs = new ArrayList<>();
        for (RetrainingJob job : List.copyOf(running.values())) {
            handedBack.add(job.id());
            states.handBack(job.id(), Instant.now());
            jobs.add(job);
            listener.handedBack(job);
        }
        return jobs;
    }

    private static void unlock(RLock lock) {
        try {
            lock.unlock();
        } catch (RuntimeException lapsed) {
            // the lock lapsed (this worker stalled past lock_timeout) or the connection closed at shutdown: either
            // way it is no longer ours to release
        }
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return message.lines().findFirst().orElse(e.toString());
    }
}
