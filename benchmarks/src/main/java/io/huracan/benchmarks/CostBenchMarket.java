package io.huracan.benchmarks;

import io.huracan.domain.cost.CoinIndex;
import io.huracan.domain.cost.CoinRanking;
import io.huracan.domain.cost.CoinSignals;
import io.huracan.domain.cost.CostBreakdown;
import io.huracan.domain.cost.CostModel;
import io.huracan.domain.cost.CostModelParams;
import io.huracan.domain.cost.FeeSchedule;
import io.huracan.domain.cost.RankingKey;
import io.huracan.ports.market.BookLevel;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.CoinListing;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.FundingRate;
import io.huracan.ports.market.InstrumentKind;
import io.huracan.ports.market.OrderBook;
import io.huracan.ports.market.Sector;
import io.huracan.ports.market.Side;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A seeded synthetic market for the cost benchmarks: 400 coins on binance (perpetual), okx (spot) and bybit
 * (perpetual), 20 depth levels a side, funding on the perpetuals, and a pre-drawn sequence of signals so that
 * each evaluation differs (coin, venue, side, size, maker or taker) without drawing random numbers while timed.
 */
final class CostBenchMarket {
    static final int COINS = 400;
    static final ExchangeId[] VENUES = {ExchangeId.BINANCE, ExchangeId.OKX, ExchangeId.BYBIT};
    static final InstrumentKind[] KINDS = {InstrumentKind.PERPETUAL, InstrumentKind.SPOT, InstrumentKind.PERPETUAL};
    static final long T0 = 1_700_000_000_000_000L;
    static final long NOW = T0 + 500_000;
    private static final long HOUR = 3_600_000_000L;
    private static final int LEVELS = 20;
    private static final int QUERIES = 1 << 16;

    final CostModel model;
    final CoinRanking ranking;
    final CoinSignals signals = new CoinSignals(COINS);
    final CostBreakdown out = new CostBreakdown();
    private final int[] exchange = new int[QUERIES];
    private final int[] coin = new int[QUERIES];
    private final InstrumentKind[] kind = new InstrumentKind[QUERIES];
    private final Side[] side = new Side[QUERIES];
    private final double[] quantity = new double[QUERIES];
    private final double[] edge = new double[QUERIES];
    private final boolean[] maker = new boolean[QUERIES];
    private int next;

    CostBenchMarket(long seed) {
        var random = new SplittableRandom(seed);
        var listings = new ArrayList<CoinListing>();
        for (int c = 0; c < COINS; c++) {
            listings.add(new CoinListing(Coin.of("C" + c), Sector.of("bench"), Set.of(VENUES)));
        }
        model = new CostModel(CoinIndex.of(listings), params());
        for (int c = 0; c < COINS; c++) {
            double mid = 0.01 + random.nextDouble() * 1000;
            for (ExchangeId venue : VENUES) {
                model.onOrderBook(book(Coin.of("C" + c), venue, mid, random));
                model.onFundingRate(new FundingRate(Coin.of("C" + c), venue, T0, (random.nextDouble() - 0.3) * 2e-4,
                        T0 + random.nextLong(8 * HOUR), 8 * HOUR));
            }
            signals.set(c, 5 + random.nextDouble() * 60, random.nextBoolean() ? Side.BUY : Side.SELL,
                    0.5 + random.nextDouble() * 3, 8 * HOUR, random.nextInt(4) == 0);
        }
        for (int q = 0; q < QUERIES; q++) {
            int v = random.nextInt(VENUES.length);
            exchange[q] = VENUES[v].ordinal();
            kind[q] = KINDS[v];
            coin[q] = random.nextInt(COINS);
            side[q] = random.nextBoolean() ? Side.BUY : Side.SELL;
            quantity[q] = 0.1 + random.nextDouble() * 6;
            edge[q] = random.nextDouble() * 80 - 10;
            maker[q] = random.nextInt(4) == 0;
        }
        ranking = new CoinRanking(model, Map.of(VENUES[0], KINDS[0], VENUES[1], KINDS[1], VENUES[2], KINDS[2]),
                RankingKey.EDGE_AFTER_COST);
    }

    /** The engine's default fees and thresholds (config/base.yaml). */
    private static CostModelParams params() {
        return new CostModelParams(Map.of(
                "binance", new FeeSchedule("VIP0", 10, 10, 0),
                "okx", new FeeSchedule("Lv1", 8, 10, 0),
                "bybit", new FeeSchedule("VIP0", 10, 10, 0)),
                Duration.ofSeconds(30), Duration.ofHours(8), 2.0, Duration.ofSeconds(2), 10_000, 10_000);
    }

    private static OrderBook book(Coin coin, ExchangeId venue, double mid, SplittableRandom random) {
        double tick = mid * 1e-4;
        double half = tick * (1 + random.nextInt(5));
        List<BookLevel> bids = new ArrayList<>();
        List<BookLevel> asks = new ArrayList<>();
        for (int i = 0; i < LEVELS; i++) {
            bids.add(new BookLevel(mid - half - i * tick, 0.2 + random.nextDouble() * 2));
            asks.add(new BookLevel(mid + half + i * tick, 0.2 + random.nextDouble() * 2));
        }
        return new OrderBook(coin, venue, T0, bids, asks);
    }

    /** Evaluates the next pre-drawn signal; returns its edge after cost. */
    double evaluateNext() {
        int q = next;
        next = (q + 1) & (QUERIES - 1);
        return model.evaluate(exchange[q], coin[q], kind[q], side[q], quantity[q], edge[q], 8 * HOUR, maker[q], NOW, out)
                .edgeAfterCostBps();
    }

    /** Re-ranks all 400 coins across the three venues; returns how many are tradeable. */
    int rerank() {
        return ranking.rank(signals, NOW);
    }
}
