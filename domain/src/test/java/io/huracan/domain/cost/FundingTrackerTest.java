package io.huracan.domain.cost;

import io.huracan.ports.market.Side;
import org.junit.jupiter.api.Test;

import static io.huracan.domain.cost.CostFixture.BINANCE;
import static io.huracan.domain.cost.CostFixture.HOUR;
import static io.huracan.domain.cost.CostFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FundingTrackerTest {
    private final CoinIndex coins = CoinIndex.of(CostFixture.universe());
    private final FundingTracker funding = new FundingTracker(coins);
    private final int slot = coins.slot(BINANCE, 0);

    @Test
    void a_long_pays_a_positive_rate_and_a_short_receives_it() {
        // 1 bp per 8 h, next funding in 1 h; holding 8 h covers one funding time (T0 + 1h; the next is T0 + 9h)
        funding.update(BINANCE, 0, T0, 0.0001, T0 + HOUR, 8 * HOUR);

        assertThat(funding.fundingEvents(slot, T0, 8 * HOUR)).isEqualTo(1);
        assertThat(funding.expectedBps(slot, Side.BUY, T0, 8 * HOUR)).isCloseTo(1, within(1e-12));
        assertThat(funding.expectedBps(slot, Side.SELL, T0, 8 * HOUR)).isCloseTo(-1, within(1e-12));
    }

    @Test
    void a_negative_rate_is_paid_by_shorts() {
        funding.update(BINANCE, 0, T0, -0.0003, T0 + HOUR, 8 * HOUR);

        assertThat(funding.expectedBps(slot, Side.BUY, T0, 8 * HOUR)).isCloseTo(-3, within(1e-12));
        assertThat(funding.expectedBps(slot, Side.SELL, T0, 8 * HOUR)).isCloseTo(3, within(1e-12));
    }

    @Test
    void funding_times_are_counted_over_the_horizon_end_inclusive() {
        funding.update(BINANCE, 0, T0, 0.0001, T0 + HOUR, 8 * HOUR);

        assertThat(funding.fundingEvents(slot, T0, HOUR / 2)).isZero();        // ends before T0 + 1h
        assertThat(funding.fundingEvents(slot, T0, HOUR)).isEqualTo(1);        // ends exactly at it
        assertThat(funding.fundingEvents(slot, T0, 9 * HOUR)).isEqualTo(2);    // T0 + 1h and T0 + 9h
        assertThat(funding.expectedBps(slot, Side.BUY, T0, 24 * HOUR)).isCloseTo(3, within(1e-12)); // 1h, 9h, 17h
    }

    @Test
    void a_funding_time_already_past_rolls_forward_on_the_interval_grid() {
        // next reported as T0 - 1h: the exchange charges again at T0 + 7h
        funding.update(BINANCE, 0, T0, 0.0001, T0 - HOUR, 8 * HOUR);
        assertThat(funding.fundingEvents(slot, T0, 6 * HOUR)).isZero();
        assertThat(funding.fundingEvents(slot, T0, 7 * HOUR)).isEqualTo(1);

        // funding exactly now is charged to whoever held before now, not to a position opened now
        funding.update(BINANCE, 0, T0 + 1, 0.0001, T0, 8 * HOUR);
        assertThat(funding.fundingEvents(slot, T0, 8 * HOUR)).isEqualTo(1);    // T0 + 8h only
    }

    @Test
    void an_older_update_is_ignored() {
        funding.update(BINANCE, 0, T0, 0.0001, T0 + HOUR, 8 * HOUR);
        funding.update(BINANCE, 0, T0 - 1, 0.0009, T0 + HOUR, 8 * HOUR);
        assertThat(funding.rate(slot)).isEqualTo(0.0001);
    }
}
