package io.huracan.bootstrap.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huracan.bootstrap.config.ConfigException;
import io.huracan.bootstrap.config.ConfigLoader;
import io.huracan.bootstrap.config.EngineConfig;
import io.huracan.bootstrap.lifecycle.EngineStartException;
import io.huracan.domain.risk.ExposureScope;
import io.huracan.ports.exchange.ExchangeGateway;
import io.huracan.ports.exchange.ExecutionReport;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.LiveMarketDataFeed;
import io.huracan.ports.market.StreamState;
import io.huracan.ports.market.SymbolStreamStatus;
import io.huracan.ports.order.Fill;
import io.huracan.ports.order.OrderStatus;
import io.huracan.testkit.net.FreePorts;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine with Binance as its venue and Binance's stream enabled, against a local Binance: the session is driven
 * by the live feed on the real clock, book tops pushed on the websocket reach the event loops, the reranks run on the
 * real clock, and stopping settles and ends it. The gateway is Binance's (the local one) too: a market the seed models
 * react to makes the engine place signed orders there, and their fills come back into the positions; a resting order
 * is cancelled on Binance by the settlement at the end, or at once by the kill switch.
 */
class HuracanEngineLiveStreamTest {
    /** Polls every 200 ms; no retries, so that one failed answer fails the poll (and is counted). */
    private static final String POLLED_FAST = "working_order_poll_interval: 200ms, max_retries: 0";
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

    /**
     * A market the seed models trade, built from how they decide: BTC rising 1 bp a second (a 60-cent step every
     * 100 ms at 60,000), every trade an aggressive buy, three times as much bid as ask at the one-tick touch. After
     * about three seconds of it the 15-minute return over the 15-minute volatility (√n for n seconds of a steady rise)
     * passes the trend score of 1.5, and three evaluations later the coin is TRENDING_UP, whose momentum model
     * predicts 4 + 1.5·ret10s/bp + 0.83·ret1m/bp + 7.5·imbalance + 8·flow ≈ 27 bps and rising: above Binance's 20 bps
     * round trip (10 bps a leg, base config) plus the 2 bps minimum edge. While the coin still ranges, the
     * mean-reversion model stays below 10 bps either way, so nothing trades before the trend.
     */
    @Test
    void aTrendOnTheBinanceStreamSendsASignedMarketOrderToBinanceAndItsFillBecomesThePosition() throws Exception {
        try (var binance = new BinanceLiveStub(); var engine = engine(binance, "")) {
            List<ExecutionReport> reports = new CopyOnWriteArrayList<>();
            engine.observe(new EngineObserver() {
                @Override
                public void onExecution(ExecutionReport report) {
                    reports.add(report);
                }
            });
            var market = new Uptrend(binance);
            engine.start();
            await("both coins streamed", () -> binance.streamed().containsAll(Set.of("btcusdt@depth@100ms", "btcusdt@trade")));

            market.runUntil(() -> !binance.requests("POST", "/api/v3/order").isEmpty(), engine);

            var order = binance.requests("POST", "/api/v3/order").get(0);
            assertThat(order.params()).containsEntry("symbol", "BTCUSDT").containsEntry("side", "BUY")
                    .containsEntry("type", "MARKET").containsEntry("newOrderRespType", "FULL")
                    .containsKeys("quantity", "newClientOrderId", "timestamp").doesNotContainKeys("price", "timeInForce");
            assertThat(order.apiKey()).isEqualTo("key-1");
            assertThat(order.signedWith("secret-1")).as("HMAC-SHA256 signature of " + order.query() + order.body()).isTrue();
            BigDecimal quantity = new BigDecimal(order.params().get("quantity"));
            assertThat(quantity.remainder(new BigDecimal("0.00001")).signum()).as("a whole number of lots").isZero();
            assertThat(quantity.doubleValue() * market.ask().doubleValue()).as("the 5000 USDT trade notional")
                    .isCloseTo(5000, Offset.offset(5.0));

            // the observer hears of the report after the loop applied it to the position
            await("the fill reported", () -> reports.stream().anyMatch(r -> r.status() == OrderStatus.FILLED));
            assertThat(engine.positions()).containsExactly(Map.entry(Coin.of("BTC"), quantity.doubleValue()));
            assertThat(engine.stats().ordersSent()).isEqualTo(1);
            assertThat(engine.stats().fills()).isEqualTo(1);
            assertThat(engine.stats().orderRejects()).isZero();
            ExecutionReport filled = reports.stream().filter(r -> r.status() == OrderStatus.FILLED).findFirst().orElseThrow();
            assertThat(filled.clientOrderId().value()).isEqualTo(order.params().get("newClientOrderId"));
            Fill fill = filled.lastFill().orElseThrow();
            assertThat(fill.quantity().value()).isEqualByComparingTo(quantity);
            // Binance took 0.1 % of the BTC bought; the engine counts it in USDT at the fill price
            assertThat(fill.feeQuote().doubleValue()).isCloseTo(quantity.doubleValue() * fill.price().toDouble() * 0.001,
                    Offset.offset(1e-6));
            assertThat(engine.risk().averageEntry(Coin.of("BTC"), ExchangeId.BINANCE))
                    .isCloseTo(fill.price().toDouble(), Offset.offset(0.001));

            engine.stop();

            assertThat(engine.failure()).isEmpty();
            assertThat(binance.requests("GET", "/api/v3/openOrders")).as("the settlement asked").isNotEmpty();
            assertThat(binance.requests("DELETE", "/api/v3/order")).as("nothing was left open to cancel").isEmpty();
            assertThat(engine.positions()).containsExactly(Map.entry(Coin.of("BTC"), quantity.doubleValue()));
        }
    }

    /**
     * The same trend with maker entries: a post-only buy rests at the bid (LIMIT_MAKER) and the coin waits on it. Another
     * client's sell fills half of it just before the session ends, which the settlement finds among the open orders (or
     * a poll found just before: it counts once either way), and the settlement cancels the rest.
     */
    @Test
    void aRestingMakerOrderIsSettledAtTheEndItsPartialFillKeptAndTheRestCancelledOnBinance() throws Exception {
        try (var binance = new BinanceLiveStub(); var engine = engine(binance, "  strategy: {taker_entry: false}\n")) {
            var market = new Uptrend(binance);
            engine.start();
            await("both coins streamed", () -> binance.streamed().containsAll(Set.of("btcusdt@depth@100ms", "btcusdt@trade")));

            market.runUntil(() -> !binance.requests("POST", "/api/v3/order").isEmpty(), engine);

            var order = binance.requests("POST", "/api/v3/order").get(0);
            assertThat(order.params()).containsEntry("symbol", "BTCUSDT").containsEntry("side", "BUY")
                    .containsEntry("type", "LIMIT_MAKER").containsKeys("quantity", "price", "newClientOrderId")
                    .doesNotContainKey("timeInForce");
            assertThat(order.signedWith("secret-1")).isTrue();
            String clientOrderId = order.params().get("newClientOrderId");
            BigDecimal price = new BigDecimal(order.params().get("price"));
            assertThat(price).as("at or below the bid, on the tick").isLessThanOrEqualTo(market.bid());
            assertThat(price.remainder(new BigDecimal("0.01")).signum()).isZero();
            market.runFor(Duration.ofMillis(1_500)); // the coin evaluates on, and must neither send again nor see a fill
            assertThat(binance.requests("POST", "/api/v3/order")).hasSize(1);
            assertThat(engine.positions()).isEmpty();
            assertThat(engine.risk().exposure(ExposureScope.GLOBAL_GROSS, 0)).as("reserved for the resting order")
                    .isGreaterThan(4_000);

            BigDecimal half = new BigDecimal(order.params().get("quantity")).divide(BigDecimal.valueOf(2))
                    .setScale(5, RoundingMode.DOWN);
            binance.fillResting(clientOrderId, half);
            engine.stop();

            assertThat(binance.requests("GET", "/api/v3/openOrders")).isNotEmpty();
            assertSettledWithItsFillKept(engine, binance, clientOrderId, half, price);
        }
    }

    /**
     * An order someone else placed on the account rests through the session: the session lists the open orders
     * before its first order (and names what it found), never follows or cancels that one, and settles its own.
     */
    @Test
    void anOrderPlacedByHandOnTheAccountIsLeftWorking() throws Exception {
        try (var binance = new BinanceLiveStub(); var engine = engine(binance, "  strategy: {taker_entry: false}\n")) {
            var market = new Uptrend(binance);
            binance.placedByHand("manual-1", "BTCUSDT", "50000.00", "0.01000");
            engine.start();
            await("both coins streamed", () -> binance.streamed().containsAll(Set.of("btcusdt@depth@100ms", "btcusdt@trade")));
            market.runUntil(() -> !binance.requests("POST", "/api/v3/order").isEmpty(), engine);
            engine.stop();

            assertThat(engine.failure()).isEmpty();
            var requests = binance.requests();
            int listed = requests.indexOf(binance.requests("GET", "/api/v3/openOrders").get(0));
            var entry = binance.requests("POST", "/api/v3/order").get(0);
            int ours = requests.indexOf(entry);
            assertThat(listed).as("the open orders listed before the session's first order").isLessThan(ours);
            assertThat(binance.requests("DELETE", "/api/v3/order")).as("only the session's own resting order cancelled")
                    .singleElement().satisfies(cancel -> assertThat(cancel.params().get("origClientOrderId"))
                            .isEqualTo(entry.params().get("newClientOrderId")));
            assertThat(binance.requests("GET", "/api/v3/order")).as("the poller never asked about it")
                    .noneSatisfy(query -> assertThat(query.params()).containsEntry("origClientOrderId", "manual-1"));
        }
    }

    /**
     * The kill switch while a maker buy rests half filled: the engine cancels it on Binance at once, learns of the
     * half from the cancel's answer, and sells that half back at the market (reduce-only), so it ends flat.
     */
    @Test
    void theKillSwitchCancelsARestingOrderOnBinanceAndSellsWhatItHadFilled() throws Exception {
        try (var binance = new BinanceLiveStub(); var engine = engine(binance, "  strategy: {taker_entry: false}\n")) {
            var market = new Uptrend(binance);
            engine.start();
            await("both coins streamed", () -> binance.streamed().containsAll(Set.of("btcusdt@depth@100ms", "btcusdt@trade")));
            market.runUntil(() -> !binance.requests("POST", "/api/v3/order").isEmpty(), engine);
            var entry = binance.requests("POST", "/api/v3/order").get(0);
            String clientOrderId = entry.params().get("newClientOrderId");
            BigDecimal half = new BigDecimal(entry.params().get("quantity")).divide(BigDecimal.valueOf(2))
                    .setScale(5, RoundingMode.DOWN);
            binance.fillResting(clientOrderId, half);

            engine.killSwitch();

            await("the half sold back", () -> binance.requests("POST", "/api/v3/order").size() == 2
                    && engine.positions().isEmpty());
            assertThat(binance.requests("DELETE", "/api/v3/order")).singleElement().satisfies(cancel ->
                    assertThat(cancel.params()).containsEntry("symbol", "BTCUSDT").containsEntry("origClientOrderId", clientOrderId));
            var exit = binance.requests("POST", "/api/v3/order").get(1);
            assertThat(exit.params()).containsEntry("symbol", "BTCUSDT").containsEntry("side", "SELL")
                    .containsEntry("type", "MARKET");
            assertThat(new BigDecimal(exit.params().get("quantity"))).isEqualByComparingTo(half);
            assertThat(exit.signedWith("secret-1")).isTrue();
            assertThat(engine.stats().fills()).as("the half bought, the half sold").isEqualTo(2);

            engine.stop();

            assertThat(engine.failure()).isEmpty();
            assertThat(binance.requests("DELETE", "/api/v3/order")).as("nothing more to cancel at the end").hasSize(1);
        }
    }

    /**
     * Working-order polling: a maker buy rests, the first two polls fail (a 503, then a 429 with Retry-After, for whose
     * second the venue's budget sends no query) and are counted, the next ones find the half another client's sell filled, then the rest: both fills reach the position
     * while the session runs, each counted once, and the settlement has nothing left to cancel.
     */
    @Test
    void pollingARestingMakerOrderBringsItsPartialThenFullFillIntoThePositionOnceAndSurvivesPollErrors() throws Exception {
        try (var binance = new BinanceLiveStub();
             var engine = engine(binance, "  strategy: {taker_entry: false}\n", POLLED_FAST)) {
            List<ExecutionReport> reports = new CopyOnWriteArrayList<>();
            engine.observe(new EngineObserver() {
                @Override
                public void onExecution(ExecutionReport report) {
                    reports.add(report);
                }
            });
            var market = new Uptrend(binance);
            engine.start();
            await("both coins streamed", () -> binance.streamed().containsAll(Set.of("btcusdt@depth@100ms", "btcusdt@trade")));
            binance.failOrderQueries(503, 429);
            market.runUntil(() -> !binance.requests("POST", "/api/v3/order").isEmpty(), engine);
            var entry = binance.requests("POST", "/api/v3/order").get(0);
            assertThat(entry.params()).containsEntry("type", "LIMIT_MAKER");
            String clientOrderId = entry.params().get("newClientOrderId");
            BigDecimal quantity = new BigDecimal(entry.params().get("quantity"));
            BigDecimal half = quantity.divide(BigDecimal.valueOf(2)).setScale(5, RoundingMode.DOWN);

            await("both failed polls counted", () -> metric("huracan_order_poll_errors_total") >= 2);
            assertThat(engine.failure()).isEmpty();
            binance.fillResting(clientOrderId, half);
            await("the half polled into the position", () -> engine.positions().equals(Map.of(Coin.of("BTC"), half.doubleValue())));
            assertThat(engine.stats().fills()).isEqualTo(1);
            binance.fillResting(clientOrderId, quantity.subtract(half));
            await("the rest polled into the position", () -> reports.stream().anyMatch(r -> r.status() == OrderStatus.FILLED));
            // the two fills summed in double: within a rounding step of the order, far from a fill counted twice
            assertThat(engine.positions()).containsOnlyKeys(Coin.of("BTC"));
            assertThat(engine.positions().get(Coin.of("BTC"))).isCloseTo(quantity.doubleValue(), Offset.offset(1e-12));
            assertThat(engine.stats().fills()).isEqualTo(2);
            assertThat(engine.isFinished()).as("learnt while the session runs").isFalse();
            // after the 429 the venue's budget held the polls back for the Retry-After second: tried, failed, not sent
            assertThat((double) binance.requests("GET", "/api/v3/order").size()).as("order queries sent")
                    .isLessThan(metric("huracan_order_poll_queries_total"));

            engine.stop();

            assertThat(engine.failure()).isEmpty();
            var entryFills = reports.stream().filter(r -> r.clientOrderId().value().equals(clientOrderId))
                    .flatMap(r -> r.lastFill().stream()).toList();
            assertThat(entryFills).extracting(fill -> fill.quantity().value())
                    .usingElementComparator(BigDecimal::compareTo).containsExactly(half, quantity.subtract(half));
            assertThat(entryFills).allSatisfy(fill -> assertThat(fill.maker()).as("resting fills added liquidity").isTrue());
            assertThat(reports.stream().filter(r -> r.clientOrderId().value().equals(clientOrderId)
                    && r.status() == OrderStatus.FILLED)).hasSize(1);
            assertThat(binance.requests("DELETE", "/api/v3/order")).as("nothing was left working to cancel")
                    .noneMatch(cancel -> clientOrderId.equals(cancel.params().get("origClientOrderId")));
            assertThat(binance.requests("GET", "/api/v3/order")).as("one query per poll of the working order")
                    .allSatisfy(query -> assertThat(query.params()).containsEntry("origClientOrderId", clientOrderId));
        }
    }

    /** A partial fill the polling brought in and the settlement's cancel answer reports again counts once. */
    @Test
    void aPartialFillSeenByPollingAndAgainByTheSettlementsCancelCountsOnce() throws Exception {
        try (var binance = new BinanceLiveStub();
             var engine = engine(binance, "  strategy: {taker_entry: false}\n", POLLED_FAST)) {
            var market = new Uptrend(binance);
            engine.start();
            await("both coins streamed", () -> binance.streamed().containsAll(Set.of("btcusdt@depth@100ms", "btcusdt@trade")));
            market.runUntil(() -> !binance.requests("POST", "/api/v3/order").isEmpty(), engine);
            var entry = binance.requests("POST", "/api/v3/order").get(0);
            String clientOrderId = entry.params().get("newClientOrderId");
            BigDecimal price = new BigDecimal(entry.params().get("price"));
            BigDecimal quarter = new BigDecimal(entry.params().get("quantity")).divide(BigDecimal.valueOf(4))
                    .setScale(5, RoundingMode.DOWN);
            binance.fillResting(clientOrderId, quarter);
            await("the quarter polled into the position", () -> engine.positions().equals(Map.of(Coin.of("BTC"), quarter.doubleValue())));

            engine.stop();

            assertSettledWithItsFillKept(engine, binance, clientOrderId, quarter, price);
        }
    }

    @Test
    void aWorkingOrderPollIntervalOfZeroIsRefusedInOneLine() throws Exception {
        try (var binance = new BinanceLiveStub()) {
            assertThatThrownBy(() -> config(binance, "", "working_order_poll_interval: 0s"))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("engine.exchanges.binance.working_order_poll_interval: PT0S is invalid; allowed: a duration > 0");
        }
    }

    /** The risk limits of a live session start from the USDT the Binance account holds, free and locked. */
    @Test
    void theRiskControllersStartingEquityIsTheUsdtBalanceReadFromBinance() throws Exception {
        try (var binance = new BinanceLiveStub()) {
            binance.usdtBalance("250000.50000000", "1234.25000000");
            try (var engine = engine(binance)) {
                assertThat(engine.risk().startingEquity()).isEqualTo(251_234.75);
                assertThat(engine.risk().equity()).isEqualTo(251_234.75);
                assertThat(binance.requests("GET", "/api/v3/account")).singleElement().satisfies(account -> {
                    assertThat(account.apiKey()).isEqualTo("key-1");
                    assertThat(account.signedWith("secret-1")).isTrue();
                });
            }
        }
    }

    @Test
    void aLiveSessionWhoseBalanceCannotBeReadDoesNotStartAndSaysWhyInOneLine() throws Exception {
        try (var binance = new BinanceLiveStub()) {
            binance.refuseAccount();

            assertThatThrownBy(() -> engine(binance))
                    .isInstanceOf(EngineStartException.class)
                    .hasMessageStartingWith("cannot start live: the USDT balance on binance could not be read (the"
                            + " starting equity of the risk limits): ")
                    .hasMessageContaining("-2015")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }

    @Test
    void aLiveSessionWithNoUsdtOnBinanceDoesNotStart() throws Exception {
        try (var binance = new BinanceLiveStub()) {
            binance.usdtBalance("0.00000000", "0.00000000");

            assertThatThrownBy(() -> engine(binance))
                    .isInstanceOf(EngineStartException.class)
                    .hasMessage("cannot start live: the accounts on binance hold 0 USDT; the risk limits need a starting"
                            + " equity > 0");
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
        return engine(binance, "");
    }

    private HuracanEngine engine(BinanceLiveStub binance, String extra) throws Exception {
        return engine(binance, extra, "");
    }

    private HuracanEngine engine(BinanceLiveStub binance, String extra, String binanceExtra) throws Exception {
        return HuracanEngine.builder().config(config(binance, extra, binanceExtra)).environment(KEYS).build();
    }

    /** The value of one sample on the engine's /metrics, or -1 when it is not there. */
    private double metric(String name) {
        try {
            var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            return response.body().lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * After a stop that settled a resting maker buy filled {@code filled} at {@code price}: the rest cancelled once on
     * Binance (a signed DELETE), the fill counted once in the position, the rest's reservation released.
     */
    private static void assertSettledWithItsFillKept(HuracanEngine engine, BinanceLiveStub binance, String clientOrderId,
                                                     BigDecimal filled, BigDecimal price) {
        assertThat(engine.failure()).isEmpty();
        assertThat(binance.requests("DELETE", "/api/v3/order")).singleElement().satisfies(cancel -> {
            assertThat(cancel.params()).containsEntry("symbol", "BTCUSDT")
                    .containsEntry("origClientOrderId", clientOrderId).containsKeys("orderId", "timestamp");
            assertThat(cancel.signedWith("secret-1")).isTrue();
        });
        assertThat(engine.positions()).containsExactly(Map.entry(Coin.of("BTC"), filled.doubleValue()));
        assertThat(engine.stats().fills()).isEqualTo(1);
        assertThat(engine.risk().exposure(ExposureScope.GLOBAL_GROSS, 0)).as("the cancelled rest released")
                .isCloseTo(filled.doubleValue() * price.doubleValue(), Offset.offset(1.0));
    }

    private EngineConfig config(BinanceLiveStub binance, String extra) throws Exception {
        return config(binance, extra, "");
    }

    /** {@code binanceExtra}: more keys of engine.exchanges.binance, {@code "key: value, key: value"}. */
    private EngineConfig config(BinanceLiveStub binance, String extra, String binanceExtra) throws Exception {
        Path file = Files.writeString(dir.resolve("live.yaml"),
                binance.liveConfig(metricsPort, dir.resolve("registry"), binanceExtra, extra));
        return new ConfigLoader(KEYS).load(List.of(file));
    }

    /**
     * BTC on the local Binance rising 1 bp a second from 60,000.00 / 60,000.01 (one tick wide, 3 BTC bid against 1
     * asked), one diff every 100 ms, each with an aggressive buy of 0.05 BTC at the ask.
     */
    private static final class Uptrend {
        private static final BigDecimal STEP = new BigDecimal("0.60");
        private static final BigDecimal TICK = new BigDecimal("0.01");

        private final BinanceLiveStub binance;
        private volatile BigDecimal bid = new BigDecimal("60000.00");

        Uptrend(BinanceLiveStub binance) {
            this.binance = binance;
            binance.book("BTCUSDT", bid.toPlainString(), "3", ask().toPlainString(), "1");
        }

        BigDecimal bid() {
            return bid;
        }

        BigDecimal ask() {
            return bid.add(TICK);
        }

        void runFor(Duration duration) throws InterruptedException {
            long end = System.nanoTime() + duration.toNanos();
            while (System.nanoTime() < end) {
                step();
            }
        }

        /** Moves the market until {@code done}; fails naming what the pipeline did if that takes a minute. */
        void runUntil(BooleanSupplier done, HuracanEngine engine) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!done.getAsBoolean()) {
                assertThat(System.nanoTime()).as("an order within 60 s of the trend; the pipeline: " + engine.stats())
                        .isLessThan(deadline);
                step();
            }
        }

        private void step() throws InterruptedException {
            bid = bid.add(STEP);
            binance.moveTop("BTCUSDT", bid, "3", ask(), "1");
            binance.trade("BTCUSDT", ask(), "0.05000000", false);
            Thread.sleep(100);
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within 30 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
