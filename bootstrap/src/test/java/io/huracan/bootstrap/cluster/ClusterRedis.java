package io.huracan.bootstrap.cluster;

import org.redisson.Redisson;
import org.redisson.config.Config;

/** The machine's Redis for the scale-out tests (HURACAN_TEST_REDIS, default redis://127.0.0.1:6379). */
public final class ClusterRedis {
    private ClusterRedis() {
    }

    public static String uri() {
        String uri = System.getenv("HURACAN_TEST_REDIS");
        return uri == null || uri.isBlank() ? "redis://127.0.0.1:6379" : uri;
    }

    /** Deletes every key under {@code prefix}, so a test leaves the shared server as it found it. */
    public static void deleteKeys(String prefix) {
        var config = new Config();
        config.useSingleServer().setAddress(uri());
        var client = Redisson.create(config);
        try {
            client.getKeys().deleteByPattern(prefix + "*");
        } finally {
            client.shutdown();
        }
    }
}
