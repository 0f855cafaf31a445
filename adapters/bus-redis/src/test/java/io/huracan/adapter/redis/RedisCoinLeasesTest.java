package io.huracan.adapter.redis;

import io.huracan.ports.cluster.CoinLease;
import io.huracan.ports.market.Coin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RedisCoinLeasesTest {
    private static final String PREFIX = "huracan-test-leases-" + UUID.randomUUID();
    private static final Coin BTC = Coin.of("BTC");
    private static final Duration LONG = Duration.ofSeconds(30);

    private static RedisCoinLeases leases;

    @BeforeAll
    static void connect() {
        TestRedis.requireReachable();
        leases = new RedisCoinLeases(RedisBusConfig.of(TestRedis.uri(), PREFIX, 64));
    }

    @AfterAll
    static void cleanUp() {
        leases.close();
        TestRedis.deleteKeys(TestRedis.uri(), PREFIX);
    }

    @Test
    void aCoinHasOneHolderAtATime() {
        Coin coin = Coin.of("ETH");
        CoinLease first = leases.tryAcquire(coin, "engine-a", LONG).orElseThrow();
        assertThat(leases.tryAcquire(coin, "engine-b", LONG)).isEmpty();
        assertThat(leases.tryAcquire(coin, "engine-a", LONG)).contains(first); // extending keeps the token
        assertThat(leases.renew(first, LONG)).isTrue();
        assertThat(leases.isCurrent(first)).isTrue();
        leases.release(first);
        CoinLease second = leases.tryAcquire(coin, "engine-b", LONG).orElseThrow();
        assertThat(second.fencingToken()).isEqualTo(first.fencingToken() + 1);
    }

    @Test
    void anExpiredLeaseIsTakenOverAndTheOldHolderIsFencedOff() throws InterruptedException {
        CoinLease dying = leases.tryAcquire(BTC, "engine-killed", Duration.ofMillis(150)).orElseThrow();
        Thread.sleep(300); // engine-killed stopped renewing (kill -9)
        CoinLease taker = leases.tryAcquire(BTC, "engine-b", LONG).orElseThrow();
        assertThat(taker.fencingToken()).isGreaterThan(dying.fencingToken());
        assertThat(leases.isCurrent(dying)).isFalse();
        assertThat(leases.renew(dying, LONG)).isFalse();
        leases.release(dying); // a stale release must not free the new holder's coin
        assertThat(leases.isCurrent(taker)).isTrue();
        assertThat(leases.tryAcquire(BTC, "engine-killed", LONG)).isEmpty();
    }

    /** Many processes racing for one coin: every grant has its own token and no two holders overlap. */
    @Test
    void racingAcquirersNeverHoldTheSameCoinTogether() throws Exception {
        Coin coin = Coin.of("SOL");
        var holders = new AtomicInteger();
        var overlaps = new AtomicInteger();
        var tokens = new ConcurrentLinkedQueue<Long>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            var futures = new ArrayList<Future<?>>();
            for (int p = 0; p < 4; p++) {
                String owner = "engine-" + p;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        leases.tryAcquire(coin, owner, LONG).ifPresent(lease -> {
                            if (holders.incrementAndGet() > 1) {
                                overlaps.incrementAndGet();
                            }
                            tokens.add(lease.fencingToken());
                            if (!leases.isCurrent(lease)) { // someone else was granted the coin meanwhile
                                overlaps.incrementAndGet();
                            }
                            holders.decrementAndGet();
                            leases.release(lease);
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(overlaps).hasValue(0);
        List<Long> granted = List.copyOf(tokens);
        assertThat(granted).isNotEmpty().doesNotHaveDuplicates();
    }
}
