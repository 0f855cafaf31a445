package io.huracan.adapter.redisson;

import io.huracan.ports.config.InvalidConfigException;

import java.time.Duration;
import java.util.regex.Pattern;

import static io.huracan.ports.config.ConfigChecks.notBlank;
import static io.huracan.ports.config.ConfigChecks.required;

/**
 * {@code engine.retraining.redisson}: the Redis that submitters and workers share.
 *
 * @param uri               {@code redis://host:port} or {@code rediss://host:port}
 * @param keyPrefix         every key the executor writes starts with it (and Redisson's executor keys with
 *                          {@code {prefix}}), so clusters sharing one Redis stay apart
 * @param taskRetryInterval how long a job taken by a worker may go without that worker's renewal before Redis hands
 *                          it to another worker: the time a dead worker's job waits. Running jobs renew at half of
 *                          it, so it is not a limit on job length
 * @param lockTimeout       how long a job's per-key lock outlives a dead worker (a live one renews it every third
 *                          of it); a job handed on waits for the dead worker's lock to lapse
 */
public record RedissonRetrainingConfig(String uri, String keyPrefix, Duration taskRetryInterval, Duration lockTimeout) {
    /** Renewals come at max(1 s, interval / 2): below 2 s a running job would be handed on before it renews. */
    static final Duration MIN_INTERVAL = Duration.ofSeconds(2);
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9:_.-]{0,63}");

    public RedissonRetrainingConfig {
        notBlank("uri", uri);
        if (!uri.startsWith("redis://") && !uri.startsWith("rediss://")) {
            throw new InvalidConfigException("uri", "'" + uri + "' is invalid; allowed: redis://host:port or rediss://host:port");
        }
        notBlank("key_prefix", keyPrefix);
        if (!PREFIX.matcher(keyPrefix).matches()) {
            throw new InvalidConfigException("key_prefix", "'" + keyPrefix
                    + "' is invalid; allowed: 1-64 of letters, digits, ':', '_', '.', '-', starting with a letter or digit");
        }
        atLeast("task_retry_interval", taskRetryInterval);
        atLeast("lock_timeout", lockTimeout);
    }

    private static void atLeast(String key, Duration value) {
        required(key, value);
        if (value.compareTo(MIN_INTERVAL) < 0) {
            throw new InvalidConfigException(key, value.toMillis() + "ms is invalid; allowed: a duration >= 2s");
        }
    }
}
