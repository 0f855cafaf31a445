package io.huracan.bootstrap.cluster;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.huracan.adapter.redis.RedisClusterConfig;
import io.huracan.adapter.redis.RedisClusterModule;
import io.huracan.bootstrap.SystemEngineClock;
import io.huracan.domain.risk.DrawdownBreakers;
import io.huracan.domain.risk.DrawdownLimit;
import io.huracan.domain.risk.ExposureLimits;
import io.huracan.domain.risk.ExposureScope;
import io.huracan.domain.risk.RiskController;
import io.huracan.domain.risk.RiskLimits;
import io.huracan.domain.risk.RiskListener;
import io.huracan.domain.risk.RiskUniverse;
import io.huracan.domain.risk.RiskVerdict;
import io.huracan.domain.risk.TradeLimits;
import io.huracan.ports.cluster.CoinLeases;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.CoinListing;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.Sector;
import io.huracan.ports.market.Side;
import io.huracan.ports.market.Universe;
import io.huracan.ports.risk.RiskReason;
import io.huracan.ports.risk.SharedExposure;
import io.huracan.ports.risk.SharedTotals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stress test for shared limits: two risk controllers, each with its own Redis connection as two engine
 * processes have, each driven by two threads (event loops) trading its own coins of two shared sectors against the
 * machine's Redis: orders checked, filled in part or whole, cancelled. A watcher samples the shared totals in
 * Redis all along: no gross limit is ever passed, though each controller alone sees only half of the book. At the
 * end the totals equal the two books, and once everything is closed they are all zero.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SharedRiskLimitsRedisTest {
    private static final double PER_COIN = 3_000;
    private static final double PER_SECTOR = 5_000;
    private static final double PER_EXCHANGE = 7_000;
    private static final double GLOBAL_GROSS = 9_000;
    private static final long UNITS = 1_000_000;

    private final String prefix = "huracan-test-shared-risk-" + UUID.randomUUID();
    private final String redisUri = ClusterRedis.uri();
    private final RiskUniverse universe = universe();
    private final List<AutoCloseable> closing = new ArrayList<>();
    /** Intents reduced or rejected by a limit both processes share. */
    private final LongAdder limited = new LongAdder();
    private final AtomicLong peakGross = new AtomicLong();

    /** One engine process: its controller, its connection, the leases of its coins. */
    private record Process(RiskController risk, SharedExposure exposure, List<Integer> coins) {
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable resource : closing) {
            resource.close();
        }
        ClusterRedis.deleteKeys(prefix);
    }

    @Test
    void twoProcessesTogetherNeverPassALimitAndReleaseToZero() throws Exception {
        Process a = process("engine-a", 0);
        Process b = process("engine-b", 1);
        var breaches = new CopyOnWriteArrayList<String>();
        var running = new AtomicBoolean(true);
        long[] samples = {0};
        Thread watcher = new Thread(() -> {
            while (running.get()) {
                SharedTotals totals = a.exposure().totals();
                samples[0]++;
                peakGross.accumulateAndGet(totals.globalGross(), Math::max);
                check(totals, breaches);
            }
        });
        watcher.start();
        List<Thread> loops = new ArrayList<>();
        for (Process process : List.of(a, b)) {
            for (int loop = 0; loop < 2; loop++) {
                List<Integer> owned = process.coins().subList(loop * 2, loop * 2 + 2);
                long seed = loop * 31L + process.coins().get(0);
                loops.add(new Thread(() -> trade(process.risk(), owned, seed, breaches)));
            }
        }
        loops.forEach(Thread::start);
        for (Thread loop : loops) {
            loop.join(TimeUnit.SECONDS.toMillis(60));
        }
        running.set(false);
        watcher.join();
        assertThat(samples[0]).as("watcher samples").isGreaterThan(50);
        assertThat(breaches).isEmpty();
        assertThat(limited.sum()).as("orders the shared limits reduced or rejected").isPositive();
        assertThat(peakGross.get()).as("the global gross came close to its limit")
                .isGreaterThan((long) (0.8 * GLOBAL_GROSS * UNITS));

        for (Process process : List.of(a, b)) {
            assertThat(process.exposure().flush(Duration.ofSeconds(10))).isTrue();
        }
        SharedTotals totals = a.exposure().totals();
        long bookGross = units(a.risk().exposure(ExposureScope.GLOBAL_GROSS, 0))
                + units(b.risk().exposure(ExposureScope.GLOBAL_GROSS, 0));
        assertThat(totals.globalGross()).as("the shared total is both books").isEqualTo(bookGross);
        assertThat(bookGross).as("positions are left to close").isPositive();
        for (Process process : List.of(a, b)) {
            flatten(process.risk(), process.coins());
            assertThat(process.exposure().flush(Duration.ofSeconds(10))).isTrue();
        }
        SharedTotals after = a.exposure().totals();
        assertThat(after.coins()).isEmpty();
        assertThat(after.sectors()).isEmpty();
        assertThat(after.exchanges()).isEmpty();
        assertThat(after.globalGross()).isZero();
        assertThat(after.netLong()).isZero();
        assertThat(after.netShort()).isZero();
        assertThat(after.openTrades()).isZero();
    }

    /** Random intents on the loop's coins, each filled whole or in part or cancelled; every fill at its price. */
    private void trade(RiskController risk, List<Integer> coins, long seed, List<String> breaches) {
        var random = new SplittableRandom(seed);
        var verdict = new RiskVerdict();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < end) {
            int coin = coins.get(random.nextInt(coins.size()));
            int exchange = random.nextBoolean() ? ExchangeId.BINANCE.ordinal() : ExchangeId.OKX.ordinal();
            double price = price(coin);
            Side side = random.nextInt(3) == 0 ? Side.SELL : Side.BUY;
            risk.check(coin, exchange, side, (200 + random.nextInt(1_800)) / price, price, false, 10, verdict);
            if (verdict.reason() == RiskReason.SECTOR_LIMIT || verdict.reason() == RiskReason.GLOBAL_GROSS_LIMIT
                    || verdict.reason() == RiskReason.EXCHANGE_LIMIT) {
                limited.increment();
            }
            if (!verdict.passed()) {
                continue;
            }
            long reservation = verdict.reservation();
            switch (random.nextInt(4)) {
                case 0, 1 -> risk.onFill(reservation, verdict.approvedQuantity(), price, 0);
                case 2 -> {
                    risk.onFill(reservation, verdict.approvedQuantity() / 2, price, 0);
                    risk.onCancel(reservation);
                }
                default -> risk.onCancel(reservation);
            }
            if (random.nextInt(6) == 0) {
                flatten(risk, List.of(coin)); // closing makes room again, for both processes
            }
        }
    }

    private void flatten(RiskController risk, List<Integer> coins) {
        var verdict = new RiskVerdict();
        for (int coin : coins) {
            for (ExchangeId exchange : List.of(ExchangeId.BINANCE, ExchangeId.OKX)) {
                double position = risk.position(universe.coin(coin), exchange);
                if (position != 0) {
                    risk.check(coin, exchange.ordinal(), position > 0 ? Side.SELL : Side.BUY, Math.abs(position),
                            price(coin), true, 0, verdict);
                    assertThat(verdict.passed()).as("closing %s: %s", universe.coin(coin), verdict.reason()).isTrue();
                    risk.onFill(verdict.reservation(), verdict.approvedQuantity(), price(coin), 0);
                }
            }
        }
    }

    private static void check(SharedTotals totals, List<String> breaches) {
        totals.coins().forEach((coin, v) -> over(breaches, "coin " + coin, v, PER_COIN));
        totals.sectors().forEach((sector, v) -> over(breaches, "sector " + sector, v, PER_SECTOR));
        totals.exchanges().forEach((exchange, v) -> over(breaches, "exchange " + exchange, v, PER_EXCHANGE));
        over(breaches, "global gross", totals.globalGross(), GLOBAL_GROSS);
    }

    private static void over(List<String> breaches, String scope, long units, double limit) {
        if (units > limit * UNITS) {
            breaches.add(scope + ": " + units / (double) UNITS + " > " + limit);
        }
    }

    /** A member on its own Redis connection holding the leases of the coins {@code parity} picks (0 even, 1 odd). */
    private Process process(String name, int parity) {
        Injector injector = Guice.createInjector(new RedisClusterModule(new RedisClusterConfig(redisUri, prefix,
                Duration.ofSeconds(2), Duration.ofSeconds(1))));
        CoinLeases leases = injector.getInstance(CoinLeases.class);
        SharedExposure exposure = injector.getInstance(SharedExposure.class);
        closing.add(exposure);
        closing.add(leases);
        var limits = new RiskLimits(0.8, new ExposureLimits(PER_COIN, PER_SECTOR, PER_EXCHANGE, GLOBAL_GROSS, 1e9),
                new DrawdownBreakers(new DrawdownLimit(0.5, 0.5, Duration.ofDays(7)),
                        new DrawdownLimit(0.5, 0.5, Duration.ofDays(7))),
                Duration.ofMinutes(15), Duration.ofHours(1), 5);
        var risk = new RiskController(universe, limits, new TradeLimits(1_000, 900), 1_000_000,
                new SystemEngineClock(), RiskListener.NONE, exposure);
        List<Integer> coins = new ArrayList<>();
        for (int c = parity; c < universe.coinCount(); c += 2) {
            coins.add(c);
            risk.onPrice(c, price(c));
            risk.assignLease(c, leases.tryAcquire(universe.coin(c), name, Duration.ofMinutes(2)).orElseThrow()
                    .fencingToken());
        }
        return new Process(risk, exposure, coins);
    }

    /** Eight coins in two sectors, each sector traded by both processes. */
    private static RiskUniverse universe() {
        var listings = new ArrayList<CoinListing>();
        for (int i = 0; i < 8; i++) {
            listings.add(new CoinListing(Coin.of("S" + i), Sector.of(i < 4 ? "alpha" : "beta"),
                    Set.of(ExchangeId.BINANCE, ExchangeId.OKX)));
        }
        return new RiskUniverse(new Universe("USDT", 8, 8, listings));
    }

    private static double price(int coin) {
        return 10 + coin;
    }

    private static long units(double quote) {
        return Math.round(quote * UNITS);
    }
}
