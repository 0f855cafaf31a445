package io.huracan.adapter.redisson;

import java.io.Serial;
import java.io.Serializable;

/**
 * What travels through Redisson's executor: only the job's id (the job itself is in its hash, written when it was
 * claimed). The worker that takes it binds its {@link JobRunner} before running it.
 */
final class RetrainingTask implements Runnable, Serializable, JobRunner.Bound {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String jobId;
    private transient JobRunner runner;

    RetrainingTask(String jobId) {
        this.jobId = jobId;
    }

    @Override
    public void bind(JobRunner value) {
        this.runner = value;
    }

    @Override
    public void run() {
        if (runner == null) {
            throw new IllegalStateException("retraining task " + jobId + " reached a process that is not a worker");
        }
        runner.run(jobId);
    }
}
