package io.huracan.domain.retraining;

import io.huracan.ports.registry.ModelMetrics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MetricsAccumulatorTest {

    @Test
    void fourTradesWorkedByHand() {
        var accumulator = new MetricsAccumulator();
        for (double r : new double[] {100, -200, 300, -100}) {
            accumulator.add(r);
        }

        ModelMetrics metrics = accumulator.metrics();

        // mean 25; variance (75^2 + 225^2 + 275^2 + 125^2) / 4 = 36875, sd 192.0286
        assertThat(metrics.meanEdgeAfterCostBps()).isEqualTo(25);
        assertThat(metrics.sharpe()).isCloseTo(25 / Math.sqrt(36_875), within(1e-12));
        // downside deviation sqrt((200^2 + 100^2) / 4) = 111.8034
        assertThat(metrics.sortino()).isCloseTo(25 / Math.sqrt(12_500), within(1e-12));
        assertThat(metrics.winRate()).isEqualTo(0.5);
        // equity 1.01, 0.9898, 1.019494, 1.00929906: peak 1.01, trough 0.9898 -> drawdown 0.02
        assertThat(metrics.maxDrawdown()).isCloseTo(0.02, within(1e-12));
        assertThat(metrics.tradeCount()).isEqualTo(4);
    }

    @Test
    void noTradesMeansZeroEvidence() {
        assertThat(new MetricsAccumulator().metrics()).isEqualTo(new ModelMetrics(0, 0, 0, 0, 0, 0));
    }
}
