package io.huracan.adapter.redis;

import io.huracan.ports.market.Coin;
import io.huracan.testkit.cluster.SharedExposureContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared-exposure contract against the machine's Redis; each process has its own connection. */
class RedisSharedExposureTest extends SharedExposureContract {
    private static final String PREFIX = "huracan-test-exposure-" + UUID.randomUUID();

    @BeforeAll
    static void requireRedis() {
        TestRedis.requireReachable();
    }

    @AfterAll
    static void cleanUp() {
        TestRedis.deleteKeys(TestRedis.uri(), PREFIX);
    }

    @Override
    protected Process process() {
        RedisClusterClient client = RedisCoinLeasesTest.client(PREFIX);
        return new Process(new RedisCoinLeases(client), new RedisSharedExposure(client));
    }

    @Override
    protected Duration admissionMargin() {
        return Duration.ofMillis(250);
    }

    @Override
    protected Coin coin(String name) {
        return Coin.of(name);
    }

    /** Published writes wait while Redis is away and go out once it is back: nothing is lost. */
    @Test
    void publishedWritesWaitForAnUnreachableRedis() throws Exception {
        try (var redis = new ChildRedis()) {
            redis.start();
            var client = new RedisClusterClient(new RedisClusterConfig(redis.uri(), "outage", Duration.ofMillis(500),
                    Duration.ofMillis(250)));
            var leases = new RedisCoinLeases(client);
            var exposure = new RedisSharedExposure(client);
            try {
                Coin coin = Coin.of("OUTAGE");
                var lease = leases.tryAcquire(coin, "engine-a", LONG).orElseThrow();
                redis.kill();
                exposure.publish(coin, SECTOR_A, lease.fencingToken(), 1, buy(42));
                assertThat(exposure.flush(Duration.ofMillis(800))).isFalse();
                assertThat(exposure.pendingWrites()).isEqualTo(1);
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (exposure.lastError().isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(exposure.lastError()).contains("redis cluster at " + redis.uri());
                assertThat(exposure.pendingWrites()).as("kept while Redis is away").isEqualTo(1);
                redis.start(); // a fresh, empty server: the lease is gone with the old one, so the write is fenced
                assertThat(exposure.flush(Duration.ofSeconds(10))).isTrue();
                assertThat(exposure.totals().coins()).isEmpty();
            } finally {
                exposure.close();
                leases.close();
            }
        }
    }
}
