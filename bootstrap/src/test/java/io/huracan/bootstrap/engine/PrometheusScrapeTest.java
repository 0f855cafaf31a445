package io.huracan.bootstrap.engine;

import io.huracan.testkit.net.FreePorts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huracan.bootstrap.config.ConfigLoader;
import io.huracan.bootstrap.config.ConfigOverride;
import io.huracan.bootstrap.config.EngineConfig;
import io.huracan.domain.loop.CoinAssignment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A real Prometheus (Debian's binary) scrapes a running engine's endpoint every second, with the project's alert
 * rules loaded; the engine's series must arrive through Prometheus's HTTP API, and the engine must report ready.
 */
class PrometheusScrapeTest {
    private static final long START = 1_767_225_600_000_000L; // 2026-01-01T00:00:00Z
    private static final Path ALERTS = Path.of("..", "config", "prometheus", "alerts.yml").toAbsolutePath().normalize();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void prometheusScrapesTheEngineSeries() throws Exception {
        Path binary = prometheusBinary();
        int enginePort = FreePorts.loopback();
        int prometheusPort = FreePorts.loopback();
        EngineConfig config = new ConfigLoader(Map.of()).load(List.of(), List.of(
                new ConfigOverride("engine.registry.path", dir.resolve("registry").toString(), "test"),
                new ConfigOverride("engine.observability.port", Integer.toString(enginePort), "test")));
        Path prometheusConfig = dir.resolve("prometheus.yml");
        Files.writeString(prometheusConfig, """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files:
                  - %s
                scrape_configs:
                  - job_name: huracan
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """.formatted(ALERTS, enginePort));
        try (var engine = HuracanEngine.builder().config(config).environment(Map.of()).speed(20).startAt(START).build()) {
            engine.start();
            Process prometheus = new ProcessBuilder(binary.toString(), "--config.file=" + prometheusConfig,
                    "--storage.tsdb.path=" + dir.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + prometheusPort)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
            try {
                String api = "http://127.0.0.1:" + prometheusPort + "/api/v1/query?query=";
                assertThat(await(api, "up{job=\"huracan\"} == 1")).as("the scrape target is up").isEqualTo(1.0);
                assertThat(await(api, "scrape_duration_seconds{job=\"huracan\"}")).as("scrape duration").isLessThan(1.0);
                assertThat(await(api, "huracan_pipeline_events_total > 0")).isPositive();
                assertThat(await(api, "sum(huracan_pipeline_decision_latency_seconds_count)")).isPositive();
                assertThat(await(api, "count(huracan_pipeline_decision_latency_seconds_bucket)")).isGreaterThan(10);
                int loops = CoinAssignment.loopsFor(config.universe().coins().size(), config.eventLoop().coinsPerLoop());
                assertThat(await(api, "count(huracan_loop_running == 1)")).isEqualTo(loops);
                assertThat(await(api, "count(huracan_loop_queue_depth >= 0)")).isEqualTo(loops);
                assertThat(await(api, "huracan_risk_utilisation{scope=\"global_gross\"}")).isBetween(0.0, 1.0);
                assertThat(await(api, "count(huracan_risk_exposure{scope=\"sector\"})")).isPositive();
                assertThat(await(api, "sum(huracan_bus_published_total)")).isPositive();
                assertThat(await(api, "huracan_risk_kill_switch")).isZero();
                assertThat(await(api, "count(ALERTS{alertstate=\"firing\"}) or vector(0)")).as("no alert fires")
                        .isZero();
            } finally {
                prometheus.destroy();
                if (!prometheus.waitFor(20, TimeUnit.SECONDS)) {
                    prometheus.destroyForcibly();
                }
            }
            var ready = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + enginePort + "/health/ready"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
            JsonNode components = json.readTree(ready.body()).get("components");
            assertThat(components.fieldNames()).toIterable()
                    .containsExactlyInAnyOrder("event-loops", "risk", "message-bus", "market-driver");
        }
    }

    /** Polls an instant query until it returns one sample, for up to 30 s; returns that sample's value. */
    private double await(String api, String query) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create(api
                        + URLEncoder.encode(query, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
                last = response.body();
                JsonNode result = json.readTree(last).path("data").path("result");
                if (result.size() == 1) {
                    return result.get(0).path("value").get(1).asDouble();
                }
            } catch (IOException notUpYet) {
                last = notUpYet.toString();
            }
            Thread.sleep(250);
        }
        return fail("Prometheus did not return one series for " + query + " within 30 s; last answer: " + last
                + "; log: " + Files.readString(dir.resolve("prometheus.log")));
    }

    private static Path prometheusBinary() {
        Optional<Path> found = Optional.ofNullable(System.getenv("HURACAN_TEST_PROMETHEUS")).map(Path::of)
                .or(() -> java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                        .map(p -> Path.of(p, "prometheus")).filter(Files::isExecutable).findFirst());
        return found.filter(Files::isExecutable).orElseGet(() -> fail("the prometheus binary is not on the PATH; "
                + "install Debian's package (sudo apt-get install -y prometheus) or set HURACAN_TEST_PROMETHEUS"));
    }

}
