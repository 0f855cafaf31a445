package io.huracan.bootstrap.engine;

import io.huracan.bootstrap.config.ConfigLoader;
import io.huracan.bootstrap.config.ConfigOverride;
import io.huracan.bootstrap.config.EngineConfig;
import io.huracan.domain.loop.LoopHealth;
import io.huracan.domain.cost.CostOutcome;
import io.huracan.ports.cost.CostSkipReason;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.order.ClientOrderId;
import io.huracan.ports.metrics.ComponentHealth;
import io.huracan.ports.metrics.EngineMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The meters and health checks the engine registers, read back from the Prometheus registry it was built with. */
class EngineMetersTest {
    private static final long START = 1_767_225_600_000_000L;

    @TempDir
    Path dir;

    @Test
    void anEngineBeforeItsStartPublishesItsAccountAndEveryBoundedSeries() throws Exception {
        try (var engine = engine(Map.of("engine.observability.port", Integer.toString(freePort())))) {
            String scrape = engine.instance(PrometheusMeterRegistry.class).scrape();
            double startingBalance = engine.config().exchanges().paper().startingBalance();
            assertThat(scrape)
                    .contains("huracan_risk_equity " + startingBalance)
                    .contains("huracan_risk_utilisation{scope=\"global_gross\"} 0.0")
                    .contains("huracan_risk_breaker_tripped{scope=\"global\"} 0.0")
                    .contains("huracan_pipeline_events_total 0.0")
                    .contains("huracan_bus_published_total{stream=\"signals\"} 0.0")
                    .contains("huracan_risk_rejects_total{reason=\"kill_switch\"} 0.0");
            for (CostSkipReason reason : CostSkipReason.values()) {
                assertThat(scrape).contains("huracan_cost_skips_total{reason=\"" + reason.key() + "\"} 0.0");
            }
            assertThat(scrape).doesNotContain("client_order_id").doesNotContain("order_id=");
        }
    }

    @Test
    void theKillSwitchShowsInTheGaugeAndTheReadiness() throws Exception {
        try (var engine = engine(Map.of("engine.observability.port", Integer.toString(freePort())))) {
            var registry = engine.instance(PrometheusMeterRegistry.class);
            engine.risk().engageKillSwitch();
            assertThat(registry.scrape()).contains("huracan_risk_kill_switch 1.0");
            assertThat(EngineMeters.riskHealth(engine.risk())).isEqualTo(ComponentHealth.down("kill switch engaged"));
            engine.resetKillSwitch();
            assertThat(EngineMeters.riskHealth(engine.risk())).isEqualTo(ComponentHealth.up("accepting orders"));
        }
    }

    @Test
    void costOutcomesGiveMeanPredictedAndRealisedCostByExchange() throws Exception {
        try (var engine = engine(Map.of("engine.observability.port", Integer.toString(freePort())))) {
            EngineEvents events = engine.instance(EngineEvents.class);
            events.onCostOutcome(Coin.of("BTC"), ExchangeId.BINANCE, new CostOutcome(new ClientOrderId("a1"), 10, 14));
            events.onCostOutcome(Coin.of("ETH"), ExchangeId.BINANCE, new CostOutcome(new ClientOrderId("a2"), 6, 8));
            // binance: predicted (10 + 6) / 2 = 8 bps = 0.0008 of mid, realised (14 + 8) / 2 = 11 bps = 0.0011
            assertThat(engine.instance(PrometheusMeterRegistry.class).scrape())
                    .contains("huracan_cost_completed_orders_total{exchange=\"binance\"} 2.0")
                    .contains("huracan_cost_predicted_mean{exchange=\"binance\"} 8.0E-4")
                    .contains("huracan_cost_realised_mean{exchange=\"binance\"} 0.0011")
                    .contains("huracan_cost_realised_mean{exchange=\"okx\"} 0.0");
        }
    }

    @Test
    void withObservabilityOffNothingListensAndNothingIsRecorded() throws Exception {
        try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            try (var engine = engine(Map.of("engine.observability.enabled", "false",
                    "engine.observability.port", Integer.toString(port)))) {
                assertThat(engine.instance(EngineMetrics.class)).isSameAs(EngineMetrics.NONE);
                engine.start(); // would fail to bind the taken port if an endpoint were started
                engine.stop();
            }
        }
    }

    @Test
    void aConfiguredBearerTokenIsResolvedFromTheEnvironmentAndEnforced() throws Exception {
        int port = freePort();
        var all = List.of(new ConfigOverride("engine.registry.path", dir.resolve("registry").toString(), "test"),
                new ConfigOverride("engine.observability.port", Integer.toString(port), "test"),
                new ConfigOverride("engine.observability.bearer_token", "${env:HURACAN_METRICS_TOKEN}", "test"));
        EngineConfig config = new ConfigLoader(Map.of()).load(List.of(), all);
        try (var engine = HuracanEngine.builder().config(config).environment(Map.of("HURACAN_METRICS_TOKEN", "t0ken"))
                .speed(20).startAt(START).build()) {
            engine.start();
            var http = HttpClient.newHttpClient();
            var uri = URI.create("http://127.0.0.1:" + port + "/metrics");
            var plain = http.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString());
            var authorised = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer t0ken")
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(plain.statusCode()).isEqualTo(401);
            assertThat(authorised.statusCode()).isEqualTo(200);
            assertThat(authorised.body()).contains("huracan_pipeline_events_total");
        }
    }

    @Test
    void loopReadinessNamesTheFirstLoopInTrouble() {
        var fine = new LoopHealth(0, 50, 0, 1_000_000, 20_000, 10, 0, 0, 0, false, true);
        var stalled = new LoopHealth(1, 50, 900, 2_500_000_000L, 0, 10, 0, 0, 0, true, true);
        var dead = new LoopHealth(2, 50, 0, 0, 0, 0, 0, 1, 1, false, false);
        assertThat(EngineMeters.loopsHealth(List.of(fine, fine))).isEqualTo(ComponentHealth.up("2 loops running"));
        assertThat(EngineMeters.loopsHealth(List.of(fine, stalled)))
                .isEqualTo(ComponentHealth.down("loop 1 stalled: no duty cycle for 2500 ms"));
        assertThat(EngineMeters.loopsHealth(List.of(fine, dead))).isEqualTo(ComponentHealth.down("loop 2 is not running"));
        assertThat(EngineMeters.loopsHealth(List.of())).isEqualTo(ComponentHealth.down("no event loop is running"));
    }

    private HuracanEngine engine(Map<String, String> overrides) {
        var all = new ArrayList<ConfigOverride>();
        all.add(new ConfigOverride("engine.registry.path", dir.resolve("registry").toString(), "test"));
        overrides.forEach((key, value) -> all.add(new ConfigOverride(key, value, "test")));
        EngineConfig config = new ConfigLoader(Map.of()).load(List.of(), all);
        return HuracanEngine.builder().config(config).environment(Map.of()).speed(20).startAt(START).build();
    }

    private static int freePort() throws Exception {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
