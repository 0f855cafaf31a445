package io.huracan.domain.risk;

import io.huracan.testkit.time.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Eight loop threads, each owning its own coins, submit intents that share sectors and exchanges (and all share
 * the global limits) while filling and cancelling their orders; a watcher samples every counter throughout.
 * No limit may be passed at any sampled moment, and afterwards the ledger must equal the books. (Reduce-only
 * orders, which may pass the net limit by rule, are left to the property test; here they only flatten at the end.)
 */
class RiskControllerConcurrencyTest {
    private static final int THREADS = 8;
    private static final int COINS = 40;
    private static final int STEPS = 30_000;

    @Test
    void eightLoopsTogetherNeverPassALimitAndTheReservationsAddUpToTheBooks() throws Exception {
        var clock = new ManualClock(Instant.parse("2026-03-02T10:00:00Z").toEpochMilli() * 1000);
        var risk = new RiskController(RiskFixtures.coins(COINS, 4),
                RiskFixtures.limits(0.8, 20_000, 90_000, 120_000, 200_000, 60_000), new TradeLimits(90, 30),
                10_000_000, clock, RiskListener.NONE);
        double[] prices = new double[COINS];
        for (int c = 0; c < COINS; c++) {
            prices[c] = 10 + c;
            risk.onPrice(c, prices[c]);
        }
        var barrier = new CyclicBarrier(THREADS + 1);
        var running = new AtomicBoolean(true);
        List<String> breaches = new CopyOnWriteArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        var watcher = new Thread(() -> {
            while (running.get()) {
                breaches.addAll(LedgerInvariants.breaches(risk));
            }
        });
        List<Thread> loops = new ArrayList<>();
        List<BookDriver> drivers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int owner = t;
            var driver = new BookDriver(risk, prices);
            drivers.add(driver);
            loops.add(new Thread(() -> {
                try {
                    barrier.await();
                    var random = new SplittableRandom(owner);
                    for (int i = 0; i < STEPS; i++) {
                        int coin = owner + THREADS * random.nextInt(COINS / THREADS);
                        int action = random.nextInt(10);
                        if (action < 6) {
                            driver.intent(coin, 1 + random.nextInt(3), random.nextBoolean(),
                                    1 + random.nextDouble() * 400, false, random.nextDouble() * 40);
                        } else if (action < 8) {
                            driver.fill(random.nextInt(1 << 16), random.nextBoolean() ? 1.0 : 0.5);
                        } else {
                            driver.cancel(random.nextInt(1 << 16));
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        watcher.start();
        loops.forEach(Thread::start);
        barrier.await();
        for (Thread loop : loops) {
            loop.join();
        }
        running.set(false);
        watcher.join();

        assertThat(failures).isEmpty();
        assertThat(breaches).isEmpty();
        assertThat(LedgerInvariants.breaches(risk)).isEmpty();
        assertThat(risk.audit()).isEmpty();
        assertThat(drivers.stream().mapToInt(BookDriver::workingCount).sum()).isPositive();
        for (int t = 0; t < THREADS; t++) {
            drivers.get(t).cancelAll();
            drivers.get(t).flatten(t, COINS, THREADS);
        }
        LedgerInvariants.assertAllZero(risk);
        assertThat(risk.audit()).isEmpty();
    }
}
