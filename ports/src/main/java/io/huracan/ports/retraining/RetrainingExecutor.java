package io.huracan.ports.retraining;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Runs retraining jobs: in a bounded local pool, or on workers that share a Redis. At most one job per
 * {@link RetrainingJob#key() key} is queued or running at a time: submitting a job whose key is busy returns the
 * busy job's future instead of starting a second one. Job states survive a restart (they are persisted).
 */
public interface RetrainingExecutor extends AutoCloseable {

    /** Queues {@code job}, or joins the job already queued or running for its key; completes with its result. */
    CompletableFuture<RetrainingResult> submit(RetrainingJob job);

    /** The job's latest state, if this executor knows it. */
    Optional<JobStatus> status(String jobId);

    /** Every job this executor knows, oldest first. */
    List<JobStatus> jobs();

    /** Stops taking jobs and waits for the running ones to finish. */
    @Override
    void close();
}
