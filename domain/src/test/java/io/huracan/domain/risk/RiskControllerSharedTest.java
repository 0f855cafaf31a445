package io.huracan.domain.risk;

import io.huracan.ports.cluster.CoinLease;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.Sector;
import io.huracan.ports.market.Side;
import io.huracan.ports.risk.RiskReason;
import io.huracan.ports.risk.SharedExposure;
import io.huracan.ports.risk.SharedTotals;
import io.huracan.testkit.cluster.InMemoryCoinLeases;
import io.huracan.testkit.cluster.InMemorySharedExposure;
import io.huracan.testkit.time.ManualClock;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two risk controllers standing for two engine processes of a cluster, each holding the leases of its own coins,
 * sharing their limits through one shared exposure store (the in-memory one, held to the Redis adapter's contract).
 */
class RiskControllerSharedTest {
    private static final Duration TTL = Duration.ofSeconds(5);
    private static final Duration MARGIN = Duration.ofSeconds(1);
    private static final double[] PRICES = {100, 50, 20, 80};

    // fresh for every test and every try (reset): jqwik keeps one instance per property
    private ManualClock clock;
    private InMemoryCoinLeases leases;
    private InMemorySharedExposure store;

    RiskControllerSharedTest() {
        reset();
    }

    private void reset() {
        clock = new ManualClock(Instant.parse("2026-03-02T10:00:00Z").toEpochMilli() * 1000);
        leases = new InMemoryCoinLeases(() -> clock.epochMicros() / 1000);
        store = new InMemorySharedExposure(leases, MARGIN);
    }

    private final List<CoinLease> held = new ArrayList<>();

    private RiskController process(String name, RiskLimits limits, int... coins) {
        var risk = new RiskController(RiskFixtures.fourCoins(), limits, new TradeLimits(6, 3), 1_000_000, clock,
                RiskListener.NONE, store);
        for (int c = 0; c < PRICES.length; c++) {
            risk.onPrice(c, PRICES[c]);
        }
        for (int coin : coins) {
            CoinLease lease = leases.tryAcquire(risk.universe().coin(coin), name, TTL).orElseThrow();
            held.add(lease);
            risk.assignLease(coin, lease.fencingToken());
        }
        return risk;
    }

    /** kind: 0-3 intent, 4 reduce-only intent, 5-6 fill, 7 cancel, 8 price move; process picks A or B. */
    record Step(boolean onA, int kind, int coin, int exchange, boolean buy, double size, double fraction) {
    }

    @Provide
    Arbitrary<Step> steps() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(0, 7),
                Arbitraries.integers().between(0, 1), Arbitraries.of(1, 2), Arbitraries.of(true, false),
                Arbitraries.doubles().between(0.1, 60), Arbitraries.of(0.25, 0.5, 1.0, 1.0)).as(Step::new);
    }

    /**
     * A holds BTC and UNI, B holds ETH and AAVE: each sector, both exchanges and the global scopes are shared. Over
     * random interleavings the shared totals never pass a limit, always equal what the two books add up to, and
     * return to zero once both have released everything.
     */
    @Property(tries = 200)
    void twoProcessesNeverTogetherPassALimit(@ForAll @Size(min = 1, max = 100) List<@From("steps") Step> steps,
                                             @ForAll boolean withReduceOnly) {
        reset();
        held.clear();
        RiskLimits limits = RiskFixtures.limits(0.8, 5_000, 6_000, 8_000, 11_000, 5_000);
        RiskController a = process("engine-a", limits, 0, 2);
        RiskController b = process("engine-b", limits, 1, 3);
        var driverA = new BookDriver(a, PRICES.clone());
        var driverB = new BookDriver(b, PRICES.clone());
        for (Step step : steps) {
            BookDriver driver = step.onA() ? driverA : driverB;
            int coin = step.onA() ? 2 * step.coin() : 2 * step.coin() + 1; // each process trades its own coins
            switch (step.kind()) {
                case 0, 1, 2, 3 -> driver.intent(coin, step.exchange(), step.buy(), step.size(), false, step.size());
                case 4 -> driver.intent(coin, step.exchange(), step.buy(), step.size(), withReduceOnly, 0);
                case 5, 6 -> driver.fill(coin * 7 + step.exchange(), step.fraction());
                default -> driver.cancel(coin + step.exchange());
            }
            clock.advance(100, TimeUnit.MILLISECONDS);
            assertThat(leases.renewAll(held, TTL)).as("both processes keep their leases").isEmpty();
            SharedTotals totals = store.totals();
            assertThat(breaches(totals, limits.limits(), !withReduceOnly)).as("after %s", step).isEmpty();
            assertThat(totals).as("the shared totals are the sum of both books, after %s", step)
                    .isEqualTo(sum(a, b));
        }
        for (BookDriver driver : List.of(driverA, driverB)) {
            driver.cancelAll();
            driver.flatten(0, PRICES.length, 1);
        }
        SharedTotals totals = store.totals();
        assertThat(totals.coins()).isEmpty();
        assertThat(totals.sectors()).isEmpty();
        assertThat(totals.globalGross()).isZero();
        assertThat(totals.netLong()).isZero();
        assertThat(totals.openTrades()).isZero();
    }

    @Test
    void anOrderIsSizedAndCappedByWhatTheOtherProcessHolds() {
        RiskLimits limits = RiskFixtures.limits(1, 1e9, 6_000, 1e9, 1e9, 1e9);
        RiskController a = process("engine-a", limits, 0);
        RiskController b = process("engine-b", limits, 1);
        var verdict = new RiskVerdict();
        a.check(0, ExchangeId.BINANCE.ordinal(), Side.BUY, 45, 100, false, 10, verdict); // 4,500 of layer1
        assertThat(verdict.outcome()).isEqualTo(RiskVerdict.Outcome.APPROVED);
        b.check(1, ExchangeId.BINANCE.ordinal(), Side.BUY, 60, 50, false, 10, verdict); // asks 3,000, 1,500 left
        assertThat(verdict.outcome()).isEqualTo(RiskVerdict.Outcome.REDUCED);
        assertThat(verdict.reason()).isEqualTo(RiskReason.SECTOR_LIMIT);
        assertThat(verdict.approvedQuantity() * 50).isCloseTo(1_500, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(b.exposure(ExposureScope.SECTOR, 0)).as("B's own book").isCloseTo(1_500, within());
        assertThat(b.sharedExposure(ExposureScope.SECTOR, 0)).as("the cluster's").isCloseTo(6_000, within());
        b.check(1, ExchangeId.OKX.ordinal(), Side.BUY, 1, 50, false, 10, verdict);
        assertThat(verdict.reason()).isEqualTo(RiskReason.SECTOR_LIMIT);
        assertThat(verdict.passed()).isFalse();
    }

    @Test
    void withoutTheLeaseNothingGoesOutAndAHandoverOnlyCloses() {
        RiskController a = process("engine-a", RiskFixtures.wide(), 0);
        var verdict = new RiskVerdict();
        a.check(1, ExchangeId.BINANCE.ordinal(), Side.BUY, 1, 50, false, 10, verdict);
        assertThat(verdict.reason()).as("ETH is not this process's").isEqualTo(RiskReason.FENCED);
        a.check(0, ExchangeId.BINANCE.ordinal(), Side.BUY, 1, 100, false, 10, verdict);
        assertThat(a.onFill(verdict.reservation(), 1, 100, 0)).isTrue();
        a.beginHandover(0);
        a.check(0, ExchangeId.BINANCE.ordinal(), Side.BUY, 1, 100, false, 10, verdict);
        assertThat(verdict.reason()).isEqualTo(RiskReason.HANDOVER);
        assertThat(a.isSettled(0)).isFalse();
        a.check(0, ExchangeId.BINANCE.ordinal(), Side.SELL, 1, 100, true, 0, verdict);
        assertThat(verdict.passed()).as("closing passes during a handover").isTrue();
        a.onFill(verdict.reservation(), 1, 100, 0);
        assertThat(a.isSettled(0)).isTrue();
        a.revokeLease(0);
        a.check(0, ExchangeId.BINANCE.ordinal(), Side.BUY, 1, 100, false, 10, verdict);
        assertThat(verdict.reason()).isEqualTo(RiskReason.FENCED);
    }

    @Test
    void aLeaseAboutToExpireAdmitsNothingAndATakeoverReclaimsTheDeadProcessesExposure() {
        RiskController dying = process("engine-killed", RiskFixtures.wide(), 0);
        var verdict = new RiskVerdict();
        dying.check(0, ExchangeId.BINANCE.ordinal(), Side.BUY, 30, 100, false, 10, verdict);
        dying.onFill(verdict.reservation(), 30, 100, 0);
        assertThat(store.totals().globalGross()).isEqualTo(3_000 * 1_000_000L);
        clock.advance(Duration.ofMillis(4_500)); // no renewal: half a second left, under the 1 s margin
        dying.check(0, ExchangeId.BINANCE.ordinal(), Side.SELL, 30, 100, true, 0, verdict);
        assertThat(verdict.reason()).isEqualTo(RiskReason.FENCED);
        clock.advance(Duration.ofSeconds(1)); // expired
        RiskController taker = new RiskController(RiskFixtures.fourCoins(), RiskFixtures.wide(), new TradeLimits(6, 3),
                1_000_000, clock, RiskListener.NONE, store);
        CoinLease lease = leases.tryAcquire(Coin.of("BTC"), "engine-b", TTL).orElseThrow();
        taker.assignLease(0, lease.fencingToken());
        assertThat(store.totals().globalGross()).as("reclaimed by the new holder's first write").isZero();
        dying.onPrice(0, 100); // the dying process does not know yet: only the admission step stops it
        dying.check(0, ExchangeId.BINANCE.ordinal(), Side.BUY, 1, 100, false, 10, verdict);
        assertThat(verdict.reason()).isEqualTo(RiskReason.FENCED);
    }

    @Test
    void anUnreachableStoreFailsClosed() {
        var risk = new RiskController(RiskFixtures.fourCoins(), RiskFixtures.wide(), new TradeLimits(6, 3), 1_000_000,
                clock, RiskListener.NONE, new UnreachableSharedExposure());
        risk.onPrice(0, 100);
        risk.assignLease(0, leases.tryAcquire(Coin.of("BTC"), "engine-a", TTL).orElseThrow().fencingToken());
        var verdict = new RiskVerdict();
        risk.check(0, ExchangeId.BINANCE.ordinal(), Side.BUY, 1, 100, false, 10, verdict);
        assertThat(verdict.reason()).isEqualTo(RiskReason.SHARED_EXPOSURE_UNAVAILABLE);
        assertThat(risk.exposure(ExposureScope.GLOBAL_GROSS, 0)).isZero();
    }

    @Property(tries = 1000)
    void theAdmissionBoundAgreesWithTheLocalCompareAndSet(@ForAll("units") long used, @ForAll("units") long units,
                                                          @ForAll("ratios") double ratio) {
        long limit = 1_000_000;
        double requested = units * 1.3;
        long bound = RiskController.maxUsedBefore(requested, units, limit, ratio);
        boolean local = used + units <= limit && units <= SoftThrottle.allowed(requested, used, limit, ratio) + 1;
        // the shared bound is the local condition, up to a unit of rounding at its edge
        if (used <= bound - 1) {
            assertThat(local).as("used %d bound %d", used, bound).isTrue();
        }
        if (used >= bound + 2) {
            assertThat(local).as("used %d bound %d", used, bound).isFalse();
        }
        assertThat(bound + units).isLessThanOrEqualTo(limit);
    }

    @Provide
    Arbitrary<Long> units() {
        return Arbitraries.longs().between(1, 1_200_000);
    }

    @Provide
    Arbitrary<Double> ratios() {
        return Arbitraries.of(0.5, 0.8, 1.0);
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-6);
    }

    private static List<String> breaches(SharedTotals totals, ExposureLimits limits, boolean withNet) {
        long unit = ExposureLedger.UNITS_PER_QUOTE;
        List<String> breaches = new ArrayList<>();
        totals.coins().forEach((coin, v) -> over(breaches, "coin " + coin, v, limits.perCoin() * unit));
        totals.sectors().forEach((sector, v) -> over(breaches, "sector " + sector, v, limits.perSector() * unit));
        totals.exchanges().forEach((e, v) -> over(breaches, "exchange " + e, v, limits.perExchange() * unit));
        over(breaches, "global gross", totals.globalGross(), limits.globalGross() * unit);
        if (withNet) {
            over(breaches, "net long", totals.netLong(), limits.globalNet() * unit);
            over(breaches, "net short", totals.netShort(), limits.globalNet() * unit);
        }
        over(breaches, "open trades", totals.openTrades(), 6);
        return breaches;
    }

    private static void over(List<String> breaches, String scope, long value, double limit) {
        if (value > limit) {
            breaches.add(scope + ": " + value + " > " + limit);
        }
    }

    /** What the two local books add up to, in the store's layout. */
    private static SharedTotals sum(RiskController a, RiskController b) {
        var coins = new java.util.HashMap<Coin, Long>();
        var sectors = new java.util.HashMap<Sector, Long>();
        var exchanges = new java.util.EnumMap<ExchangeId, Long>(ExchangeId.class);
        RiskUniverse universe = a.universe();
        for (int c = 0; c < universe.coinCount(); c++) {
            put(coins, universe.coin(c), units(a, b, ExposureScope.COIN, c));
        }
        for (int s = 0; s < universe.sectorCount(); s++) {
            put(sectors, universe.sector(s), units(a, b, ExposureScope.SECTOR, s));
        }
        for (int e = 0; e < RiskUniverse.EXCHANGES; e++) {
            put(exchanges, RiskUniverse.exchange(e), units(a, b, ExposureScope.EXCHANGE, e));
        }
        return new SharedTotals(coins, sectors, exchanges, units(a, b, ExposureScope.GLOBAL_GROSS, 0),
                units(a, b, ExposureScope.NET_LONG, 0), units(a, b, ExposureScope.NET_SHORT, 0),
                a.openTrades() + b.openTrades());
    }

    private static long units(RiskController a, RiskController b, ExposureScope scope, int index) {
        return ExposureLedger.units(a.exposure(scope, index)) + ExposureLedger.units(b.exposure(scope, index));
    }

    private static <K> void put(java.util.Map<K, Long> map, K key, long value) {
        if (value != 0) {
            map.put(key, value);
        }
    }

    /** A store that is down: every call fails as an unreachable Redis does. */
    private static final class UnreachableSharedExposure implements SharedExposure {
        private static UncheckedIOException down() {
            return new UncheckedIOException(new IOException("redis cluster at redis://nowhere: connection refused"));
        }

        @Override
        public int reserve(Coin coin, Sector sector, long token, long version, long[] contribution, long[] caps,
                           long[] totals) {
            throw down();
        }

        @Override
        public void publish(Coin coin, Sector sector, long token, long version, long[] contribution) {
        }

        @Override
        public boolean flush(Duration timeout) {
            return false;
        }

        @Override
        public int pendingWrites() {
            return 0;
        }

        @Override
        public SharedTotals totals() {
            throw down();
        }

        @Override
        public void close() {
        }
    }
}
