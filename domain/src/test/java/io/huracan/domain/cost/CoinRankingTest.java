package io.huracan.domain.cost;

import io.huracan.ports.cost.CostSkipReason;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.InstrumentKind;
import io.huracan.ports.market.Side;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.huracan.domain.cost.CostFixture.HOUR;
import static io.huracan.domain.cost.CostFixture.OKX;
import static io.huracan.domain.cost.CostFixture.SECOND;
import static io.huracan.domain.cost.CostFixture.T0;
import static io.huracan.domain.cost.CostFixture.tenBpsBook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Six coins, each with the 10 bp book on binance and okx. A taker round trip of size 1 costs 5 + 5 + fees on
 * binance (5 + 5) = 20 bps, on okx (3 + 3) = 16 bps, so okx is the better venue for every coin.
 */
class CoinRankingTest {
    private static final long NOW = T0 + SECOND;

    private final CostModel model = new CostModel(CoinIndex.of(CostFixture.universe(6)), CostFixture.params());
    private final CoinSignals signals = new CoinSignals(6);
    private final int[] top = new int[6];

    @BeforeEach
    void market() {
        for (int coin = 0; coin < 6; coin++) {
            model.onOrderBook(tenBpsBook(Coin.of("C" + coin), ExchangeId.BINANCE, T0));
            model.onOrderBook(tenBpsBook(Coin.of("C" + coin), ExchangeId.OKX, T0));
        }
    }

    private CoinRanking ranking(RankingKey key) {
        return new CoinRanking(model, Map.of(ExchangeId.BINANCE, InstrumentKind.SPOT, ExchangeId.OKX,
                InstrumentKind.SPOT), key);
    }

    @Test
    void coins_rank_by_edge_after_cost_on_their_cheapest_venue_and_ties_go_to_the_lower_index() {
        signals.set(0, 30, Side.BUY, 1, 8 * HOUR, false);    // 30 - 16 = 14
        signals.set(1, 50, Side.SELL, 1, 8 * HOUR, false);   // 34
        signals.set(2, 30, Side.BUY, 1, 8 * HOUR, false);    // 14, tie with coin 0
        signals.set(3, 17, Side.BUY, 1, 8 * HOUR, false);    // 1 < 2: below the minimum
        signals.set(4, 40, Side.BUY, 5, 8 * HOUR, false);    // 5 > 3 visible: too thin
        CoinRanking ranking = ranking(RankingKey.EDGE_AFTER_COST);   // coin 5 has no signal

        assertThat(ranking.rank(signals, NOW)).isEqualTo(3);

        assertThat(ranking.topK(2, top)).isEqualTo(2);
        assertThat(top).startsWith(1, 0);
        assertThat(ranking.topK(10, top)).isEqualTo(3);
        assertThat(top).startsWith(1, 0, 2);
        assertThat(ranking.best(1).exchange()).isEqualTo(OKX);
        assertThat(ranking.best(1).edgeAfterCostBps()).isCloseTo(34, within(1e-9));
        assertThat(ranking.skipped(CostSkipReason.BELOW_MIN_EDGE)).isEqualTo(1);
        assertThat(ranking.skipped(CostSkipReason.BOOK_TOO_THIN)).isEqualTo(1);
        assertThat(ranking.best(3).edgeAfterCostBps()).isCloseTo(1, within(1e-9));
    }

    @Test
    void edge_per_cost_prefers_the_cheap_trade_over_the_large_edge() {
        signals.set(0, 40, Side.BUY, 1, 8 * HOUR, false);    // taker on okx: 24 after 16 of cost, 40 / 16 = 2.5
        signals.set(1, 20, Side.BUY, 1, 8 * HOUR, true);     // maker on okx: rebate -2, 22 after cost, 20 / 0.01
        CoinRanking byEdge = ranking(RankingKey.EDGE_AFTER_COST);
        CoinRanking byEfficiency = ranking(RankingKey.EDGE_PER_COST);

        byEdge.rank(signals, NOW);
        byEfficiency.rank(signals, NOW);

        assertThat(byEdge.coinAt(0)).isEqualTo(0);
        assertThat(byEfficiency.coinAt(0)).isEqualTo(1);
    }

    @Test
    void a_coin_no_venue_can_trade_reports_the_furthest_reason() {
        model.onFundingRate(CostFixture.funding(Coin.of("C0"), ExchangeId.OKX, T0, 0.0001, T0 + HOUR, 8 * HOUR));
        signals.set(0, 40, Side.BUY, 1, 8 * HOUR, false);
        signals.set(1, 40, Side.BUY, 1, 8 * HOUR, false);
        // binance perpetual has no funding rate for either coin; okx has one for C0 only
        CoinRanking ranking = new CoinRanking(model, Map.of(ExchangeId.BINANCE, InstrumentKind.PERPETUAL,
                ExchangeId.OKX, InstrumentKind.PERPETUAL), RankingKey.EDGE_AFTER_COST);

        assertThat(ranking.rank(signals, NOW)).isEqualTo(1);
        assertThat(ranking.coinAt(0)).isZero();
        assertThat(ranking.skipped(CostSkipReason.NO_FUNDING_RATE)).isEqualTo(1);

        assertThat(ranking.rank(signals, T0 + 10 * SECOND)).isZero();   // every book now stale
        assertThat(ranking.skipped(CostSkipReason.STALE_BOOK)).isEqualTo(2);
    }
}
