package io.huracan.ports.retraining;

/** What an executor runs for each job: the whole fit, evaluate, register and promote. Thread-safe. */
@FunctionalInterface
public interface RetrainingWork {

    /** Runs {@code job} to the end; an exception fails the job with its message. */
    RetrainingResult run(RetrainingJob job);
}
