package io.huracan.bootstrap.config;

import io.huracan.adapter.redisson.RetrainingWorkerConfig;

import java.time.Duration;
import java.util.Set;

import static io.huracan.ports.config.ConfigChecks.required;

/**
 * {@code engine.retraining.worker}: what a {@code huracan worker} process takes.
 *
 * @param tags          it takes the jobs whose required tags are all among these
 * @param name          what it registers as; empty: {@code <host>-<pid>}
 * @param shutdownGrace on SIGTERM, running jobs get this long to finish before they are handed back
 */
public record WorkerSection(Set<String> tags, String name, Duration shutdownGrace) {
    public WorkerSection {
        required("tags", tags);
        required("name", name);
        required("shutdown_grace", shutdownGrace);
        tags = config(tags, name, 1).tags();
    }

    /** The worker's adapter config, running {@code parallelism} jobs at once. */
    public RetrainingWorkerConfig config(int parallelism) {
        return config(tags, name, parallelism);
    }

    private static RetrainingWorkerConfig config(Set<String> tags, String name, int parallelism) {
        return new RetrainingWorkerConfig(tags, parallelism, name);
    }
}
