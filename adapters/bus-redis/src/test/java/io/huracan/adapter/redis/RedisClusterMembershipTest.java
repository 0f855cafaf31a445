package io.huracan.adapter.redis;

import io.huracan.ports.cluster.MarketEpoch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RedisClusterMembershipTest {
    private static final String PREFIX = "huracan-test-members-" + UUID.randomUUID();

    @BeforeAll
    static void requireRedis() {
        TestRedis.requireReachable();
    }

    @AfterAll
    static void cleanUp() {
        TestRedis.deleteKeys(TestRedis.uri(), PREFIX);
    }

    @Test
    void membersHeartbeatLeaveAndExpire() throws InterruptedException {
        try (var a = new RedisClusterMembership(RedisCoinLeasesTest.client(PREFIX + "-m"));
             var b = new RedisClusterMembership(RedisCoinLeasesTest.client(PREFIX + "-m"))) {
            assertThat(a.heartbeat("engine-b", Duration.ofSeconds(30))).containsExactly("engine-b");
            assertThat(b.heartbeat("engine-a", Duration.ofMillis(200))).containsExactly("engine-a", "engine-b");
            assertThat(b.heartbeat("engine-c", Duration.ofSeconds(30))).containsExactly("engine-a", "engine-b",
                    "engine-c");
            Thread.sleep(400); // engine-a stopped heartbeating
            assertThat(a.heartbeat("engine-b", Duration.ofSeconds(30))).containsExactly("engine-b", "engine-c");
            b.leave("engine-c");
            assertThat(a.heartbeat("engine-b", Duration.ofSeconds(30))).containsExactly("engine-b");
        }
    }

    @Test
    void theFirstMarketProposalIsKeptAndLaterMembersLearnHowLongAgo() throws InterruptedException {
        try (var first = new RedisClusterMembership(RedisCoinLeasesTest.client(PREFIX + "-e"));
             var later = new RedisClusterMembership(RedisCoinLeasesTest.client(PREFIX + "-e"))) {
            var proposal = new MarketEpoch(42, 100_000, 1.0, 1_700_000_000_000_000L, 0);
            assertThat(first.agreeMarket(proposal)).isEqualTo(proposal);
            Thread.sleep(120);
            MarketEpoch agreed = later.agreeMarket(new MarketEpoch(7, 250_000, 2.0, 1_800_000_000_000_000L, 0));
            assertThat(agreed.sameMarketAs(proposal)).isTrue();
            assertThat(agreed.startMicros()).isEqualTo(proposal.startMicros());
            assertThat(agreed.elapsedMicros()).isBetween(100_000L, 10_000_000L);
        }
    }
}
