package io.huracan.adapter.xchange;

import io.huracan.ports.exchange.ExchangeException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestBudgetTest {

    @Test
    void weightRefillsWhenTheMinuteWindowTurns() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T06:00:59.500Z"));
        RequestBudget budget = new RequestBudget("binance", clock, Duration.ofSeconds(1), 10, Duration.ofMinutes(1),
                100, Duration.ofSeconds(10));
        budget.acquire(10, false);

        long start = System.nanoTime();
        clock.advance(Duration.ofMillis(500)); // 06:01:00.000: a fresh window
        budget.acquire(10, false);

        assertThat(budget.usedWeight()).isEqualTo(10);
        assertThat(System.nanoTime() - start).isLessThan(Duration.ofMillis(500).toNanos());
    }

    @Test
    void ordersAreCountedInTheirOwnWindow() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T06:00:01Z"));
        RequestBudget budget = new RequestBudget("binance", clock, Duration.ZERO, 6000, Duration.ofMinutes(1),
                2, Duration.ofSeconds(10));
        budget.acquire(1, true);
        budget.acquire(1, true);

        assertThatThrownBy(() -> budget.acquire(1, true)).isInstanceOf(ExchangeException.class)
                .hasMessageContaining("9000 ms more");
        budget.acquire(4, false); // reads are not orders
    }

    /** Whatever is asked, the budget never lets a window's weight pass its limit. */
    @Property(tries = 200)
    void neverGrantsMoreThanTheLimitInOneWindow(@ForAll @Size(max = 60) List<@IntRange(min = 1, max = 50) Integer> weights) {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T06:00:00Z"));
        RequestBudget budget = new RequestBudget("binance", clock, Duration.ZERO, 100, Duration.ofMinutes(1),
                100, Duration.ofSeconds(10));
        int granted = 0;
        for (int weight : weights) {
            try {
                budget.acquire(weight, false);
                granted += weight;
            } catch (ExchangeException refused) {
                assertThat(RequestNotSent.causes(refused)).isTrue();
            }
            assertThat(granted).isLessThanOrEqualTo(100);
            assertThat(budget.usedWeight()).isEqualTo(granted);
        }
    }
}
