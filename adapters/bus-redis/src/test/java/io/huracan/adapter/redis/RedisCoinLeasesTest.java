package io.huracan.adapter.redis;

import io.huracan.ports.cluster.CoinLeases;
import io.huracan.ports.market.Coin;
import io.huracan.testkit.cluster.CoinLeasesContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.time.Duration;
import java.util.UUID;

/** The lease contract against the machine's Redis; each process is its own Redisson connection. */
class RedisCoinLeasesTest extends CoinLeasesContract {
    static final String PREFIX = "huracan-test-leases-" + UUID.randomUUID();

    @BeforeAll
    static void requireRedis() {
        TestRedis.requireReachable();
    }

    @AfterAll
    static void cleanUp() {
        TestRedis.deleteKeys(TestRedis.uri(), PREFIX);
    }

    static RedisClusterClient client(String prefix) {
        return new RedisClusterClient(new RedisClusterConfig(TestRedis.uri(), prefix, Duration.ofSeconds(3),
                Duration.ofMillis(250)));
    }

    @Override
    protected CoinLeases process() {
        return new RedisCoinLeases(client(PREFIX));
    }

    @Override
    protected Coin coin(String name) {
        return Coin.of(name);
    }
}
