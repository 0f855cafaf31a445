package io.huracan.domain.cost;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.huracan.domain.cost.CostFixture.BINANCE;
import static io.huracan.domain.cost.CostFixture.SECOND;
import static io.huracan.domain.cost.CostFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SpreadTrackerTest {
    private final CoinIndex coins = CoinIndex.of(CostFixture.universe());
    private final SpreadTracker spreads = new SpreadTracker(coins, Duration.ofSeconds(10));
    private final int slot = coins.slot(BINANCE, 0);

    @Test
    void relative_spread_is_ask_minus_bid_over_mid_in_bps_and_the_first_update_seeds_the_ewma() {
        // mid 100, spread 0.2 -> 0.2 / 100 * 1e4 = 20 bps
        assertThat(spreads.update(BINANCE, 0, T0, 99.9, 100.1)).isTrue();

        assertThat(spreads.currentBps(slot)).isCloseTo(20, within(1e-9));
        assertThat(spreads.ewmaBps(slot)).isCloseTo(20, within(1e-9));
        assertThat(spreads.mid(slot)).isCloseTo(100, within(1e-12));
    }

    @Test
    void ewma_moves_half_way_after_one_half_life_and_three_quarters_after_two() {
        spreads.update(BINANCE, 0, T0, 99.9, 100.1);                    // 20 bps
        spreads.update(BINANCE, 0, T0 + 10 * SECOND, 99.95, 100.05);    // 10 bps, alpha 1 - 2^-1 = 0.5
        assertThat(spreads.currentBps(slot)).isCloseTo(10, within(1e-9));
        assertThat(spreads.ewmaBps(slot)).isCloseTo(15, within(1e-9));   // 20 + 0.5 * (10 - 20)

        spreads.update(BINANCE, 0, T0 + 30 * SECOND, 99.95, 100.05);    // 10 bps, alpha 1 - 2^-2 = 0.75
        assertThat(spreads.ewmaBps(slot)).isCloseTo(11.25, within(1e-9)); // 15 + 0.75 * (10 - 15)
    }

    @Test
    void an_update_at_the_same_instant_leaves_the_ewma_and_an_older_one_is_ignored() {
        spreads.update(BINANCE, 0, T0, 99.9, 100.1);
        spreads.update(BINANCE, 0, T0, 99.95, 100.05);
        assertThat(spreads.ewmaBps(slot)).isCloseTo(20, within(1e-9));
        assertThat(spreads.currentBps(slot)).isCloseTo(10, within(1e-9));

        assertThat(spreads.update(BINANCE, 0, T0 - 1, 90, 110)).isFalse();
        assertThat(spreads.currentBps(slot)).isCloseTo(10, within(1e-9));
    }

    @Test
    void crossed_quotes_are_refused_and_age_counts_from_the_last_update() {
        assertThat(spreads.hasQuote(slot)).isFalse();
        assertThat(spreads.update(BINANCE, 0, T0, 100.1, 99.9)).isFalse();
        assertThat(spreads.hasQuote(slot)).isFalse();

        spreads.update(BINANCE, 0, T0, 99.9, 100.1);
        assertThat(spreads.ageMicros(slot, T0 + 3 * SECOND)).isEqualTo(3 * SECOND);
        assertThat(spreads.ageMicros(slot, T0 - SECOND)).isZero();
    }
}
