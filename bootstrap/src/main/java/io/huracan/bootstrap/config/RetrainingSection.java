package io.huracan.bootstrap.config;

import io.huracan.adapter.redisson.RedissonRetrainingConfig;
import io.huracan.domain.retraining.CronSchedule;
import io.huracan.ports.config.InvalidConfigException;
import io.huracan.ports.market.ExchangeId;

import java.time.Duration;

import static io.huracan.ports.config.ConfigChecks.notBlank;
import static io.huracan.ports.config.ConfigChecks.positive;
import static io.huracan.ports.config.ConfigChecks.required;

/**
 * {@code engine.retraining}: where jobs run and when.
 *
 * @param executor        {@code local} (a pool in this process) or {@code redisson} (worker processes sharing Redis)
 * @param enabled         whether a running engine retrains on the schedule and on triggers
 * @param schedule        a five-field cron expression (minute hour day-of-month month day-of-week), UTC
 * @param maxParallel     jobs at once: the local executor's pool, and each worker process's
 * @param lookback        the market data before now each scheduled or triggered job trains on
 * @param venue           whose stored book tops label the rows, and whose fees cost the evaluation's trades
 * @param checkInterval   how often a running engine checks the schedule and the triggers
 * @param triggerCooldown a decay or regime-change trigger retrains a key at most once per this
 * @param stateFile       the local executor's job states
 * @param redisson        the Redis of {@code executor: redisson} and of {@code huracan worker}
 * @param worker          what {@code huracan worker} takes
 */
public record RetrainingSection(RetrainingExecutorKind executor, boolean enabled, String schedule, int maxParallel,
                                Duration lookback, ExchangeId venue, Duration checkInterval, Duration triggerCooldown,
                                String stateFile, RedissonRetrainingConfig redisson, WorkerSection worker) {
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
        positive("lookback", lookback);
        required("venue", venue);
        positive("check_interval", checkInterval);
        required("trigger_cooldown", triggerCooldown);
        if (triggerCooldown.isNegative()) {
            throw new InvalidConfigException("trigger_cooldown", triggerCooldown + " is invalid; allowed: a duration >= 0");
        }
        notBlank("state_file", stateFile);
        required("redisson", redisson);
        required("worker", worker);
    }
}
