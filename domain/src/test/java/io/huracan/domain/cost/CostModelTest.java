package io.huracan.domain.cost;

import io.huracan.ports.cost.CostSkipReason;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.InstrumentKind;
import io.huracan.ports.market.Side;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.huracan.domain.cost.CostFixture.BINANCE;
import static io.huracan.domain.cost.CostFixture.BTC;
import static io.huracan.domain.cost.CostFixture.BYBIT;
import static io.huracan.domain.cost.CostFixture.ETH;
import static io.huracan.domain.cost.CostFixture.HOUR;
import static io.huracan.domain.cost.CostFixture.OKX;
import static io.huracan.domain.cost.CostFixture.SECOND;
import static io.huracan.domain.cost.CostFixture.T0;
import static io.huracan.domain.cost.CostFixture.funding;
import static io.huracan.domain.cost.CostFixture.tenBpsBook;
import static io.huracan.ports.market.InstrumentKind.PERPETUAL;
import static io.huracan.ports.market.InstrumentKind.SPOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Worked examples on BTC with a mid of 100 and a 10 bp spread (bids 99.95 x 1, 99.90 x 2; asks 100.05 x 1,
 * 100.10 x 2). binance fees: maker 2, taker 5 bps. Size 2 walks two levels on each side: average 100.075 against
 * a touch of 100.05, so slippage is 0.025 / 100 * 1e4 = 2.5 bps per leg.
 */
class CostModelTest {
    private static final long NOW = T0 + SECOND;
    private static final long HORIZON = 8 * HOUR;

    private final CostModel model = new CostModel(CoinIndex.of(CostFixture.universe()), CostFixture.params());
    private final CostBreakdown out = new CostBreakdown();

    @BeforeEach
    void market() {
        assertThat(model.onOrderBook(tenBpsBook(BTC, ExchangeId.BINANCE, T0))).isTrue();
        assertThat(model.onOrderBook(tenBpsBook(BTC, ExchangeId.OKX, T0))).isTrue();
        assertThat(model.onOrderBook(tenBpsBook(BTC, ExchangeId.BYBIT, T0))).isTrue();
    }

    private CostBreakdown evaluate(int exchange, InstrumentKind kind, Side side, double quantity, double edge,
                                   boolean maker, long now) {
        return model.evaluate(exchange, 0, kind, side, quantity, edge, HORIZON, maker, now, out);
    }

    @Test
    void spot_taker_round_trip_is_both_half_spreads_both_fees_and_both_slippages() {
        evaluate(BINANCE, SPOT, Side.BUY, 2, 40, false, NOW);

        assertThat(out.entryHalfSpreadBps()).isCloseTo(5, within(1e-9));
        assertThat(out.exitHalfSpreadBps()).isCloseTo(5, within(1e-9));
        assertThat(out.entryFeeBps()).isEqualTo(5);
        assertThat(out.exitFeeBps()).isEqualTo(5);
        assertThat(out.entrySlippageBps()).isCloseTo(2.5, within(1e-9));
        assertThat(out.exitSlippageBps()).isCloseTo(2.5, within(1e-9));
        assertThat(out.fundingBps()).isZero();
        // 5 + 5 + 5 + 5 + 2.5 + 2.5 = 25; 40 - 25 = 15; 40 / 25 = 1.6
        assertThat(out.roundTripBps()).isCloseTo(25, within(1e-9));
        assertThat(out.totalCostBps()).isCloseTo(25, within(1e-9));
        assertThat(out.edgeAfterCostBps()).isCloseTo(15, within(1e-9));
        assertThat(out.edgePerCost()).isCloseTo(1.6, within(1e-9));
        assertThat(out.entryCostBps()).isCloseTo(12.5, within(1e-9));
        assertThat(out.midPrice()).isCloseTo(100, within(1e-12));
        assertThat(out.tradeable()).isTrue();
    }

    @Test
    void a_maker_round_trip_pays_the_maker_fee_twice_and_crosses_nothing() {
        evaluate(BINANCE, SPOT, Side.BUY, 2, 40, true, NOW);

        assertThat(out.entryHalfSpreadBps()).isZero();
        assertThat(out.entrySlippageBps()).isZero();
        assertThat(out.totalCostBps()).isEqualTo(4);          // 2 + 2
        assertThat(out.edgeAfterCostBps()).isEqualTo(36);
    }

    @Test
    void a_maker_rebate_is_a_negative_cost_and_a_discount_lowers_the_taker_fee() {
        evaluate(OKX, SPOT, Side.BUY, 2, 10, true, NOW);
        assertThat(out.totalCostBps()).isEqualTo(-2);         // -1 twice
        assertThat(out.edgeAfterCostBps()).isEqualTo(12);
        assertThat(out.edgePerCost()).isCloseTo(10 / CostModel.EDGE_PER_COST_FLOOR_BPS, within(1e-6));

        evaluate(OKX, SPOT, Side.BUY, 2, 40, false, NOW);
        assertThat(out.entryFeeBps()).isCloseTo(3, within(1e-12)); // 4 bps less 25%
        assertThat(out.totalCostBps()).isCloseTo(21, within(1e-9)); // 5 + 5 + 3 + 3 + 2.5 + 2.5
    }

    @Test
    void a_perpetual_long_pays_positive_funding_and_a_short_receives_it() {
        // 1 bp per 8 h, next in 1 h: one funding time inside the 8 h horizon
        model.onFundingRate(funding(BTC, ExchangeId.BINANCE, T0, 0.0001, T0 + HOUR, 8 * HOUR));

        evaluate(BINANCE, PERPETUAL, Side.BUY, 2, 40, false, NOW);
        assertThat(out.fundingBps()).isCloseTo(1, within(1e-12));
        assertThat(out.fundingEvents()).isEqualTo(1);
        assertThat(out.totalCostBps()).isCloseTo(26, within(1e-9));
        assertThat(out.edgeAfterCostBps()).isCloseTo(14, within(1e-9));

        evaluate(BINANCE, PERPETUAL, Side.SELL, 2, 40, false, NOW);
        assertThat(out.fundingBps()).isCloseTo(-1, within(1e-12));
        assertThat(out.totalCostBps()).isCloseTo(24, within(1e-9));
        assertThat(out.edgeAfterCostBps()).isCloseTo(16, within(1e-9));
    }

    @Test
    void spot_never_pays_funding_even_when_the_coin_has_a_perpetual_rate() {
        model.onFundingRate(funding(BTC, ExchangeId.BINANCE, T0, 0.0005, T0 + HOUR, 8 * HOUR));

        evaluate(BINANCE, SPOT, Side.BUY, 2, 40, false, NOW);

        assertThat(out.fundingBps()).isZero();
        assertThat(out.edgeAfterCostBps()).isCloseTo(15, within(1e-9));
    }

    @Test
    void a_book_too_thin_for_the_size_is_skipped_not_priced() {
        evaluate(BINANCE, SPOT, Side.BUY, 3.5, 400, false, NOW);   // 3 visible on each side

        assertThat(out.skipReason()).isEqualTo(CostSkipReason.BOOK_TOO_THIN);
        assertThat(out.tradeable()).isFalse();
        assertThat(out.costed()).isFalse();
        assertThat(out.edgeAfterCostBps()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(model.skipCount(CostSkipReason.BOOK_TOO_THIN)).isEqualTo(1);

        evaluate(BINANCE, SPOT, Side.BUY, 3.5, 400, true, NOW);    // a resting order does not walk the book
        assertThat(out.tradeable()).isTrue();
    }

    @Test
    void a_stale_book_is_skipped() {
        evaluate(BINANCE, SPOT, Side.BUY, 1, 40, false, T0 + 2 * SECOND);
        assertThat(out.tradeable()).isTrue();                      // exactly 2 s old: still fresh

        evaluate(BINANCE, SPOT, Side.BUY, 1, 40, false, T0 + 2 * SECOND + 1);
        assertThat(out.skipReason()).isEqualTo(CostSkipReason.STALE_BOOK);
        assertThat(out.edgeAfterCostBps()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(model.skipCount(CostSkipReason.STALE_BOOK)).isEqualTo(1);
    }

    @Test
    void missing_data_is_named() {
        model.evaluate(BINANCE, 1, SPOT, Side.BUY, 1, 40, HORIZON, false, NOW, out);   // ETH: no book
        assertThat(out.skipReason()).isEqualTo(CostSkipReason.NO_QUOTE);

        model.evaluate(OKX, 1, SPOT, Side.BUY, 1, 40, HORIZON, false, NOW, out);       // ETH is binance only
        assertThat(out.skipReason()).isEqualTo(CostSkipReason.NOT_LISTED);

        evaluate(BYBIT, SPOT, Side.BUY, 1, 40, false, NOW);                             // no bybit fees
        assertThat(out.skipReason()).isEqualTo(CostSkipReason.NO_FEE_SCHEDULE);

        evaluate(BINANCE, PERPETUAL, Side.BUY, 1, 40, false, NOW);                      // no funding yet
        assertThat(out.skipReason()).isEqualTo(CostSkipReason.NO_FUNDING_RATE);

        model.refreshFees(ExchangeId.BYBIT, new FeeSchedule("VIP0", 1, 1, 0));
        evaluate(BYBIT, SPOT, Side.BUY, 1, 40, false, NOW);
        assertThat(out.tradeable()).isTrue();
        assertThat(model.evaluations()).isEqualTo(5);
    }

    @Test
    void below_the_minimum_edge_after_cost_is_skipped_with_real_numbers() {
        evaluate(BINANCE, SPOT, Side.BUY, 2, 26.5, false, NOW);   // 26.5 - 25 = 1.5 < 2

        assertThat(out.skipReason()).isEqualTo(CostSkipReason.BELOW_MIN_EDGE);
        assertThat(out.costed()).isTrue();
        assertThat(out.edgeAfterCostBps()).isCloseTo(1.5, within(1e-9));
        assertThat(model.skipCount(CostSkipReason.BELOW_MIN_EDGE)).isEqualTo(1);

        evaluate(BINANCE, SPOT, Side.BUY, 2, 27, false, NOW);     // exactly 2: trades
        assertThat(out.tradeable()).isTrue();
    }

    @Test
    void the_exit_half_spread_uses_the_smoothed_spread() {
        // 10 s (one half-life) later the spread is 30 bps: EWMA 10 + 0.5 * (30 - 10) = 20
        model.onBookTop(CostFixture.top(BTC, ExchangeId.BINANCE, T0 + 10 * SECOND, 99.85, 5, 100.15, 5));

        evaluate(BINANCE, SPOT, Side.BUY, 1, 40, false, T0 + 10 * SECOND);

        assertThat(out.entryHalfSpreadBps()).isCloseTo(15, within(1e-9));
        assertThat(out.exitHalfSpreadBps()).isCloseTo(10, within(1e-9));
    }

    @Test
    void nonsense_input_is_refused_with_one_line() {
        assertThatThrownBy(() -> evaluate(BINANCE, SPOT, Side.BUY, 0, 40, false, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quantity > 0");
        assertThatThrownBy(() -> evaluate(BINANCE, SPOT, Side.BUY, 1, Double.NaN, false, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite edge");
    }
}
