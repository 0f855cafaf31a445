package io.huracan.bootstrap.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huracan.bootstrap.config.ConfigException;
import io.huracan.bootstrap.config.ConfigLoader;
import io.huracan.bootstrap.config.EngineConfig;
import io.huracan.ports.exchange.ExchangeGateway;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.LiveMarketDataFeed;
import io.huracan.ports.market.StreamState;
import io.huracan.ports.market.SymbolStreamStatus;
import io.huracan.testkit.net.FreePorts;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine with Binance as its venue and Binance's stream enabled, against a local Binance: the session is driven
 * by the live feed on the real clock, book tops pushed on the websocket reach the event loops, the reranks run on the
 * real clock, and stopping settles and ends it. The gateway is Binance's (the local one) too.
 */
class HuracanEngineLiveStreamTest {
    private static final Map<String, String> KEYS = Map.of("BINANCE_API_KEY", "key-1", "BINANCE_API_SECRET", "secret-1");

    @TempDir
    Path dir;

    private final int metricsPort = FreePorts.loopback();

    @Test
    void bookTopsFromTheBinanceStreamReachThePipelineAndStoppingEndsCleanly() throws Exception {
        try (var binance = new BinanceLiveStub(); var engine = engine(binance)) {
            assertThat(engine.clock().epochMicros()).as("the engine clock is the real one")
                    .isCloseTo(System.currentTimeMillis() * 1_000, Offset.offset(5_000_000L));
            assertThat(engine.instance(ExchangeGateway.class).venues()).containsExactly(ExchangeId.BINANCE);
            engine.start();
            await("both coins streamed", () -> binance.streamed().containsAll(
                    Set.of("btcusdt@depth@100ms", "ethusdt@depth@100ms")));
            LiveMarketDataFeed feed = engine.instance(LiveMarketDataFeed.class);
            long before = engine.stats().marketEvents();

            // each diff follows the previous one (U = last u + 1) and changes both best quantities: a new book top
            long id = BinanceLiveStub.SNAPSHOT_ID + 1;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (engine.stats().marketEvents() < before + 20 && System.nanoTime() < deadline) {
                String quantity = "1." + id;
                binance.depthUpdate("BTCUSDT", id, quantity, quantity);
                binance.depthUpdate("ETHUSDT", id, quantity, quantity);
                id++;
                Thread.sleep(20);
            }

            assertThat(engine.stats().marketEvents()).as("market events handled by the loops").isGreaterThanOrEqualTo(before + 20);
            assertThat(feed.status(Coin.of("BTC"))).extracting(SymbolStreamStatus::state).containsExactly(StreamState.LIVE);
            assertThat(feed.status(Coin.of("ETH"))).extracting(SymbolStreamStatus::state).containsExactly(StreamState.LIVE);
            assertThat(engine.isFinished()).isFalse();
            // the reranks run on the real clock: the first once every coin was evaluated (evaluation interval + 100 ms)
            await("a rerank on the real clock", () -> driverHealth().path("reason").asText().matches(
                    "2 of 2 coin streams live, [1-9][0-9]* reranks"));
            assertThat(driverHealth().path("status").asText()).isEqualTo("UP");

            engine.stop();

            assertThat(engine.isFinished()).isTrue();
            assertThat(engine.failure()).isEmpty();
            assertThat(engine.activeCoins()).isEmpty(); // settling ends with no coin allowed to open trades
            assertThat(engine.shutdownReport()).hasValueSatisfying(report -> assertThat(report.unprocessedTotal()).isZero());
            await("the feed's websockets closed", () -> binance.streamed().isEmpty());
        }
    }

    @Test
    void aLiveStreamInAClusterIsRefusedInOneLine() throws Exception {
        try (var binance = new BinanceLiveStub()) {
            EngineConfig config = config(binance, "  cluster: {enabled: true}\n");

            assertThatThrownBy(() -> HuracanEngine.builder().config(config).environment(KEYS).build())
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("engine.exchanges.binance.stream.enabled: true drives the session on the live streams;"
                            + " allowed with it: one process (engine.cluster.enabled: false) and no replay");
        }
    }

    /** The market driver's component of the engine's /health/ready. */
    private JsonNode driverHealth() {
        try {
            var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + metricsPort + "/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new ObjectMapper().readTree(response.body()).path("components").path("market-driver");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HuracanEngine engine(BinanceLiveStub binance) throws Exception {
        return HuracanEngine.builder().config(config(binance, "")).environment(KEYS).build();
    }

    private EngineConfig config(BinanceLiveStub binance, String extra) throws Exception {
        Path file = dir.resolve("live.yaml");
        Files.writeString(file, """
                engine:
                  universe:
                    active_coins: 2
                    coins:
                      - {symbol: BTC, sector: layer1, exchanges: [binance]}
                      - {symbol: ETH, sector: layer1, exchanges: [binance]}
                  exchanges:
                    paper: {enabled: false}
                    binance:
                      enabled: true
                      base_url: "%s"
                      stream: {enabled: true, url: "%s"}
                  observability: {port: %d}
                  registry: {path: "%s"}
                """.formatted(binance.restUrl(), binance.streamUrl(), metricsPort, dir.resolve("registry"))
                + extra);
        return new ConfigLoader(KEYS).load(List.of(file));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within 30 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
