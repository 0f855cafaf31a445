package io.huracan.domain.cost;

import io.huracan.ports.config.InvalidConfigException;
import io.huracan.ports.market.ExchangeId;
import org.junit.jupiter.api.Test;

import static io.huracan.domain.cost.CostFixture.BINANCE;
import static io.huracan.domain.cost.CostFixture.BYBIT;
import static io.huracan.domain.cost.CostFixture.OKX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FeeTrackerTest {
    private final FeeTracker fees = new FeeTracker(CostFixture.params());

    @Test
    void maker_and_taker_rates_come_from_the_configured_schedule() {
        assertThat(fees.schedule(BINANCE).effectiveBps(true)).isEqualTo(2);
        assertThat(fees.schedule(BINANCE).effectiveBps(false)).isEqualTo(5);
    }

    @Test
    void a_discount_reduces_fees_paid_but_never_a_rebate() {
        // okx: taker 4 bps with 25% off -> 3 bps; maker -1 bps stays a 1 bp rebate
        assertThat(fees.schedule(OKX).effectiveTakerBps()).isCloseTo(3, within(1e-12));
        assertThat(fees.schedule(OKX).effectiveMakerBps()).isEqualTo(-1);
    }

    @Test
    void an_exchange_without_a_schedule_has_none_until_an_adapter_refreshes_it() {
        assertThat(fees.schedule(BYBIT)).isNull();

        fees.refresh(ExchangeId.BYBIT, new FeeSchedule("VIP1", 1.8, 4, 0.1));
        fees.refresh(ExchangeId.BINANCE, new FeeSchedule("VIP1", 1.8, 4, 0));

        assertThat(fees.schedule(BYBIT).effectiveTakerBps()).isCloseTo(3.6, within(1e-12));
        assertThat(fees.schedule(BINANCE).tier()).isEqualTo("VIP1");
        assertThat(fees.schedule(OKX).tier()).isEqualTo("Lv1");
    }

    @Test
    void a_bad_schedule_names_the_key_and_what_is_allowed() {
        assertThatThrownBy(() -> new FeeSchedule("VIP0", 2, 5, 1.5))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("discount").hasMessageContaining("[0, 1]");
    }
}
