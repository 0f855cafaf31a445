package io.huracan.bootstrap.engine;

import io.huracan.bootstrap.config.ConfigException;
import io.huracan.bootstrap.config.ConfigLoader;
import io.huracan.bootstrap.config.EngineConfig;
import io.huracan.ports.market.Coin;
import io.huracan.testkit.net.FreePorts;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.huracan.bootstrap.cluster.ClusterRedis;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One cluster member in this JVM on the machine's Redis: its coins, its meters, its readiness, its refusals. */
class ClusterEngineTest {
    private final String prefix = "huracan-test-cluster-engine-" + UUID.randomUUID();
    private final String redisUri = ClusterRedis.uri();

    @TempDir
    Path dir;

    @AfterEach
    void cleanUp() {
        ClusterRedis.deleteKeys(prefix);
    }

    @Test
    void aLoneMemberTakesEveryCoinAndReportsItInMetricsAndReadiness() throws Exception {
        int port = FreePorts.loopback();
        EngineConfig config = config(42, port);
        try (var engine = HuracanEngine.builder().config(config).environment(Map.of()).build()) {
            engine.start();
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (engine.ownedCoins().size() < 12 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(engine.ownedCoins()).hasSize(12).contains(Coin.of("BTC"));
            String scrape = engine.instance(PrometheusMeterRegistry.class).scrape();
            assertThat(scrape).contains("huracan_cluster_owned_coins 12.0").contains("huracan_cluster_members 1.0")
                    .contains("huracan_cluster_coins_acquired_total 12.0")
                    .contains("huracan_cluster_lease_renew_failures_total 0.0")
                    .contains("huracan_cluster_takeovers_total 0.0");
            HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.body()).contains("\"cluster\"").contains("holds 12 of 12 coins");
            engine.stop();
            assertThat(engine.ownedCoins()).as("handed over on stop").isEmpty();
        }
    }

    @Test
    void aMemberWithAnotherMarketOrUnpacedIsRefused() throws Exception {
        EngineConfig first = config(42, FreePorts.loopback());
        try (var engine = HuracanEngine.builder().config(first).environment(Map.of()).build()) {
            assertThat(engine.ownedCoins()).isEmpty(); // built: the market is agreed, nothing is owned yet
            assertThatThrownBy(() -> HuracanEngine.builder().config(config(7, FreePorts.loopback()))
                    .environment(Map.of()).build())
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("engine.exchanges.paper: this member's market (seed 7, update_interval 100ms, speed "
                            + "1.0) is not the cluster's (seed 42, update_interval 100ms, speed 1.0); allowed: the "
                            + "same seed, update_interval and --speed on every member");
        }
        assertThatThrownBy(() -> HuracanEngine.builder().config(first).environment(Map.of()).speed(0).build())
                .isInstanceOf(ConfigException.class)
                .hasMessage("engine.cluster.enabled: true needs a paced market, not --speed 0.0; allowed: a speed > 0, "
                        + "the same on every member");
        assertThatThrownBy(() -> HuracanEngine.builder().config(first).environment(Map.of())
                .replay(1_767_225_600_000_000L, 1_767_225_700_000_000L).build())
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("engine.cluster.enabled: true cannot replay stored market data");
    }

    private EngineConfig config(long seed, int port) throws IOException {
        EngineConfig base = new ConfigLoader(Map.of()).load(List.of());
        String coins = base.universe().coins().stream().limit(12).map(listing -> "      - {symbol: "
                + listing.symbol() + ", sector: " + listing.sector() + ", exchanges: [" + listing.exchanges().stream()
                .map(e -> e.key()).sorted().collect(Collectors.joining(", ")) + "]}\n").collect(Collectors.joining());
        Path file = dir.resolve("cluster-" + seed + ".yaml");
        Files.writeString(file, """
                engine:
                  universe:
                    active_coins: 12
                    coins:
                %s  message_bus:
                    adapter: redis
                    redis_uri: %s
                    stream_prefix: %s
                  registry:
                    path: %s
                  exchanges:
                    paper:
                      seed: %d
                  observability:
                    port: %d
                  cluster:
                    enabled: true
                    member_id: engine-%d
                """.formatted(coins, redisUri, prefix, dir.resolve("registry"), seed, port, seed));
        return new ConfigLoader(Map.of()).load(List.of(file));
    }
}
