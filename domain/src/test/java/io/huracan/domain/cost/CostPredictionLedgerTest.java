package io.huracan.domain.cost;

import io.huracan.ports.cost.CostErrorSummary;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.Price;
import io.huracan.ports.market.Quantity;
import io.huracan.ports.market.Side;
import io.huracan.ports.order.ClientOrderId;
import io.huracan.ports.order.Fill;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.huracan.domain.cost.CostFixture.BTC;
import static io.huracan.domain.cost.CostFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CostPredictionLedgerTest {
    private final CostPredictionLedger ledger = new CostPredictionLedger(100, 100);

    private static Fill fill(String id, Side side, String price, String quantity, String fee) {
        return new Fill("t-" + id + price, new ClientOrderId(id), BTC, ExchangeId.BINANCE, side, Price.of(price),
                Quantity.of(quantity), new BigDecimal(fee), false, T0);
    }

    @Test
    void realised_cost_is_the_average_fill_against_the_mid_plus_fees_and_the_error_is_realised_minus_predicted() {
        // buy predicted at mid 100: 5 half spread + 5 fee + 2.5 slippage = 12.5 bps
        ledger.predict(new ClientOrderId("a"), Side.BUY, 100, 12.5);
        // fills 1 @ 100.05 and 1 @ 100.15: average 100.10 -> 10 bps; fees 0.2 on 200.2 notional -> 9.99 bps
        ledger.onFill(fill("a", Side.BUY, "100.05", "1", "0.1"));
        ledger.onFill(fill("a", Side.BUY, "100.15", "1", "0.1"));
        // sell predicted at mid 100: 5 bps; 2 @ 99.9, no fee -> (100 - 99.9) / 100 * 1e4 = 10 bps
        ledger.predict(new ClientOrderId("b"), Side.SELL, 100, 5);
        ledger.onFill(fill("b", Side.SELL, "99.9", "2", "0"));

        assertThat(ledger.complete(new ClientOrderId("a"))).isTrue();
        assertThat(ledger.complete(new ClientOrderId("b"))).isTrue();
        CostErrorSummary summary = ledger.summary();

        double realisedA = 10 + 0.2 / 200.2 * 1e4;           // 19.99 bps
        double errorA = realisedA - 12.5;                     // 7.49 bps
        double errorB = 10 - 5;                               // 5 bps
        assertThat(summary.orders()).isEqualTo(2);
        assertThat(summary.meanPredictedBps()).isCloseTo(8.75, within(1e-9));
        assertThat(summary.meanRealisedBps()).isCloseTo((realisedA + 10) / 2, within(1e-9));
        assertThat(summary.meanErrorBps()).isCloseTo((errorA + errorB) / 2, within(1e-9));
        assertThat(summary.stdDevErrorBps()).isCloseTo(Math.abs(errorA - errorB) / Math.sqrt(2), within(1e-9));
        assertThat(summary.minErrorBps()).isCloseTo(errorB, within(1e-9));
        assertThat(summary.maxErrorBps()).isCloseTo(errorA, within(1e-9));
        assertThat(summary.p50ErrorBps()).isCloseTo(errorB, within(1e-9));  // nearest rank of 2: the lower
        assertThat(ledger.openOrders()).isZero();
    }

    @Test
    void an_order_without_fills_is_forgotten_and_an_unknown_one_is_reported() {
        ledger.predict(new ClientOrderId("a"), Side.BUY, 100, 12.5);

        assertThat(ledger.complete(new ClientOrderId("a"))).isTrue();
        assertThat(ledger.complete(new ClientOrderId("a"))).isFalse();
        assertThat(ledger.summary().orders()).isZero();
        assertThat(ledger.openOrders()).isZero();
    }

    @Test
    void memory_is_bounded_the_oldest_open_prediction_is_dropped_and_its_fills_counted_as_unmatched() {
        CostPredictionLedger small = new CostPredictionLedger(2, 3);
        small.predict(new ClientOrderId("a"), Side.BUY, 100, 1);
        small.predict(new ClientOrderId("b"), Side.BUY, 100, 1);
        small.predict(new ClientOrderId("c"), Side.BUY, 100, 1);

        small.onFill(fill("a", Side.BUY, "100", "1", "0"));

        assertThat(small.openOrders()).isEqualTo(2);
        assertThat(small.summary().droppedOrders()).isEqualTo(1);
        assertThat(small.summary().unmatchedFills()).isEqualTo(1);
    }

    @Test
    void percentiles_cover_the_latest_window_while_the_mean_covers_everything() {
        CostPredictionLedger small = new CostPredictionLedger(10, 3);
        // errors 10, 20, 30, 40, 50 bps (buys filled 0.1 .. 0.5 above a mid of 100, no fee, predicted 0)
        for (int i = 1; i <= 5; i++) {
            String id = "o" + i;
            small.predict(new ClientOrderId(id), Side.BUY, 100, 0);
            small.onFill(fill(id, Side.BUY, "100." + i, "1", "0"));
            small.complete(new ClientOrderId(id));
        }
        CostErrorSummary summary = small.summary();

        assertThat(summary.meanErrorBps()).isCloseTo(30, within(1e-9));
        assertThat(summary.windowSize()).isEqualTo(3);
        assertThat(summary.p05ErrorBps()).isCloseTo(30, within(1e-9));
        assertThat(summary.p50ErrorBps()).isCloseTo(40, within(1e-9));
        assertThat(summary.p95ErrorBps()).isCloseTo(50, within(1e-9));
        assertThat(summary.meanAbsErrorBps()).isCloseTo(30, within(1e-9));
    }
}
