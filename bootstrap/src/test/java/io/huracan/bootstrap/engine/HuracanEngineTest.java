package io.huracan.bootstrap.engine;

import io.huracan.testkit.net.FreePorts;
import io.huracan.bootstrap.config.ConfigLoader;
import io.huracan.bootstrap.config.ConfigOverride;
import io.huracan.bootstrap.config.EngineConfig;
import io.huracan.domain.risk.ExposureScope;
import io.huracan.ports.exchange.ExchangeGateway;
import io.huracan.ports.exchange.ExecutionReport;
import io.huracan.ports.exchange.Instrument;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.Price;
import io.huracan.ports.market.Quantity;
import io.huracan.ports.market.Side;
import io.huracan.ports.order.ClientOrderId;
import io.huracan.ports.order.Order;
import io.huracan.ports.order.OrderStatus;
import io.huracan.ports.order.OrderType;
import io.huracan.ports.order.TimeInForce;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole engine on its embedded defaults (in-memory bus, file registry, paper venues on the simulator), run as
 * fast as the machine allows over a few minutes of market time.
 */
class HuracanEngineTest {
    private static final long START = 1_767_225_600_000_000L; // 2026-01-01T00:00:00Z

    @TempDir
    Path dir;

    @Test
    void aSessionTradesThroughCostRiskAndThePaperVenues() throws Exception {
        List<ExecutionReport> fills = Collections.synchronizedList(new ArrayList<>());
        try (var engine = engine(7, Duration.ofMinutes(3), "a")) {
            engine.observe(new EngineObserver() {
                @Override
                public void onExecution(ExecutionReport report) {
                    report.lastFill().ifPresent(fill -> fills.add(report));
                }
            });
            engine.start();
            assertThat(engine.awaitTermination(Duration.ofMinutes(2))).isTrue();
            engine.stop();

            var stats = engine.stats();
            assertThat(engine.failure()).isEmpty();
            assertThat(stats.events()).isGreaterThan(100_000);
            assertThat(stats.evaluations()).isGreaterThan(1_000);
            assertThat(stats.ordersSent()).isPositive();
            assertThat(stats.fills()).isEqualTo(fills.size()).isPositive();
            assertThat(engine.activeCoins()).isEmpty(); // settling ends with no coin allowed to open trades
            assertThat(engine.risk().audit()).isEmpty();
            assertThat(engine.shutdownReport()).hasValueSatisfying(report -> assertThat(report.unprocessedTotal()).isZero());
            double gross = engine.risk().exposure(ExposureScope.GLOBAL_GROSS, 0);
            assertThat(gross).isLessThanOrEqualTo(engine.config().risk().limits().globalGross());
        }
    }

    @Test
    void theSameSeedGivesTheSameFills() throws Exception {
        assertThat(fillsOf(11, "first")).isNotEmpty().isEqualTo(fillsOf(11, "second"));
    }

    @Test
    void theKillSwitchFlattensEveryPositionAndStopsEntries() throws Exception {
        try (var engine = engine(5, Duration.ZERO, "kill")) {
            engine.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (engine.positions().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(engine.positions()).as("positions before the kill switch").isNotEmpty();

            engine.killSwitch();
            deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!engine.positions().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(engine.positions()).as("positions after the kill switch").isEmpty();
            long ordersAfterFlatten = engine.stats().ordersSent();
            Thread.sleep(500);
            assertThat(engine.stats().ordersSent()).as("no new entry while the switch is engaged")
                    .isEqualTo(ordersAfterFlatten);
            assertThat(engine.risk().killSwitchEngaged()).isTrue();
        }
    }

    @Test
    void settlingCancelsTheSessionsOrdersAndLeavesAnOrderPlacedByHandWorking() throws Exception {
        List<ExecutionReport> cancelled = Collections.synchronizedList(new ArrayList<>());
        try (var engine = engine(5, Duration.ZERO, "settle", new ConfigOverride("engine.strategy.taker_entry", "false", "test"))) {
            engine.observe(new EngineObserver() {
                @Override
                public void onExecution(ExecutionReport report) {
                    if (report.status() == OrderStatus.CANCELLED) {
                        cancelled.add(report);
                    }
                }
            });
            engine.start();
            ExchangeGateway gateway = engine.instance(ExchangeGateway.class);
            Instrument btc = gateway.instrument(Coin.of("BTC"), ExchangeId.BINANCE).orElseThrow();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (gateway.orderBook(btc.coin(), btc.exchange(), 1).bids().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            double bid = gateway.orderBook(btc.coin(), btc.exchange(), 1).bids().get(0).price();
            BigDecimal price = BigDecimal.valueOf(bid * 0.5).divide(btc.tickSize(), 0, RoundingMode.DOWN)
                    .multiply(btc.tickSize());
            BigDecimal quantity = btc.minNotional().multiply(BigDecimal.valueOf(2))
                    .divide(price.multiply(btc.lotSize()), 0, RoundingMode.CEILING).multiply(btc.lotSize());
            var byHand = new Order(new ClientOrderId("manual-1"), btc.coin(), btc.exchange(), btc.kind(), Side.BUY,
                    OrderType.LIMIT, TimeInForce.GTC, new Quantity(quantity), Optional.of(new Price(price)), false);
            assertThat(gateway.place(byHand).status()).isEqualTo(OrderStatus.NEW);
            deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (engine.stats().ordersSent() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }

            engine.stop();

            assertThat(engine.failure()).isEmpty();
            assertThat(cancelled).as("the session's resting maker orders, cancelled").isNotEmpty()
                    .noneMatch(report -> report.clientOrderId().value().equals("manual-1"));
            for (ExchangeId venue : gateway.venues()) {
                assertThat(gateway.openOrders(venue)).as("open on %s after settling", venue)
                        .extracting(report -> report.clientOrderId().value())
                        .containsExactlyElementsOf(venue == ExchangeId.BINANCE ? List.of("manual-1") : List.of());
            }
        }
    }

    @Test
    void externalSignalsTradeThroughTheSamePath() throws Exception {
        try (var engine = engine(3, Duration.ZERO, "signal")) {
            engine.setActiveCoins(0);
            engine.start();
            Thread.sleep(300); // the first books reach the cost model
            engine.setActiveCoins(400);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!engine.activeCoins().contains(Coin.of("BTC")) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            long before = engine.stats().signals();
            engine.submitSignal(Coin.of("BTC"), 80.0);
            deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (engine.stats().signals() == before && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(engine.stats().signals()).isGreaterThan(before);
        }
    }

    private List<String> fillsOf(long seed, String registry) throws Exception {
        List<String> fills = Collections.synchronizedList(new ArrayList<>());
        try (var engine = engine(seed, Duration.ofMinutes(2), registry)) {
            engine.observe(new EngineObserver() {
                @Override
                public void onExecution(ExecutionReport report) {
                    report.lastFill().ifPresent(fill -> fills.add(fill.timestampMicros() + " " + fill.coin() + " "
                            + fill.exchange() + " " + fill.side() + " " + fill.price() + " " + fill.quantity()));
                }
            });
            engine.start();
            assertThat(engine.awaitTermination(Duration.ofMinutes(2))).isTrue();
        }
        List<String> sorted = new ArrayList<>(fills);
        Collections.sort(sorted);
        return sorted;
    }

    private HuracanEngine engine(long seed, Duration session, String registry, ConfigOverride... more) {
        var overrides = new ArrayList<>(List.of(
                new ConfigOverride("engine.exchanges.paper.seed", Long.toString(seed), "test"),
                new ConfigOverride("engine.observability.port", Integer.toString(FreePorts.loopback()), "test"),
                new ConfigOverride("engine.registry.path", dir.resolve(registry).toString(), "test")));
        overrides.addAll(List.of(more));
        EngineConfig config = new ConfigLoader(Map.of()).load(List.of(), overrides);
        return HuracanEngine.builder().config(config).environment(Map.of()).speed(session.isZero() ? 20 : 0)
                .sessionLength(session).startAt(START).build();
    }
}
