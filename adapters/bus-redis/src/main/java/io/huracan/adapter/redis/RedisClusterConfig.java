package io.huracan.adapter.redis;

import io.huracan.ports.config.InvalidConfigException;

import java.time.Duration;

import static io.huracan.ports.config.ConfigChecks.notBlank;
import static io.huracan.ports.config.ConfigChecks.positive;

/**
 * Where the processes of a cluster coordinate: coin leases, membership, the agreed market and the shared exposure,
 * all under one key prefix on one Redis server (the scripts touch several keys at once, so a sharded Redis Cluster
 * would need them under one hash tag; one server is what is supported).
 *
 * @param uri             {@code redis://host:port} or {@code rediss://host:port}
 * @param keyPrefix       keys are {@code <prefix>:lease:<coin>}, {@code <prefix>:members}, {@code <prefix>:risk:...}
 * @param responseTimeout how long one Redis command may take before it counts as failed
 * @param admissionMargin an order is admitted only while its coin's lease has at least this much time left
 */
public record RedisClusterConfig(String uri, String keyPrefix, Duration responseTimeout, Duration admissionMargin) {
    public RedisClusterConfig {
        notBlank("redis_uri", uri);
        if (!uri.startsWith("redis://") && !uri.startsWith("rediss://")) {
            throw new InvalidConfigException("redis_uri", "'" + uri
                    + "' is invalid; allowed: redis://host:port or rediss://host:port");
        }
        notBlank("key_prefix", keyPrefix);
        positive("response_timeout", responseTimeout);
        positive("admission_margin", admissionMargin);
    }
}
