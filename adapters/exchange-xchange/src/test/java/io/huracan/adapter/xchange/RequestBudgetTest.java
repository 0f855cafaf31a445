package io.huracan.adapter.xchange;

import io.huracan.ports.exchange.ExchangeException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestBudgetTest {

    private static void take(RequestBudget budget, RateWindow window, int permits) {
        budget.acquire(List.of(new RequestBudget.Charge(window, permits)));
    }

    @Test
    void weightRefillsWhenTheMinuteWindowTurns() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T06:00:59.500Z"));
        RequestBudget budget = new RequestBudget("binance", clock, Duration.ofSeconds(1), 1);
        RateWindow weight = budget.window("weight", 10, Duration.ofMinutes(1), RateWindow.Counting.FIXED);
        take(budget, weight, 10);

        long start = System.nanoTime();
        clock.advance(Duration.ofMillis(500)); // 06:01:00.000: a fresh window
        take(budget, weight, 10);

        assertThat(budget.used("weight")).isEqualTo(10);
        assertThat(System.nanoTime() - start).isLessThan(Duration.ofMillis(500).toNanos());
    }

    @Test
    void ordersAreCountedInTheirOwnWindow() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T06:00:01Z"));
        RequestBudget budget = new RequestBudget("binance", clock, Duration.ZERO, 1);
        RateWindow weight = budget.window("weight", 6000, Duration.ofMinutes(1), RateWindow.Counting.FIXED);
        RateWindow orders = budget.window("orders", 2, Duration.ofSeconds(10), RateWindow.Counting.FIXED);
        List<RequestBudget.Charge> order = List.of(new RequestBudget.Charge(weight, 1), new RequestBudget.Charge(orders, 1));
        budget.acquire(order);
        budget.acquire(order);

        assertThatThrownBy(() -> budget.acquire(order)).isInstanceOf(ExchangeException.class)
                .hasMessageContaining("(orders) for 9000 ms more");
        take(budget, weight, 4); // reads are not orders
        assertThat(budget.used("weight")).isEqualTo(6); // the refused order took nothing
    }

    @Test
    void aSlidingWindowHoldsInEveryIntervalWhateverTheVenuesAlignment() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T06:00:01.900Z"));
        RequestBudget budget = new RequestBudget("okx", clock, Duration.ZERO, 1);
        RateWindow place = budget.window("order BTC-USDT", 60, Duration.ofSeconds(2), RateWindow.Counting.SLIDING);
        for (int i = 0; i < 60; i++) {
            take(budget, place, 1);
        }

        clock.advance(Duration.ofMillis(100)); // a fixed 2 s window would have turned at 06:00:02
        assertThatThrownBy(() -> take(budget, place, 1)).isInstanceOf(ExchangeException.class)
                .hasMessageContaining("for 1900 ms more");
        clock.advance(Duration.ofMillis(1900)); // 2 s after the 60 were taken
        take(budget, place, 1);
        assertThat(budget.used("order BTC-USDT")).isEqualTo(1);
    }

    @Test
    void whatTheVenueSaysIsLeftHoldsUntilItsResetTime() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T06:00:00Z"));
        RequestBudget budget = new RequestBudget("bybit", clock, Duration.ZERO, 1);
        RateWindow create = budget.window("/v5/order/create", 10, Duration.ofSeconds(1), RateWindow.Counting.SLIDING);
        take(budget, create, 1);

        // other clients of the same key used the rest: X-Bapi-Limit-Status 0, reset 1.5 s from now
        budget.venueRemaining(create, 0, 10, clock.millis() + 1_500);

        assertThat(budget.headroom()).isZero();
        assertThatThrownBy(() -> take(budget, create, 1)).isInstanceOf(ExchangeException.class)
                .satisfies(e -> assertThat(RequestNotSent.causes(e)).isTrue());
        clock.advance(Duration.ofMillis(1_500));
        take(budget, create, 1);
        assertThat(budget.headroom()).isEqualTo(0.9);
    }

    @Test
    void theScaleRaisesDocumentedLimitsButNotTheOnesAVenueAnnounces() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T06:00:00Z"));
        RequestBudget budget = new RequestBudget("okx", clock, Duration.ZERO, 2.5);
        RateWindow place = budget.window("order BTC-USDT", 60, Duration.ofSeconds(2), RateWindow.Counting.SLIDING);

        assertThat(place.limit()).isEqualTo(150);
        budget.resize(place, 80);
        assertThat(place.limit()).isEqualTo(80);
    }

    @Test
    void aVenueAnnouncedLimitResizesTheWindow() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T06:00:00Z"));
        RequestBudget budget = new RequestBudget("bybit", clock, Duration.ZERO, 1);
        RateWindow create = budget.window("/v5/order/create", 10, Duration.ofSeconds(1), RateWindow.Counting.SLIDING);
        budget.venueRemaining(create, 19, 20, clock.millis());

        for (int i = 0; i < 19; i++) {
            take(budget, create, 1);
        }
        assertThat(create.limit()).isEqualTo(20);
        assertThatThrownBy(() -> take(budget, create, 1)).isInstanceOf(ExchangeException.class);
    }

    /** Whatever is asked, a fixed window never grants more than its limit in one window. */
    @Property(tries = 200)
    void aFixedWindowNeverGrantsMoreThanItsLimit(@ForAll @Size(max = 60) List<@IntRange(min = 1, max = 50) Integer> weights) {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T06:00:00Z"));
        RequestBudget budget = new RequestBudget("binance", clock, Duration.ZERO, 1);
        RateWindow weight = budget.window("weight", 100, Duration.ofMinutes(1), RateWindow.Counting.FIXED);
        int granted = 0;
        for (int request : weights) {
            try {
                take(budget, weight, request);
                granted += request;
            } catch (ExchangeException refused) {
                assertThat(RequestNotSent.causes(refused)).isTrue();
            }
            assertThat(granted).isLessThanOrEqualTo(100);
            assertThat(budget.used("weight")).isEqualTo(granted);
        }
    }

    /** Whatever the timing, a sliding window never grants more than its limit within any interval of its length. */
    @Property(tries = 200)
    void aSlidingWindowNeverGrantsMoreThanItsLimitInAnyInterval(
            @ForAll @Size(max = 200) List<@IntRange(min = 0, max = 400) Integer> gapsMillis) {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T06:00:00.123Z"));
        RequestBudget budget = new RequestBudget("okx", clock, Duration.ZERO, 1);
        RateWindow window = budget.window("books", 20, Duration.ofSeconds(2), RateWindow.Counting.SLIDING);
        Deque<Long> granted = new ArrayDeque<>();
        for (int gap : gapsMillis) {
            clock.advance(Duration.ofMillis(gap));
            try {
                take(budget, window, 1);
                granted.addLast(clock.millis());
            } catch (ExchangeException refused) {
                assertThat(RequestNotSent.causes(refused)).isTrue();
            }
            while (!granted.isEmpty() && granted.peekFirst() <= clock.millis() - 2_000) {
                granted.removeFirst();
            }
            assertThat(granted.size()).isLessThanOrEqualTo(20);
        }
    }
}
