package io.huracan.domain.cost;

import io.huracan.ports.market.Side;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.huracan.domain.cost.CostFixture.BINANCE;
import static io.huracan.domain.cost.CostFixture.SECOND;
import static io.huracan.domain.cost.CostFixture.T0;
import static io.huracan.domain.cost.CostFixture.levels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Book: bids 99 x 1, 98 x 2, 97 x 5; asks 101 x 1, 102 x 2, 103 x 5; mid 100. */
class SlippageEstimatorTest {
    private final CoinIndex coins = CoinIndex.of(CostFixture.universe());
    private final SlippageEstimator slippage = new SlippageEstimator(coins, 10, Duration.ofSeconds(2));
    private final int slot = coins.slot(BINANCE, 0);

    @BeforeEach
    void book() {
        assertThat(slippage.updateDepth(BINANCE, 0, T0, levels(99, 1, 98, 2, 97, 5), levels(101, 1, 102, 2, 103, 5)))
                .isTrue();
    }

    @Test
    void an_order_inside_the_first_level_has_no_slippage() {
        assertThat(slippage.slippageBps(slot, Side.BUY, 1, T0)).isZero();
        assertThat(slippage.slippageBps(slot, Side.SELL, 0.5, T0)).isZero();
    }

    @Test
    void walking_levels_charges_the_average_price_against_the_touch_in_bps_of_mid() {
        // buy 2: (101 + 102) / 2 = 101.5 -> (101.5 - 101) / 100 * 1e4 = 50 bps
        assertThat(slippage.slippageBps(slot, Side.BUY, 2, T0)).isCloseTo(50, within(1e-9));
        // buy 4: (101 + 2 * 102 + 103) / 4 = 102 -> 100 bps
        assertThat(slippage.slippageBps(slot, Side.BUY, 4, T0)).isCloseTo(100, within(1e-9));
        // sell 3: (99 + 2 * 98) / 3 = 98.333.. -> (99 - 98.333..) / 100 * 1e4 = 66.67 bps
        assertThat(slippage.slippageBps(slot, Side.SELL, 3, T0)).isCloseTo(200.0 / 3, within(1e-9));
        // buy the whole side, 8: (101 + 204 + 515) / 8 = 102.5 -> 150 bps
        assertThat(slippage.slippageBps(slot, Side.BUY, 8, T0)).isCloseTo(150, within(1e-9));
    }

    @Test
    void a_book_too_thin_for_the_size_says_so_instead_of_guessing() {
        assertThat(slippage.slippageBps(slot, Side.BUY, 8.5, T0)).isEqualTo(SlippageEstimator.TOO_THIN);
        assertThat(slippage.slippageBps(slot, Side.SELL, 100, T0)).isEqualTo(SlippageEstimator.TOO_THIN);
    }

    @Test
    void a_stale_snapshot_gives_way_to_the_single_level_of_a_fresh_top_of_book() {
        slippage.updateTop(BINANCE, 0, T0 + 2_900_000, 99.5, 3, 100.5, 0.5);
        long now = T0 + 3 * SECOND;   // depth is 3 s old, older than the 2 s allowed

        assertThat(slippage.slippageBps(slot, Side.BUY, 0.5, now)).isZero();
        assertThat(slippage.slippageBps(slot, Side.BUY, 1, now)).isEqualTo(SlippageEstimator.TOO_THIN);
        assertThat(slippage.slippageBps(slot, Side.SELL, 3, now)).isZero();
    }

    @Test
    void no_book_at_all_is_too_thin_and_unordered_or_older_snapshots_are_refused() {
        int eth = coins.slot(BINANCE, 1);
        assertThat(slippage.slippageBps(eth, Side.BUY, 0.001, T0)).isEqualTo(SlippageEstimator.TOO_THIN);

        assertThat(slippage.updateDepth(BINANCE, 0, T0 + 1, levels(98, 1, 99, 1), levels(101, 1))).isFalse();
        assertThat(slippage.updateDepth(BINANCE, 0, T0 - 1, levels(99, 9), levels(101, 9))).isFalse();
        assertThat(slippage.slippageBps(slot, Side.BUY, 2, T0)).isCloseTo(50, within(1e-9));
    }
}
