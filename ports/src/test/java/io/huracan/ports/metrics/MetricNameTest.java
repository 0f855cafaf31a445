package io.huracan.ports.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetricNameTest {

    @Test
    void namesAreHuracanAreaWhat() {
        assertThat(MetricName.check("huracan.risk.utilisation")).isEqualTo("huracan.risk.utilisation");
        assertThat(MetricName.check("huracan.pipeline.decision_latency")).isEqualTo("huracan.pipeline.decision_latency");
        assertThat(MetricName.check("huracan.risk.breakers.coins_tripped")).isEqualTo("huracan.risk.breakers.coins_tripped");
        for (String bad : new String[] {"huracan.orders", "risk.utilisation", "huracan.Risk.equity", "huracan.risk.", "huracan..x"}) {
            assertThatThrownBy(() -> MetricName.check(bad)).as(bad)
                    .hasMessage("metric name " + bad + " is invalid; allowed: huracan.<area>.<what> in lower case with dots and underscores");
        }
    }

    @Test
    void tagsHaveBoundedKeysAndAValue() {
        assertThat(MetricTag.of(TagKey.EXCHANGE, "binance").key().key()).isEqualTo("exchange");
        assertThatThrownBy(() -> MetricTag.of(TagKey.COIN, " ")).hasMessage("metric tag coin has a blank value");
    }

    @Test
    void switchedOffMetricsStillRefuseBadNames() {
        EngineMetrics.NONE.latency("huracan.pipeline.decision_latency", "x").recordNanos(5);
        assertThatThrownBy(() -> EngineMetrics.NONE.gauge("orders", "x", () -> 1)).hasMessageContaining("orders is invalid");
    }
}
