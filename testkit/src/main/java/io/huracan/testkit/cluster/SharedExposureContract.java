package io.huracan.testkit.cluster;

import io.huracan.ports.cluster.CoinLease;
import io.huracan.ports.cluster.CoinLeases;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.Sector;
import io.huracan.ports.risk.SharedExposure;
import io.huracan.ports.risk.SharedTotals;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static io.huracan.ports.risk.SharedExposure.COIN;
import static io.huracan.ports.risk.SharedExposure.EXCHANGE;
import static io.huracan.ports.risk.SharedExposure.FENCED;
import static io.huracan.ports.risk.SharedExposure.GLOBAL_GROSS;
import static io.huracan.ports.risk.SharedExposure.NET_LONG;
import static io.huracan.ports.risk.SharedExposure.OPEN_TRADES;
import static io.huracan.ports.risk.SharedExposure.RESERVED;
import static io.huracan.ports.risk.SharedExposure.SECTOR;
import static io.huracan.ports.risk.SharedExposure.SLOTS;
import static io.huracan.ports.risk.SharedExposure.STALE;
import static io.huracan.ports.risk.SharedExposure.UNCAPPED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link SharedExposure} must do. A {@link Process} is one engine process's pair of clients (leases and
 * shared exposure) on one shared store; the test takes leases with them so the writes are fenced as in the engine.
 */
public abstract class SharedExposureContract {
    protected static final Duration LONG = Duration.ofSeconds(30);
    protected static final Sector SECTOR_A = Sector.of("layer1");

    /** One process's view of the shared store. */
    public record Process(CoinLeases leases, SharedExposure exposure) implements AutoCloseable {
        @Override
        public void close() {
            exposure.close();
            leases.close();
        }
    }

    /** A new process on the shared store, whose exposure admits orders with at least {@link #admissionMargin} left. */
    protected abstract Process process();

    protected abstract Duration admissionMargin();

    /** Coin symbols unique to this test run (the store may be shared with other runs). */
    protected abstract Coin coin(String name);

    /** A buy of {@code gross} units on Binance opening one trade. */
    protected static long[] buy(long gross) {
        long[] contribution = new long[SLOTS];
        contribution[COIN] = gross;
        contribution[SECTOR] = gross;
        contribution[GLOBAL_GROSS] = gross;
        contribution[NET_LONG] = gross;
        contribution[OPEN_TRADES] = 1;
        contribution[EXCHANGE + ExchangeId.BINANCE.ordinal()] = gross;
        return contribution;
    }

    protected static long[] caps(int slot, long cap) {
        long[] caps = new long[SLOTS];
        Arrays.fill(caps, UNCAPPED);
        caps[slot] = cap;
        return caps;
    }

    @Test
    void aReserveWithinItsCapsIsWrittenAndTheTotalsFollow() {
        try (Process p = process()) {
            Coin btc = coin("SUM1");
            Coin eth = coin("SUM2");
            CoinLease a = p.leases().tryAcquire(btc, "engine-a", LONG).orElseThrow();
            CoinLease b = p.leases().tryAcquire(eth, "engine-a", LONG).orElseThrow();
            long[] totals = new long[SLOTS];
            assertThat(p.exposure().reserve(btc, SECTOR_A, a.fencingToken(), 1, buy(300), caps(SECTOR, 1000), totals))
                    .isEqualTo(RESERVED);
            assertThat(totals[COIN]).isEqualTo(300);
            assertThat(p.exposure().reserve(eth, SECTOR_A, b.fencingToken(), 1, buy(500), caps(SECTOR, 1000), totals))
                    .isEqualTo(RESERVED);
            assertThat(totals[COIN]).isEqualTo(500);
            assertThat(totals[SECTOR]).isEqualTo(800);
            assertThat(totals[OPEN_TRADES]).isEqualTo(2);
            // a replacement, not an addition: the coin now contributes 100
            assertThat(p.exposure().reserve(btc, SECTOR_A, a.fencingToken(), 2, buy(100), caps(SECTOR, 1000), totals))
                    .isEqualTo(RESERVED);
            assertThat(totals[SECTOR]).isEqualTo(600);
            SharedTotals all = p.exposure().totals();
            assertThat(all.coins()).containsEntry(btc, 100L).containsEntry(eth, 500L);
            assertThat(all.sectors()).containsEntry(SECTOR_A, 600L);
            assertThat(all.exchanges()).containsEntry(ExchangeId.BINANCE, 600L);
            assertThat(all.netLong()).isEqualTo(600);
            assertThat(all.openTrades()).isEqualTo(2);
        }
    }

    @Test
    void aReserveOverACapIsRefusedNamingTheSlotAndWritesNothing() {
        try (Process p = process()) {
            Coin coin = coin("CAP");
            CoinLease lease = p.leases().tryAcquire(coin, "engine-a", LONG).orElseThrow();
            long[] totals = new long[SLOTS];
            assertThat(p.exposure().reserve(coin, SECTOR_A, lease.fencingToken(), 1, buy(400), caps(COIN, 500), totals))
                    .isEqualTo(RESERVED);
            assertThat(p.exposure().reserve(coin, SECTOR_A, lease.fencingToken(), 2, buy(600), caps(COIN, 500), totals))
                    .isEqualTo(COIN);
            assertThat(totals[COIN]).as("the totals as they are").isEqualTo(400);
            assertThat(p.exposure().totals().coins()).containsEntry(coin, 400L);
        }
    }

    @Test
    void aStaleHolderIsFencedOffAndTheNewHolderReplacesWhatItLeft() throws InterruptedException {
        try (Process dying = process(); Process taker = process()) {
            Coin coin = coin("FENCE");
            CoinLease old = dying.leases().tryAcquire(coin, "engine-killed", Duration.ofMillis(200)).orElseThrow();
            long[] totals = new long[SLOTS];
            // a lease with less than the admission margin left admits nothing, but still takes plain writes
            assertThat(dying.exposure().reserve(coin, SECTOR_A, old.fencingToken(), 1, buy(700), caps(COIN, 10_000),
                    totals)).isEqualTo(FENCED);
            dying.exposure().publish(coin, SECTOR_A, old.fencingToken(), 2, buy(700));
            assertThat(dying.exposure().flush(Duration.ofSeconds(5))).isTrue();
            assertThat(taker.exposure().totals().coins()).containsEntry(coin, 700L);
            long sectorBefore = taker.exposure().totals().sectors().getOrDefault(SECTOR_A, 0L);
            Thread.sleep(400); // the holder died with 700 booked
            CoinLease next = taker.leases().tryAcquire(coin, "engine-b", LONG).orElseThrow();
            dying.exposure().publish(coin, SECTOR_A, old.fencingToken(), 3, buy(900)); // a late write of the dead one
            assertThat(dying.exposure().flush(Duration.ofSeconds(5))).isTrue();
            assertThat(taker.exposure().totals().coins()).as("the late write was dropped").containsEntry(coin, 700L);
            taker.exposure().publish(coin, SECTOR_A, next.fencingToken(), 1, new long[SLOTS]);
            assertThat(taker.exposure().flush(Duration.ofSeconds(5))).isTrue();
            SharedTotals after = taker.exposure().totals();
            assertThat(after.coins()).as("the new holder's first write reclaims the dead one's exposure")
                    .doesNotContainKey(coin);
            assertThat(after.sectors().getOrDefault(SECTOR_A, 0L)).isEqualTo(sectorBefore - 700);
            assertThat(dying.exposure().reserve(coin, SECTOR_A, old.fencingToken(), 4, buy(1), caps(COIN, 10_000),
                    totals)).isEqualTo(FENCED);
        }
    }

    @Test
    void anOlderVersionIsStaleAndLeavesTheNewerContribution() {
        try (Process p = process()) {
            Coin coin = coin("VERSION");
            CoinLease lease = p.leases().tryAcquire(coin, "engine-a", LONG).orElseThrow();
            long[] totals = new long[SLOTS];
            assertThat(p.exposure().reserve(coin, SECTOR_A, lease.fencingToken(), 5, buy(50), caps(COIN, 1000), totals))
                    .isEqualTo(RESERVED);
            p.exposure().publish(coin, SECTOR_A, lease.fencingToken(), 4, buy(999));
            assertThat(p.exposure().flush(Duration.ofSeconds(5))).isTrue();
            assertThat(p.exposure().reserve(coin, SECTOR_A, lease.fencingToken(), 5, buy(60), caps(COIN, 1000), totals))
                    .isEqualTo(STALE);
            assertThat(p.exposure().totals().coins()).containsEntry(coin, 50L);
        }
    }

    /**
     * Processes racing to reserve on coins of one sector, each reserving only within the sector cap, releasing some
     * of it again: the sector total never passes the cap, seen by a watcher sampling throughout and after each write.
     */
    @Test
    void racingProcessesNeverTogetherPassACap() throws Exception {
        long cap = 10_000;
        int processes = 3;
        List<Process> clients = new ArrayList<>();
        var breaches = new AtomicLong();
        var reserved = new AtomicLong();
        var running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(processes + 1);
        try {
            var futures = new ArrayList<Future<?>>();
            for (int p = 0; p < processes; p++) {
                Process client = process();
                clients.add(client);
                List<CoinLease> leases = new ArrayList<>();
                for (int c = 0; c < 2; c++) {
                    leases.add(client.leases().tryAcquire(coin("RACE" + p + c), "engine-" + p, LONG).orElseThrow());
                }
                int seed = p;
                futures.add(pool.submit(() -> {
                    long[] totals = new long[SLOTS];
                    long[] versions = new long[leases.size()];
                    for (int i = 0; i < 150; i++) {
                        int c = (i + seed) % leases.size();
                        CoinLease lease = leases.get(c);
                        long amount = (i * 7919L + seed * 104_729L) % 3_000;
                        int status = client.exposure().reserve(lease.coin(), SECTOR_A, lease.fencingToken(),
                                ++versions[c], buy(amount), caps(SECTOR, cap), totals);
                        if (status == RESERVED) {
                            reserved.incrementAndGet();
                        }
                        if (totals[SECTOR] > cap) {
                            breaches.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            futures.add(pool.submit(() -> {
                SharedExposure watcher = clients.get(0).exposure();
                while (running.get()) {
                    if (watcher.totals().sectors().getOrDefault(SECTOR_A, 0L) > cap) {
                        breaches.incrementAndGet();
                    }
                }
                return null;
            }));
            for (Future<?> future : futures.subList(0, processes)) {
                future.get(120, TimeUnit.SECONDS);
            }
            running.set(false);
            futures.get(processes).get(10, TimeUnit.SECONDS);
        } finally {
            running.set(false);
            pool.shutdownNow();
            clients.forEach(Process::close);
        }
        assertThat(breaches).hasValue(0);
        assertThat(reserved.get()).as("most reserves fit").isGreaterThan(100);
    }
}
