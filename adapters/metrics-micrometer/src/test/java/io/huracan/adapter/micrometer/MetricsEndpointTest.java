package io.huracan.adapter.micrometer;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import io.huracan.ports.lifecycle.ManagedService;
import io.huracan.ports.metrics.ComponentHealth;
import io.huracan.ports.metrics.EngineMetrics;
import io.huracan.ports.metrics.MetricTag;
import io.huracan.ports.metrics.TagKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The module's endpoint over real HTTP: Prometheus text, health JSON, and the bearer token. */
class MetricsEndpointTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private MetricsEndpoint endpoint;

    @AfterEach
    void stop() {
        if (endpoint != null) {
            endpoint.stop();
        }
    }

    @Test
    void servesMetersInThePrometheusTextFormatInBaseUnits() throws Exception {
        var injector = Guice.createInjector(new MicrometerMetricsModule(new MetricsEndpointConfig("127.0.0.1", 0, "")));
        EngineMetrics metrics = injector.getInstance(EngineMetrics.class);
        var fills = new AtomicLong(3);
        metrics.counter("huracan.orders.fills", "fills received", fills::get, MetricTag.of(TagKey.EXCHANGE, "paper"));
        metrics.gauge("huracan.risk.utilisation", "exposure over limit", () -> 0.25, MetricTag.of(TagKey.SCOPE, "global_gross"));
        var latency = metrics.latency("huracan.pipeline.decision_latency", "decision latency",
                MetricTag.of(TagKey.OUTCOME, "intent"));
        latency.recordNanos(2_000);   // 2 µs
        latency.recordNanos(4_000);   // 4 µs
        fills.set(5);
        Set<ManagedService> services = injector.getInstance(Key.get(new TypeLiteral<Set<ManagedService>>() { }));
        assertThat(services).hasSize(1);
        endpoint = (MetricsEndpoint) services.iterator().next();
        endpoint.start();

        var response = get("/metrics", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body())
                .contains("huracan_orders_fills_total{exchange=\"paper\"} 5.0")
                .contains("huracan_risk_utilisation{scope=\"global_gross\"} 0.25")
                .contains("huracan_pipeline_decision_latency_seconds_count{outcome=\"intent\"} 2")
                .contains("huracan_pipeline_decision_latency_seconds_sum{outcome=\"intent\"} 6.0E-6")
                .contains("huracan_pipeline_decision_latency_seconds_bucket{outcome=\"intent\",le=\"+Inf\"} 2");
    }

    @Test
    void readinessListsEveryComponentAndIsUnavailableWhileOneIsDown() throws Exception {
        var metrics = new MicrometerEngineMetrics(new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
                io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT));
        var loopsUp = new AtomicBoolean(true);
        metrics.healthCheck("event-loops", () -> loopsUp.get() ? ComponentHealth.up("2 loops running")
                : ComponentHealth.down("loop 1 stalled"));
        metrics.healthCheck("risk", () -> ComponentHealth.up("accepting orders"));
        endpoint = new MetricsEndpoint(metrics, new MetricsEndpointConfig("127.0.0.1", 0, ""));
        endpoint.start();

        var ready = get("/health/ready", null);
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("{\"status\":\"UP\",\"components\":{"
                + "\"event-loops\":{\"status\":\"UP\",\"reason\":\"2 loops running\"},"
                + "\"risk\":{\"status\":\"UP\",\"reason\":\"accepting orders\"}}}");

        loopsUp.set(false);
        var notReady = get("/health/ready", null);
        assertThat(notReady.statusCode()).isEqualTo(503);
        assertThat(notReady.body()).contains("\"status\":\"DOWN\"").contains("loop 1 stalled");
        assertThat(get("/health/live", null).statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> metrics.healthCheck("risk", () -> ComponentHealth.up("again")))
                .hasMessageContaining("registered already");
    }

    @Test
    void withABearerTokenEveryPathAnswers401WithoutIt() throws Exception {
        var metrics = new MicrometerEngineMetrics(new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
                io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT));
        endpoint = new MetricsEndpoint(metrics, new MetricsEndpointConfig("127.0.0.1", 0, "s3cret"));
        endpoint.start();

        for (String path : new String[] {"/metrics", "/health/live", "/health/ready"}) {
            assertThat(get(path, null).statusCode()).as(path).isEqualTo(401);
            assertThat(get(path, "Bearer wrong").statusCode()).as(path).isEqualTo(401);
            assertThat(get(path, "Bearer s3cret").statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void namesOutsideTheRuleAreRefusedAtRegistration() {
        var metrics = new MicrometerEngineMetrics(new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
                io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT));
        assertThatThrownBy(() -> metrics.gauge("orders", "x", () -> 1))
                .hasMessage("metric name orders is invalid; allowed: huracan.<area>.<what> in lower case with dots and underscores");
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
