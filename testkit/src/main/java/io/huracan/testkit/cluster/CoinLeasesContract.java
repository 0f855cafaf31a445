package io.huracan.testkit.cluster;

import io.huracan.ports.cluster.CoinLease;
import io.huracan.ports.cluster.CoinLeases;
import io.huracan.ports.cluster.LeaseGrant;
import io.huracan.ports.market.Coin;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link CoinLeases} must do. {@link #process()} returns a new client on one shared store (a separate
 * connection stands for a separate engine process); the store's clock is real time, so expiry is waited for.
 */
public abstract class CoinLeasesContract {
    protected static final Duration LONG = Duration.ofSeconds(30);

    /** A new client of the shared lease store, as another process would open it. Closed by the test. */
    protected abstract CoinLeases process();

    /** Coin symbols unique to this test run (the store may be shared with other runs). */
    protected abstract Coin coin(String name);

    @Test
    void aCoinHasOneHolderAtATime() {
        try (CoinLeases a = process(); CoinLeases b = process()) {
            Coin coin = coin("ONE");
            CoinLease first = a.tryAcquire(coin, "engine-a", LONG).orElseThrow();
            assertThat(b.tryAcquire(coin, "engine-b", LONG)).isEmpty();
            assertThat(a.tryAcquire(coin, "engine-a", LONG)).contains(first); // extending keeps the token
            assertThat(a.renew(first, LONG)).isTrue();
            assertThat(b.isCurrent(first)).isTrue();
            a.release(first);
            CoinLease second = b.tryAcquire(coin, "engine-b", LONG).orElseThrow();
            assertThat(second.fencingToken()).isEqualTo(first.fencingToken() + 1);
            assertThat(a.isCurrent(first)).isFalse();
        }
    }

    @Test
    void anExpiredLeaseIsTakenOverAndTheOldHolderIsFencedOff() throws InterruptedException {
        try (CoinLeases dying = process(); CoinLeases taker = process()) {
            Coin coin = coin("EXPIRE");
            CoinLease old = dying.tryAcquire(coin, "engine-killed", Duration.ofMillis(150)).orElseThrow();
            Thread.sleep(300); // engine-killed stopped renewing (kill -9)
            List<LeaseGrant> grants = taker.acquire(List.of(coin), "engine-b", LONG, 1);
            assertThat(grants).hasSize(1);
            assertThat(grants.get(0).takeover()).as("an unreleased lease that expired is a takeover").isTrue();
            CoinLease next = grants.get(0).lease();
            assertThat(next.fencingToken()).isGreaterThan(old.fencingToken());
            assertThat(dying.isCurrent(old)).isFalse();
            assertThat(dying.renew(old, LONG)).isFalse();
            assertThat(dying.renewAll(List.of(old), LONG)).containsExactly(old);
            dying.release(old); // a stale release must not free the new holder's coin
            assertThat(taker.isCurrent(next)).isTrue();
            assertThat(dying.tryAcquire(coin, "engine-killed", LONG)).isEmpty();
        }
    }

    @Test
    void aReleasedCoinIsHandedOverNotTakenOver() {
        try (CoinLeases a = process(); CoinLeases b = process()) {
            Coin coin = coin("HANDOVER");
            a.release(a.tryAcquire(coin, "engine-a", LONG).orElseThrow());
            List<LeaseGrant> grants = b.acquire(List.of(coin), "engine-b", LONG, 1);
            assertThat(grants).extracting(LeaseGrant::takeover).containsExactly(false);
        }
    }

    @Test
    void acquireTakesFreeCoinsInTheGivenOrderUpToMax() {
        try (CoinLeases a = process(); CoinLeases b = process()) {
            Coin first = coin("ORDER1");
            Coin held = coin("ORDER2");
            Coin third = coin("ORDER3");
            Coin fourth = coin("ORDER4");
            CoinLease other = a.tryAcquire(held, "engine-a", LONG).orElseThrow();
            List<LeaseGrant> grants = b.acquire(List.of(first, held, third, fourth), "engine-b", LONG, 2);
            assertThat(grants).extracting(grant -> grant.lease().coin()).containsExactly(first, third);
            assertThat(grants).allMatch(grant -> grant.lease().owner().equals("engine-b") && !grant.takeover());
            assertThat(b.acquire(List.of(first, held), "engine-b", LONG, 5)).as("held coins are skipped").isEmpty();
            assertThat(a.isCurrent(other)).isTrue();
        }
    }

    @Test
    void renewAllExtendsTheCurrentLeasesAndReportsTheLostOnes() throws InterruptedException {
        try (CoinLeases a = process()) {
            CoinLease kept = a.tryAcquire(coin("KEPT"), "engine-a", Duration.ofMillis(400)).orElseThrow();
            CoinLease lost = a.tryAcquire(coin("LOST"), "engine-a", Duration.ofMillis(100)).orElseThrow();
            Thread.sleep(250);
            assertThat(a.renewAll(List.of(kept, lost), LONG)).containsExactly(lost);
            Thread.sleep(300);
            assertThat(a.isCurrent(kept)).as("renewed for 30 s").isTrue();
        }
    }

    /** Processes racing for the same coins: every grant has its own token and no two holders overlap. */
    @Test
    void racingAcquirersNeverHoldTheSameCoinTogether() throws Exception {
        List<Coin> coins = List.of(coin("RACE1"), coin("RACE2"), coin("RACE3"));
        var holders = new ConcurrentHashMap<Coin, AtomicInteger>();
        coins.forEach(coin -> holders.put(coin, new AtomicInteger()));
        var overlaps = new AtomicInteger();
        var tokens = new ConcurrentLinkedQueue<String>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<CoinLeases> clients = new ArrayList<>();
        try {
            var futures = new ArrayList<Future<?>>();
            for (int p = 0; p < 4; p++) {
                String owner = "engine-" + p;
                CoinLeases client = process();
                clients.add(client);
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 60; i++) {
                        for (LeaseGrant grant : client.acquire(coins, owner, LONG, 1 + i % 3)) {
                            CoinLease lease = grant.lease();
                            if (holders.get(lease.coin()).incrementAndGet() > 1 || !client.isCurrent(lease)) {
                                overlaps.incrementAndGet();
                            }
                            tokens.add(lease.coin() + "/" + lease.fencingToken());
                            holders.get(lease.coin()).decrementAndGet();
                            client.release(lease);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            clients.forEach(CoinLeases::close);
        }
        assertThat(overlaps).hasValue(0);
        assertThat(List.copyOf(tokens)).isNotEmpty().doesNotHaveDuplicates();
    }
}
