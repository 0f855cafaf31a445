package io.huracan.bootstrap.config;

import io.huracan.domain.retraining.CronSchedule;
import io.huracan.ports.config.InvalidConfigException;
import static io.huracan.ports.config.ConfigChecks.notBlank;
import static io.huracan.ports.config.ConfigChecks.positive;
import static io.huracan.ports.config.ConfigChecks.required;

/**
 * {@code engine.retraining}: where jobs run and when.
 *
 * @param schedule    a five-field cron expression (minute hour day-of-month month day-of-week), UTC
 * @param maxParallel jobs the local executor runs at once
 */
public record RetrainingSection(RetrainingExecutorKind executor, String schedule, int maxParallel) {
    public RetrainingSection {
        required("executor", executor);
        notBlank("schedule", schedule);
        if (schedule.trim().split("\\s+").length != 5) {
            throw new InvalidConfigException("schedule", "'" + schedule
                    + "' is invalid; allowed: five cron fields, e.g. '0 */6 * * *'");
        }
        try {
            CronSchedule.parse(schedule);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException("schedule", e.getMessage());
        }
        positive("max_parallel", maxParallel);
    }
}
