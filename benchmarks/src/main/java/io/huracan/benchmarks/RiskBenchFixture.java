package io.huracan.benchmarks;

import io.huracan.bootstrap.SystemEngineClock;
import io.huracan.domain.risk.DrawdownBreakers;
import io.huracan.domain.risk.DrawdownLimit;
import io.huracan.domain.risk.ExposureLimits;
import io.huracan.domain.risk.RiskController;
import io.huracan.domain.risk.RiskLimits;
import io.huracan.domain.risk.RiskListener;
import io.huracan.domain.risk.RiskUniverse;
import io.huracan.domain.risk.RiskVerdict;
import io.huracan.domain.risk.TradeLimits;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.CoinListing;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.Sector;
import io.huracan.ports.market.Side;
import io.huracan.ports.market.Universe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.SplittableRandom;

/**
 * The risk benchmark's book: 400 coins in 20 sectors on 3 exchanges, limits as in config/base.yaml, and 500
 * open trades (filled positions), so checks run above the soft trade count with the rank policy live. Intents
 * are precomputed per owner thread: coins owned like event loops own them ({@code coin % owners == owner}), a
 * mix of orders on open trades and new ones, both sides, sizes that sometimes reach the soft-throttle band.
 */
final class RiskBenchFixture {
    static final int COINS = 400;
    static final int SECTORS = 20;
    static final int OPEN_TRADES = 500;
    private static final ExchangeId[] EXCHANGES = {ExchangeId.BINANCE, ExchangeId.OKX, ExchangeId.BYBIT};
    private static final int INTENTS = 4096;

    final RiskController risk;
    private final int[] openCoin = new int[OPEN_TRADES];
    private final int[] openExchange = new int[OPEN_TRADES];

    RiskBenchFixture() {
        risk = new RiskController(universe(), limits(), new TradeLimits(1_000, 100), 10_000_000,
                new SystemEngineClock(), RiskListener.NONE);
        for (int c = 0; c < COINS; c++) {
            risk.onPrice(c, price(c));
        }
        var random = new SplittableRandom(7);
        var verdict = new RiskVerdict();
        int open = 0;
        for (int i = 0; open < OPEN_TRADES; i++) {
            int coin = (i * 7) % COINS;
            int exchange = EXCHANGES[(i / COINS) % EXCHANGES.length].ordinal();
            Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            risk.check(coin, exchange, side, 500 / price(coin), price(coin), false, 5 + random.nextDouble() * 30,
                    verdict);
            if (verdict.passed()) {
                risk.onFill(verdict.reservation(), verdict.approvedQuantity(), price(coin), 0);
                openCoin[open] = coin;
                openExchange[open] = exchange;
                open++;
            }
        }
    }

    /** 400 coins C0..C399 in 20 sectors, each on Binance, OKX and Bybit. */
    static RiskUniverse universe() {
        var listings = new ArrayList<CoinListing>();
        for (int i = 0; i < COINS; i++) {
            listings.add(new CoinListing(Coin.of("C" + i), Sector.of("s" + (i % SECTORS)),
                    java.util.Set.of(EXCHANGES)));
        }
        return new RiskUniverse(new Universe("USDT", COINS, COINS, listings));
    }

    /** The limits of config/base.yaml. */
    static RiskLimits limits() {
        return new RiskLimits(0.8, new ExposureLimits(50_000, 150_000, 400_000, 1_000_000, 500_000),
                new DrawdownBreakers(new DrawdownLimit(0.05, 0.10, Duration.ofDays(7)),
                        new DrawdownLimit(0.03, 0.08, Duration.ofDays(7))),
                Duration.ofMinutes(15), Duration.ofHours(1), 5);
    }

    static double price(int coin) {
        return 1 + coin * 0.5;
    }

    /**
     * One owner's intents: {@code mixed} draws any of its coins on any exchange with sizes up to the coin limit
     * (approvals, soft-throttle reductions, rank rejections for new trades: the realistic mix, where every
     * reduction or rejection builds a RiskEvent); otherwise only orders on its open trades below the soft band,
     * the plain-approval path that must allocate nothing.
     */
    Intents intents(int owner, int owners, long seed, boolean mixed) {
        return new Intents(owner, owners, seed, mixed);
    }

    /** One owner's intents as parallel arrays, read round-robin by the benchmark loops. */
    final class Intents {
        final int[] coin = new int[INTENTS];
        final int[] exchange = new int[INTENTS];
        final Side[] side = new Side[INTENTS];
        final double[] quantity = new double[INTENTS];
        final double[] price = new double[INTENTS];
        final double[] edge = new double[INTENTS];
        private int next;

        private Intents(int owner, int owners, long seed, boolean mixed) {
            var random = new SplittableRandom(seed);
            int owned = COINS / owners;
            var mine = new ArrayList<Integer>();
            for (int t = 0; t < OPEN_TRADES; t++) {
                if (openCoin[t] % owners == owner) {
                    mine.add(t);
                }
            }
            for (int i = 0; i < INTENTS; i++) {
                if (mixed || mine.isEmpty()) {
                    coin[i] = owner + owners * random.nextInt(owned);
                    exchange[i] = EXCHANGES[random.nextInt(EXCHANGES.length)].ordinal();
                } else {
                    int trade = mine.get(random.nextInt(mine.size()));
                    coin[i] = openCoin[trade];
                    exchange[i] = openExchange[trade];
                }
                side[i] = random.nextBoolean() ? Side.BUY : Side.SELL;
                price[i] = price(coin[i]);
                quantity[i] = (100 + random.nextDouble() * (mixed ? 50_000 : 20_000)) / price[i];
                edge[i] = random.nextDouble() * 40;
            }
        }

        int next() {
            int i = next;
            next = (i + 1) & (INTENTS - 1);
            return i;
        }
    }

    /** Checks intent {@code i} and releases what it reserved, as an order cancelled at once would. */
    void checkAndRelease(Intents intents, int i, RiskVerdict verdict) {
        check(intents, i, verdict);
        release(verdict);
    }

    void check(Intents intents, int i, RiskVerdict verdict) {
        risk.check(intents.coin[i], intents.exchange[i], intents.side[i], intents.quantity[i], intents.price[i],
                false, intents.edge[i], verdict);
    }

    void release(RiskVerdict verdict) {
        if (verdict.passed()) {
            risk.onCancel(verdict.reservation());
        }
    }
}
