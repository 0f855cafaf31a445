package io.huracan.ports.retraining;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A job as an executor last saw it.
 *
 * @param result  the outcome once {@link JobState#SUCCEEDED}
 * @param error   one line saying what went wrong once {@link JobState#FAILED}, else empty
 * @param updated when the state last changed
 */
public record JobStatus(RetrainingJob job, JobState state, Optional<RetrainingResult> result, String error,
                        Instant updated) {
    public JobStatus {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(result, "result");
        error = error == null ? "" : error;
        Objects.requireNonNull(updated, "updated");
    }

    public static JobStatus queued(RetrainingJob job, Instant at) {
        return new JobStatus(job, JobState.QUEUED, Optional.empty(), "", at);
    }

    public JobStatus running(Instant at) {
        return new JobStatus(job, JobState.RUNNING, Optional.empty(), "", at);
    }

    public JobStatus succeeded(RetrainingResult outcome, Instant at) {
        return new JobStatus(job, JobState.SUCCEEDED, Optional.of(outcome), "", at);
    }

    public JobStatus failed(String message, Instant at) {
        return new JobStatus(job, JobState.FAILED, Optional.empty(), message, at);
    }
}
