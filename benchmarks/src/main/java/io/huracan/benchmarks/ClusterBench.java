package io.huracan.benchmarks;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.huracan.adapter.redis.RedisClusterConfig;
import io.huracan.adapter.redis.RedisClusterModule;
import io.huracan.bootstrap.SystemEngineClock;
import io.huracan.bootstrap.engine.ForwardingSharedExposure;
import io.huracan.domain.cluster.ClusterTimings;
import io.huracan.domain.cluster.CoinHandover;
import io.huracan.domain.cluster.CoinOwnership;
import io.huracan.domain.risk.RiskController;
import io.huracan.domain.risk.RiskListener;
import io.huracan.domain.risk.RiskUniverse;
import io.huracan.domain.risk.RiskVerdict;
import io.huracan.domain.risk.TradeLimits;
import io.huracan.ports.cluster.ClusterMembership;
import io.huracan.ports.cluster.CoinLease;
import io.huracan.ports.cluster.CoinLeases;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.Sector;
import io.huracan.ports.market.Side;
import io.huracan.ports.risk.SharedExposure;
import io.huracan.ports.time.EngineClock;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code huracan bench cluster}: what scale-out costs an order and how fast a dead member's coins move.
 * <ul>
 *   <li>Admission: the risk controller of a cluster member (400 coins, base.yaml limits) checking orders on the coins
 *   it holds leases of, each check admitted against the shared exposure in Redis, then cancelled (its release is
 *   published in the background, as in the engine). ops_per_s, p50/p99/p999 are those checks, one thread;
 *   {@code round_trips_per_order} counts the synchronous admission scripts per check.</li>
 *   <li>Script: the admission script alone, through the port ({@code script_p50_ns}, {@code script_p99_ns}).</li>
 *   <li>Takeover: two members with the default timings (lease 5 s, renewal 1 s) split {@code --coins} coins; one
 *   stops renewing (as kill -9 does); {@code takeover_ms} is until the other trades them all.</li>
 * </ul>
 * Runs under a fresh key prefix on {@code --redis-uri}, deleted after.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Scale-out: order admission against the shared exposure in Redis, and takeover time.")
public final class ClusterBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--redis-uri", description = "Redis to measure against. Default: HURACAN_TEST_REDIS or "
            + "redis://127.0.0.1:6379.")
    String redisUri;

    @Option(names = "--seconds", defaultValue = "5",
            description = "Measured seconds of admissions. Default: ${DEFAULT-VALUE}.")
    int seconds;

    @Option(names = "--coins", defaultValue = "100", description = "Coins the member holds (and the takeover moves). "
            + "Default: ${DEFAULT-VALUE}.")
    int coins;

    @Option(names = "--no-takeover", description = "Skip the takeover measurement (about 10 s).")
    boolean noTakeover;

    @Option(names = "--json", description = "Print one JSON object on the last line.")
    boolean json;

    @Override
    public Integer call() {
        if (seconds < 1 || coins < 2 || coins > RiskBenchFixture.COINS) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--seconds " + seconds + " --coins " + coins
                    + " is invalid; allowed: seconds >= 1, coins in [2, " + RiskBenchFixture.COINS + "]");
        }
        if (redisUri == null) {
            String fromEnvironment = System.getenv("HURACAN_TEST_REDIS");
            redisUri = fromEnvironment == null || fromEnvironment.isBlank() ? "redis://127.0.0.1:6379"
                    : fromEnvironment;
        }
        String prefix = "huracan-bench-cluster-" + UUID.randomUUID();
        Injector injector = Guice.createInjector(new RedisClusterModule(new RedisClusterConfig(redisUri, prefix,
                Duration.ofSeconds(1), Duration.ofSeconds(1))));
        CoinLeases leases = injector.getInstance(CoinLeases.class);
        ClusterMembership membership = injector.getInstance(ClusterMembership.class);
        SharedExposure exposure = injector.getInstance(SharedExposure.class);
        try {
            var counting = new CountingExposure(exposure);
            RiskUniverse universe = RiskBenchFixture.universe();
            var risk = new RiskController(universe, RiskBenchFixture.limits(), new TradeLimits(1_000, 100),
                    10_000_000, new SystemEngineClock(), RiskListener.NONE, counting);
            List<CoinLease> held = new ArrayList<>();
            for (int c = 0; c < coins; c++) {
                CoinLease lease = leases.tryAcquire(universe.coin(c), "bench", Duration.ofSeconds(60)).orElseThrow();
                held.add(lease);
                risk.assignLease(c, lease.fencingToken());
                risk.onPrice(c, RiskBenchFixture.price(c));
            }
            exposure.flush(Duration.ofSeconds(10));
            BenchProgress.phase("cluster", "warming up");
            admissions(risk, held, 2, new Histogram(3), counting);
            BenchProgress.phase("cluster", "admissions, " + seconds + " s");
            var latency = new Histogram(3);
            counting.reserves.reset();
            long checks = admissions(risk, held, seconds, latency, counting);
            double perSecond = checks / (double) seconds;
            double roundTrips = counting.reserves.sum() / (double) checks;
            Histogram script = script(exposure, leases, universe);
            var report = new BenchReport("cluster", perSecond)
                    .latency(latency)
                    .put("round_trips_per_order", Math.round(roundTrips * 1000) / 1000.0)
                    .put("script_p50_ns", script.getValueAtPercentile(50))
                    .put("script_p99_ns", script.getValueAtPercentile(99))
                    .put("coins", coins)
                    .put("redis_uri", redisUri);
            if (!noTakeover) {
                BenchProgress.phase("cluster", "takeover of " + coins / 2 + " coins (lease 5 s, renewal 1 s)");
                report.put("takeover_ms", takeoverMillis(leases, membership))
                        .put("lease_ttl_ms", ClusterTimings.DEFAULTS.leaseTtl().toMillis())
                        .put("renew_interval_ms", ClusterTimings.DEFAULTS.renewInterval().toMillis());
            }
            report.print(System.out, json);
            return 0;
        } finally {
            exposure.close();
            leases.close();
            membership.close();
            RedisKeys.delete(redisUri, prefix);
        }
    }

    /** Check (timed) and cancel on the held coins in turn for {@code runSeconds}; returns the checks. */
    private static long admissions(RiskController risk, List<CoinLease> held, int runSeconds, Histogram latency,
                                   CountingExposure counting) {
        var verdict = new RiskVerdict();
        long end = System.nanoTime() + runSeconds * 1_000_000_000L;
        long checks = 0;
        int exchange = ExchangeId.BINANCE.ordinal();
        for (int i = 0; System.nanoTime() < end; i++) {
            int coin = i % held.size();
            double price = RiskBenchFixture.price(coin);
            long before = System.nanoTime();
            risk.check(coin, exchange, (i & 1) == 0 ? Side.BUY : Side.SELL, 500 / price, price, false, 20, verdict);
            latency.recordValue(System.nanoTime() - before);
            checks++;
            if (!verdict.passed()) {
                throw new IllegalStateException("bench cluster: an admission was refused (" + verdict.reason()
                        + "); the bench's book should always have room");
            }
            risk.onCancel(verdict.reservation());
        }
        return checks;
    }

    /** The admission script alone: 20,000 reserves of one coin's growing contribution, through the port. */
    private static Histogram script(SharedExposure exposure, CoinLeases leases, RiskUniverse universe) {
        Coin coin = universe.coin(universe.coinCount() - 1);
        Sector sector = universe.sector(universe.sectorOf(universe.coinCount() - 1));
        CoinLease lease = leases.tryAcquire(coin, "bench-script", Duration.ofSeconds(60)).orElseThrow();
        long[] contribution = new long[SharedExposure.SLOTS];
        long[] caps = new long[SharedExposure.SLOTS];
        Arrays.fill(caps, 1_000_000_000_000L);
        long[] totals = new long[SharedExposure.SLOTS];
        var histogram = new Histogram(3);
        for (int i = 1; i <= 20_000; i++) {
            contribution[SharedExposure.COIN] = i;
            contribution[SharedExposure.SECTOR] = i;
            contribution[SharedExposure.GLOBAL_GROSS] = i;
            long before = System.nanoTime();
            int status = exposure.reserve(coin, sector, lease.fencingToken(), i, contribution, caps, totals);
            histogram.recordValue(System.nanoTime() - before);
            if (status != SharedExposure.RESERVED) {
                throw new IllegalStateException("bench cluster: the admission script answered " + status);
            }
        }
        return histogram;
    }

    /** Two members split the coins; one stops renewing; milliseconds until the other trades them all. */
    private long takeoverMillis(CoinLeases leases, ClusterMembership membership) {
        List<Coin> pool = new ArrayList<>();
        for (int c = 0; c < coins; c++) {
            pool.add(Coin.of("T" + c));
        }
        EngineClock clock = new SystemEngineClock();
        ClusterTimings timings = ClusterTimings.DEFAULTS;
        var dying = new CoinOwnership("bench-dying", pool, timings, leases, membership, ImmediateHandover.INSTANCE,
                clock);
        var survivor = new CoinOwnership("bench-survivor", pool, timings, leases, membership,
                ImmediateHandover.INSTANCE, clock);
        long interval = timings.renewInterval().toNanos();
        for (int round = 0; round < 10 && (dying.owned().size() != coins / 2 || survivor.owned().size() != coins / 2);
             round++) {
            dying.tick();
            survivor.tick();
            LockSupport.parkNanos(interval);
        }
        dying.tick(); // its last renewal: from here it is dead
        long killed = System.nanoTime();
        long next = killed;
        while (survivor.owned().size() < coins) {
            next += interval;
            LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
            survivor.tick();
            if (System.nanoTime() - killed > 60_000_000_000L) {
                throw new IllegalStateException("bench cluster: the survivor holds " + survivor.owned().size() + " of "
                        + coins + " coins 60 s after the other stopped");
            }
        }
        long millis = (System.nanoTime() - killed) / 1_000_000;
        survivor.leave();
        return millis;
    }

    /** The engine's side of a hand-over for the takeover measurement: nothing to close, settled at once. */
    private enum ImmediateHandover implements CoinHandover {
        INSTANCE;

        @Override
        public void start(List<CoinLease> granted) {
        }

        @Override
        public void beginRelease(Coin coin) {
        }

        @Override
        public boolean settled(Coin coin) {
            return true;
        }

        @Override
        public void stop(List<Coin> stopped, boolean lost) {
        }
    }

    /** Counts the admission scripts (one synchronous round trip each); closing is left to the real one. */
    private static final class CountingExposure extends ForwardingSharedExposure {
        final LongAdder reserves = new LongAdder();

        CountingExposure(SharedExposure exposure) {
            super(exposure);
        }

        @Override
        public int reserve(Coin coin, Sector sector, long token, long version, long[] contribution, long[] caps,
                           long[] totals) {
            reserves.increment();
            return super.reserve(coin, sector, token, version, contribution, caps, totals);
        }

        @Override
        public void close() {
        }
    }
}
