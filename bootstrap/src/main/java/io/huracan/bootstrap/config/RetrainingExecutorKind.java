package io.huracan.bootstrap.config;

/** {@code engine.retraining.executor}: a bounded local pool, or workers on Redisson's executor service. */
public enum RetrainingExecutorKind {
    LOCAL,
    REDISSON
}
