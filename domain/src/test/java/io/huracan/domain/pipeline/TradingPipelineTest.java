package io.huracan.domain.pipeline;

import io.huracan.domain.cost.CoinIndex;
import io.huracan.domain.cost.CostModel;
import io.huracan.domain.cost.CostModelParams;
import io.huracan.domain.cost.CostPredictionLedger;
import io.huracan.domain.cost.FeeSchedule;
import io.huracan.domain.loop.CoinEventHandler;
import io.huracan.domain.registry.ModelRegistry;
import io.huracan.domain.registry.PromotionRules;
import io.huracan.domain.risk.DrawdownBreakers;
import io.huracan.domain.risk.DrawdownLimit;
import io.huracan.domain.risk.ExposureLimits;
import io.huracan.domain.risk.ExposureScope;
import io.huracan.domain.risk.RiskController;
import io.huracan.domain.risk.RiskLimits;
import io.huracan.domain.risk.RiskListener;
import io.huracan.domain.risk.RiskUniverse;
import io.huracan.domain.risk.TradeLimits;
import io.huracan.domain.signal.ActiveModelTable;
import io.huracan.domain.signal.LinearModelParameters;
import io.huracan.ports.exchange.ExecutionReport;
import io.huracan.ports.exchange.Instrument;
import io.huracan.ports.feature.Feature;
import io.huracan.ports.market.BookTop;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.CoinListing;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.InstrumentKind;
import io.huracan.ports.market.Price;
import io.huracan.ports.market.Quantity;
import io.huracan.ports.market.Regime;
import io.huracan.ports.market.Sector;
import io.huracan.ports.market.Side;
import io.huracan.ports.market.Universe;
import io.huracan.ports.order.Fill;
import io.huracan.ports.order.ClientOrderId;
import io.huracan.ports.order.Order;
import io.huracan.ports.order.OrderStatus;
import io.huracan.ports.order.OrderType;
import io.huracan.ports.registry.ModelDefinition;
import io.huracan.ports.registry.ModelMetrics;
import io.huracan.ports.registry.TrainingWindow;
import io.huracan.testkit.registry.InMemoryModelStore;
import io.huracan.testkit.time.ManualClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * One coin's trade through the pipeline, by hand: BTC listed on Binance (taker 10 bps) and OKX (taker 5 bps), a
 * model that always predicts +30 bps, books 100.00 / 100.02 on both venues.
 */
class TradingPipelineTest {
    private static final long T0 = 1_767_225_600_000_000L;
    private static final Coin BTC = Coin.of("BTC");

    private final ManualClock clock = new ManualClock(T0);
    private RecordingGateway gateway;
    private RiskController risk;
    private TradingPipeline pipeline;
    private CoinEventHandler<CoinTrading, Object> handler;
    private CoinTrading btc;

    @BeforeEach
    void setUp() {
        var universe = new Universe("USDT", 10, 1, List.of(
                new CoinListing(BTC, Sector.of("layer1"), Set.of(ExchangeId.BINANCE, ExchangeId.OKX))));
        gateway = new RecordingGateway(List.of(instrument(ExchangeId.BINANCE), instrument(ExchangeId.OKX)));
        var coins = CoinIndex.of(universe);
        var costParams = new CostModelParams(Map.of(
                "binance", new FeeSchedule("VIP0", 10, 10, 0),
                "okx", new FeeSchedule("Lv1", 5, 5, 0)),
                Duration.ofSeconds(30), Duration.ofHours(8), 2.0, Duration.ofSeconds(2), 1_000, 1_000);
        var drawdown = new DrawdownLimit(0.05, 0.1, Duration.ofDays(7));
        risk = new RiskController(new RiskUniverse(universe), new RiskLimits(0.8,
                new ExposureLimits(50_000, 150_000, 400_000, 1_000_000, 500_000),
                new DrawdownBreakers(drawdown, drawdown), Duration.ofMinutes(15), Duration.ofSeconds(5), 5),
                new TradeLimits(500, 100), 1_000_000, clock, RiskListener.NONE);
        var strategy = new StrategyParams(Duration.ofSeconds(1), 5_000, Duration.ofMinutes(5), 3.0, true);
        pipeline = new TradingPipeline(coins, new CostModel(coins, costParams), risk, models(), gateway, strategy, clock,
                PipelineListener.NONE, new CostPredictionLedger(costParams), "t", 1);
        handler = pipeline.newHandler(0);
        btc = pipeline.newCoinState(BTC);
    }

    @Test
    void coinsEvaluateOnceAnIntervalAtMomentsSpreadOverIt() {
        long interval = 1_000_000; // the strategy's evaluation interval
        int[] perTenth = new int[10];
        int[] firstTwentyPerTenth = new int[10];
        for (int coin = 0; coin < 400; coin++) {
            long next = pipeline.nextEvaluationAfter(T0, coin);
            assertThat(next - T0).isBetween(1L, interval);
            assertThat(pipeline.nextEvaluationAfter(next - 1, coin)).isEqualTo(next);
            assertThat(pipeline.nextEvaluationAfter(next, coin)).isEqualTo(next + interval);
            assertThat(pipeline.nextEvaluationAfter(next + interval / 3, coin)).isEqualTo(next + interval);
            int tenth = (int) ((next - T0 - 1) * 10 / interval);
            perTenth[tenth]++;
            if (coin < 20) {
                firstTwentyPerTenth[tenth]++;
            }
        }
        // a market step that updates every coin at once wakes about a tenth of them, not all 400
        assertThat(Arrays.stream(perTenth).boxed().toList()).allSatisfy(count -> assertThat(count).isBetween(35, 45));
        assertThat(Arrays.stream(firstTwentyPerTenth).boxed().toList()).allSatisfy(count -> assertThat(count).isBetween(1, 3));
    }

    @Test
    void theSessionKnowsItsOwnOrdersByTheirIds() {
        books(T0);
        pipeline.rerank(T0);
        books(T0 + 1_000_000);
        Order entry = gateway.placed.get(0);
        assertThat(pipeline.placedBySession(entry)).isTrue();

        assertThat(pipeline.placedBySession(withId(entry, "manual-1"))).as("placed by hand").isFalse();
        assertThat(pipeline.placedBySession(withId(entry, "tx-BTC-1"))).as("another session's prefix").isFalse();
        assertThat(pipeline.placedBySession(withId(entry, "t-ETH-1"))).as("the prefix, another coin").isFalse();
        assertThat(pipeline.placedBySession(withId(entry, "BTC-1a-2"))).as("a cluster id, outside a cluster").isFalse();
    }

    private static Order withId(Order order, String id) {
        return new Order(new ClientOrderId(id), order.coin(), order.exchange(), order.instrument(), order.side(), order.type(),
                order.timeInForce(), order.quantity(), order.limitPrice(), order.reduceOnly());
    }

    @Test
    void entersOnTheVenueWithTheBestEdgeAfterCostAndClosesAtTheHorizon() {
        books(T0);                                   // first evaluation: a signal, but BTC is not active yet
        assertThat(gateway.placed).isEmpty();
        assertThat(pipeline.stats().notActive()).isEqualTo(1);

        assertThat(pipeline.rerank(T0)).containsExactly(BTC);
        books(T0 + 1_000_000);                       // next evaluation: enter

        // OKX: 30 - (1 + 1 half spreads) - (5 + 5 fees) = 18 bps beats Binance's 30 - 2 - 20 = 8 bps
        assertThat(gateway.placed).singleElement().satisfies(order -> {
            assertThat(order.exchange()).isEqualTo(ExchangeId.OKX);
            assertThat(order.side()).isEqualTo(Side.BUY);
            assertThat(order.type()).isEqualTo(OrderType.MARKET);
            assertThat(order.reduceOnly()).isFalse();
            assertThat(order.clientOrderId().value()).isEqualTo("t-BTC-1");
            // 5,000 / mid 100.01 = 49.99500..., rounded down to the 0.001 lot
            assertThat(order.quantity()).isEqualTo(Quantity.of("49.995"));
        });
        assertThat(risk.exposure(ExposureScope.COIN, 0)).isCloseTo(5_000, within(0.01));

        Order entry = gateway.placed.get(0);
        fill(entry, "100.02", "49.995", T0 + 1_100_000);
        assertThat(risk.position(BTC, ExchangeId.OKX)).isEqualTo(49.995);
        // the whole reservation became the position: 49.995 x 100.02, the lot's sliver released
        assertThat(risk.exposure(ExposureScope.COIN, 0)).isCloseTo(49.995 * 100.02, within(0.01));

        books(T0 + 2_000_000);                       // holding: no new order
        assertThat(gateway.placed).hasSize(1);

        books(T0 + 1_100_000 + Duration.ofMinutes(5).toNanos() / 1_000); // the horizon has passed: close
        assertThat(gateway.placed).hasSize(2);
        Order exit = gateway.placed.get(1);
        assertThat(exit.side()).isEqualTo(Side.SELL);
        assertThat(exit.reduceOnly()).isTrue();
        assertThat(exit.exchange()).isEqualTo(ExchangeId.OKX);
        assertThat(exit.quantity()).isEqualTo(Quantity.of("49.995"));

        fill(exit, "100.00", "49.995", T0 + 302_000_000);
        assertThat(risk.position(BTC, ExchangeId.OKX)).isZero();
        assertThat(risk.exposure(ExposureScope.COIN, 0)).isZero();
        // bought at 100.02, sold at 100.00, 0.05% fee per leg on about 5,000
        assertThat(risk.realisedPnl(BTC)).isCloseTo(-0.02 * 49.995 - 2.5005 - 2.5, within(0.01));
        assertThat(pipeline.stats().fills()).isEqualTo(2);
    }

    @Test
    void aDuplicateReportCountsItsFillOnce() {
        pipeline.rerank(T0);
        books(T0);
        pipeline.rerank(T0);
        books(T0 + 1_000_000);
        Order entry = gateway.placed.get(0);
        ExecutionReport report = filled(entry, "100.02", "49.995", T0 + 1_100_000);

        handler.onEvent(BTC, btc, report);
        handler.onEvent(BTC, btc, report);

        assertThat(risk.position(BTC, ExchangeId.OKX)).isEqualTo(49.995);
        assertThat(pipeline.stats().fills()).isEqualTo(1);
    }

    @Test
    void oneReportStandingForTwoFillsAppliesBoth() {
        pipeline.rerank(T0);
        books(T0);
        pipeline.rerank(T0);
        books(T0 + 1_000_000);
        Order entry = gateway.placed.get(0);
        // the order swept two levels inside place(): 40 @ 100.02 then 9.995 @ 100.03; the report carries the
        // cumulative 49.995 and its notional, and only the second fill as its last
        BigDecimal notional = new BigDecimal("4000.80").add(new BigDecimal("9.995").multiply(new BigDecimal("100.03")));
        var last = new Fill("F2", entry.clientOrderId(), BTC, ExchangeId.OKX, Side.BUY, Price.of("100.03"),
                Quantity.of("9.995"), new BigDecimal("0.49987"), false, T0 + 1_100_000);
        handler.onEvent(BTC, btc, new ExecutionReport(entry, "X1", OrderStatus.FILLED, Quantity.of("49.995"), notional,
                Optional.of(last), Optional.empty(), T0 + 1_100_000));

        assertThat(risk.position(BTC, ExchangeId.OKX)).isEqualTo(49.995);
        assertThat(risk.exposure(ExposureScope.COIN, 0)).isCloseTo(notional.doubleValue(), within(0.01));
        assertThat(pipeline.stats().fills()).isEqualTo(1);
    }

    private void books(long micros) {
        clock.setEpochMicros(micros);
        handler.onEvent(BTC, btc, new BookTop(BTC, ExchangeId.BINANCE, micros, 100.00, 100, 100.02, 100));
        handler.onEvent(BTC, btc, new BookTop(BTC, ExchangeId.OKX, micros, 100.00, 100, 100.02, 100));
    }

    private void fill(Order order, String price, String quantity, long micros) {
        clock.setEpochMicros(micros);
        handler.onEvent(BTC, btc, filled(order, price, quantity, micros));
    }

    private static ExecutionReport filled(Order order, String price, String quantity, long micros) {
        BigDecimal notional = new BigDecimal(price).multiply(new BigDecimal(quantity));
        BigDecimal fee = notional.multiply(new BigDecimal("0.0005"));
        var fill = new Fill("F-" + order.clientOrderId(), order.clientOrderId(), order.coin(), order.exchange(),
                order.side(), Price.of(price), Quantity.of(quantity), fee, false, micros);
        return new ExecutionReport(order, "X" + order.clientOrderId(), OrderStatus.FILLED, Quantity.of(quantity),
                notional, Optional.of(fill), Optional.empty(), micros);
    }

    private static Instrument instrument(ExchangeId venue) {
        return new Instrument(BTC, venue, InstrumentKind.SPOT, "USDT", new BigDecimal("0.01"), new BigDecimal("0.001"),
                new BigDecimal("5"));
    }

    /** A model per regime that always predicts +30 bps: intercept 30, one feature with weight 0. */
    private ActiveModelTable models() {
        var store = new InMemoryModelStore();
        var registry = new ModelRegistry(store, new PromotionRules(3, 50, 0.2, 0.5), clock);
        var parameters = new LinearModelParameters(30, new double[] {0}, new double[] {0}, new double[] {1});
        Instant now = Instant.ofEpochSecond(T0 / 1_000_000);
        for (Regime regime : Regime.values()) {
            var version = store.register(new ModelDefinition("always-up-" + regime.key().replace('_', '-'),
                    LinearModelParameters.KIND, regime, List.of(Feature.RETURN_1M), parameters.toArray(), "",
                    new TrainingWindow(now.minusSeconds(60), now), now, "test",
                    new ModelMetrics(1, 1, 0.6, 0.05, 100, 10)));
            registry.promote(version.key());
        }
        var table = new ActiveModelTable();
        table.refresh(store);
        return table;
    }
}
