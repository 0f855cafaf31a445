package io.huracan.testkit.exchange;

import io.huracan.ports.exchange.Balance;
import io.huracan.ports.exchange.ExchangeErrorClass;
import io.huracan.ports.exchange.ExchangeException;
import io.huracan.ports.exchange.ExchangeGateway;
import io.huracan.ports.exchange.ExecutionListener;
import io.huracan.ports.exchange.ExecutionReport;
import io.huracan.ports.exchange.Instrument;
import io.huracan.ports.exchange.Position;
import io.huracan.ports.exchange.RejectReason;
import io.huracan.ports.market.FundingRate;
import io.huracan.ports.market.InstrumentKind;
import io.huracan.ports.market.OrderBook;
import io.huracan.ports.market.Price;
import io.huracan.ports.market.Quantity;
import io.huracan.ports.market.Side;
import io.huracan.ports.market.Trade;
import io.huracan.ports.order.ClientOrderId;
import io.huracan.ports.order.Order;
import io.huracan.ports.order.OrderStatus;
import io.huracan.ports.order.OrderType;
import io.huracan.ports.order.TimeInForce;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The semantics every {@link ExchangeGateway} must keep, run against each implementation by extending this class
 * (paper, and each live venue against its stub server). The gateway must have a market for {@link #instrument()}
 * and enough quote balance for a few orders of twice the minimum notional.
 */
public abstract class ExchangeGatewayContract {
    private static final AtomicLong IDS = new AtomicLong();

    /** Every report the gateway delivered during the test, in order. */
    protected final List<ExecutionReport> reports = new ArrayList<>();

    private ExchangeGateway gateway;

    /** A gateway in a fresh state with a market for {@link #instrument()}; called before each test. */
    protected abstract ExchangeGateway newGateway();

    /** Lets the venue process what was sent (the paper venue: its latency elapses and the market moves on). */
    protected abstract void settle();

    @BeforeEach
    void setUpGateway() {
        reports.clear();
        gateway = newGateway();
        ExecutionListener recorder = reports::add;
        gateway.addExecutionListener(recorder);
    }

    /** The gateway under test. */
    protected ExchangeGateway gateway() {
        return gateway;
    }

    /** The instrument the contract trades; the first one by default. */
    protected Instrument instrument() {
        return gateway().instruments().get(0);
    }

    @Test
    void listsInstrumentsWithTradingRulesOnItsVenues() {
        assertThat(gateway().instruments()).isNotEmpty();
        for (Instrument instrument : gateway().instruments()) {
            assertThat(gateway().venues()).contains(instrument.exchange());
            assertThat(gateway().instrument(instrument.coin(), instrument.exchange())).contains(instrument);
        }
    }

    @Test
    void recentTradesAreTheCoinsOnItsVenueNewestFirstAndBounded() {
        Instrument instrument = instrument();
        List<Trade> trades = List.of();
        for (int i = 0; i < 100 && trades.isEmpty(); i++) { // a simulated market may take a while to trade
            settle();
            trades = gateway().recentTrades(instrument.coin(), instrument.exchange(), 3);
        }

        assertThat(trades).as("the contract needs trades of %s", instrument.coin()).isNotEmpty().hasSizeLessThanOrEqualTo(3);
        for (int i = 0; i < trades.size(); i++) {
            assertThat(trades.get(i).coin()).isEqualTo(instrument.coin());
            assertThat(trades.get(i).exchange()).isEqualTo(instrument.exchange());
            if (i > 0) {
                assertThat(trades.get(i).timestampMicros()).isLessThanOrEqualTo(trades.get(i - 1).timestampMicros());
            }
        }
    }

    @Test
    void aPerpetualHasAFundingScheduleAndSpotHasNone() {
        Instrument instrument = instrument();
        settle();

        Optional<FundingRate> funding = gateway().fundingRate(instrument.coin(), instrument.exchange());

        if (instrument.kind() == InstrumentKind.SPOT) {
            assertThat(funding).isEmpty();
        } else {
            funding.ifPresent(rate -> {
                assertThat(rate.coin()).isEqualTo(instrument.coin());
                assertThat(rate.exchange()).isEqualTo(instrument.exchange());
                assertThat(Math.abs(rate.rate())).isLessThan(0.05);
                assertThat(rate.nextFundingMicros()).isGreaterThan(0);
            });
        }
    }

    @Test
    void aRestingLimitOrderIsOpenUntilCancelled() {
        Order order = limit(Side.BUY, TimeInForce.GTC, priceAway(Side.BUY, 0.9), 2);

        ExecutionReport ack = gateway().place(order);
        settle();

        assertThat(ack.status()).isEqualTo(OrderStatus.NEW);
        assertThat(ack.exchangeOrderId()).isNotBlank();
        assertThat(gateway().openOrders(order.exchange())).extracting(ExecutionReport::clientOrderId)
                .containsExactly(order.clientOrderId());
        ExecutionReport cancelled = gateway().cancel(order.coin(), order.exchange(), order.clientOrderId());
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.filledQuantity().isZero()).isTrue();
        assertThat(gateway().openOrders(order.exchange())).isEmpty();
        assertThat(query(order)).map(ExecutionReport::status).contains(OrderStatus.CANCELLED);
        assertThat(statusesOf(order)).containsExactly(OrderStatus.NEW, OrderStatus.CANCELLED);
    }

    @Test
    void queryingSeveralOrdersReportsEachKnownOneAndLeavesOutTheUnknown() {
        Order resting = limit(Side.BUY, TimeInForce.GTC, priceAway(Side.BUY, 0.9), 2);
        Order cancelled = limit(Side.BUY, TimeInForce.GTC, priceAway(Side.BUY, 0.85), 2);
        Order filled = limit(Side.BUY, TimeInForce.IOC, priceAway(Side.BUY, 1.01), 2);
        Order unknown = limit(Side.BUY, TimeInForce.GTC, priceAway(Side.BUY, 0.9), 2);
        gateway().place(resting);
        gateway().place(cancelled);
        gateway().place(filled);
        settle();
        gateway().cancel(cancelled.coin(), cancelled.exchange(), cancelled.clientOrderId());

        List<ExecutionReport> current = gateway().queryOrders(resting.exchange(),
                List.of(resting, cancelled, filled, unknown));

        Map<ClientOrderId, OrderStatus> statuses = new HashMap<>();
        current.forEach(report -> statuses.put(report.clientOrderId(), report.status()));
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(resting.clientOrderId(), OrderStatus.NEW,
                cancelled.clientOrderId(), OrderStatus.CANCELLED, filled.clientOrderId(), OrderStatus.FILLED));
        assertThat(statusesOf(resting)).containsExactly(OrderStatus.NEW);
        assertThat(statusesOf(cancelled)).containsExactly(OrderStatus.NEW, OrderStatus.CANCELLED);
        assertThat(gateway().queryOrders(resting.exchange(), List.of())).isEmpty();
    }

    @Test
    void placingTheSameClientOrderIdTwiceCreatesOneOrder() {
        Order order = limit(Side.BUY, TimeInForce.GTC, priceAway(Side.BUY, 0.9), 2);

        ExecutionReport first = gateway().place(order);
        ExecutionReport second = gateway().place(order);
        settle();

        assertThat(second.exchangeOrderId()).isEqualTo(first.exchangeOrderId());
        assertThat(gateway().openOrders(order.exchange())).hasSize(1);
        assertThat(statusesOf(order)).containsExactly(OrderStatus.NEW);
    }

    @Test
    void cancellingAFinishedOrderReturnsItsFinalStateAndCancellingTwiceIsHarmless() {
        Order order = limit(Side.BUY, TimeInForce.GTC, priceAway(Side.BUY, 0.9), 2);
        gateway().place(order);
        gateway().cancel(order.coin(), order.exchange(), order.clientOrderId());

        ExecutionReport again = gateway().cancel(order.coin(), order.exchange(), order.clientOrderId());

        assertThat(again.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(statusesOf(order)).containsExactly(OrderStatus.NEW, OrderStatus.CANCELLED);
    }

    @Test
    void anUnknownOrderCannotBeCancelledAndIsNotFound() {
        ClientOrderId unknown = nextId();
        Instrument instrument = instrument();

        assertThatThrownBy(() -> gateway().cancel(instrument.coin(), instrument.exchange(), unknown))
                .isInstanceOfSatisfying(ExchangeException.class, e -> {
                    assertThat(e.errorClass()).isEqualTo(ExchangeErrorClass.REJECTED);
                    assertThat(e.reason()).contains(RejectReason.UNKNOWN_ORDER);
                });
        assertThat(gateway().query(instrument.coin(), instrument.exchange(), unknown)).isEmpty();
    }

    @Test
    void aMarketableOrderFillsAndMovesBalancesPositionAndFees() {
        Instrument instrument = instrument();
        BigDecimal quoteBefore = quote(instrument).total();
        BigDecimal positionBefore = position(instrument);
        Order order = limit(Side.BUY, TimeInForce.IOC, priceAway(Side.BUY, 1.01), 2);

        gateway().place(order);
        settle();

        ExecutionReport last = query(order).orElseThrow();
        assertThat(last.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(last.filledQuantity()).isEqualTo(order.quantity());
        List<ExecutionReport> fills = reportsOf(order).stream().filter(r -> r.lastFill().isPresent()).toList();
        assertThat(fills).isNotEmpty();
        BigDecimal notional = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        for (ExecutionReport report : fills) {
            notional = notional.add(report.lastFill().orElseThrow().notional());
            fees = fees.add(report.lastFill().orElseThrow().feeQuote());
            assertThat(report.lastFill().orElseThrow().price().value())
                    .isLessThanOrEqualTo(order.limitPrice().orElseThrow().value());
        }
        assertThat(notional).isEqualByComparingTo(last.filledNotional());
        double expectedFee = notional.doubleValue() * gateway().feeTier(instrument.exchange()).takerBps() / 10_000;
        assertThat(fees.doubleValue()).isCloseTo(expectedFee, offset(1e-6));
        // the fee is paid in the quote currency, or (spot venues that charge the asset received) in the coin bought
        BigDecimal quoteSpent = quoteBefore.subtract(quote(instrument).total());
        BigDecimal coinsShort = positionBefore.add(order.quantity().value()).subtract(position(instrument));
        BigDecimal averagePrice = notional.divide(order.quantity().value(), java.math.MathContext.DECIMAL64);
        BigDecimal paid = quoteSpent.add(coinsShort.multiply(averagePrice));
        BigDecimal expected = instrument.kind() == InstrumentKind.SPOT ? notional.add(fees) : fees;
        assertThat(paid.doubleValue()).as("quote spent %s plus coins short %s", quoteSpent, coinsShort)
                .isCloseTo(expected.doubleValue(), offset(1e-6));
        assertThat(coinsShort.signum()).isGreaterThanOrEqualTo(0);
        assertThat(coinsShort.multiply(averagePrice).doubleValue()).isLessThanOrEqualTo(fees.doubleValue() + 1e-9);
    }

    @Test
    void aPostOnlyOrderThatWouldTakeIsRejected() {
        Order order = limit(Side.BUY, TimeInForce.POST_ONLY, priceAway(Side.BUY, 1.01), 2);

        gateway().place(order);
        settle();

        ExecutionReport last = query(order).orElseThrow();
        assertThat(last.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(last.rejectReason()).contains(RejectReason.POST_ONLY_WOULD_TAKE);
        assertThat(last.filledQuantity().isZero()).isTrue();
    }

    @Test
    void anOffTickPriceIsRejected() {
        Instrument instrument = instrument();
        BigDecimal offTick = priceAway(Side.BUY, 0.9).add(instrument.tickSize().divide(BigDecimal.valueOf(2)));
        Order order = order(Side.BUY, OrderType.LIMIT, TimeInForce.GTC, quantityFor(offTick, 2), Optional.of(offTick));

        assertRejected(order, RejectReason.TICK_SIZE);
    }

    @Test
    void anOffLotQuantityIsRejected() {
        Instrument instrument = instrument();
        BigDecimal price = priceAway(Side.BUY, 0.9);
        BigDecimal offLot = quantityFor(price, 2).add(instrument.lotSize().divide(BigDecimal.valueOf(2)));
        Order order = order(Side.BUY, OrderType.LIMIT, TimeInForce.GTC, offLot, Optional.of(price));

        assertRejected(order, RejectReason.LOT_SIZE);
    }

    @Test
    void anOrderBelowTheMinimumNotionalIsRejected() {
        Instrument instrument = instrument();
        assumeTrue(instrument.minNotional().signum() > 0, instrument.exchange().key()
                + " sets no minimum notional on " + instrument.coin() + " (its minimum is a quantity)");
        BigDecimal price = priceAway(Side.BUY, 0.9);
        assumeTrue(price.multiply(instrument.lotSize()).compareTo(instrument.minNotional()) < 0, "one lot of "
                + instrument.coin() + " on " + instrument.exchange().key() + " is above the minimum notional already");
        BigDecimal quantity = instrument.minNotional().divide(price, 30, RoundingMode.DOWN)
                .divide(instrument.lotSize(), 0, RoundingMode.DOWN).subtract(BigDecimal.ONE)
                .max(BigDecimal.ONE).multiply(instrument.lotSize());
        Order order = order(Side.BUY, OrderType.LIMIT, TimeInForce.GTC, quantity, Optional.of(price));

        assertThat(price.multiply(quantity)).isLessThan(instrument.minNotional());
        assertRejected(order, RejectReason.MIN_NOTIONAL);
    }

    @Test
    void anOrderLargerThanTheBalanceIsRejected() {
        Instrument instrument = instrument();
        BigDecimal price = priceAway(Side.BUY, 0.9);
        BigDecimal notional = quote(instrument).total().multiply(BigDecimal.valueOf(1000));
        Order order = order(Side.BUY, OrderType.LIMIT, TimeInForce.GTC,
                quantityFor(price, notional), Optional.of(price));

        assertRejected(order, RejectReason.INSUFFICIENT_BALANCE);
    }

    @Test
    void everyOrderMovesThroughLegalStatesOnly() {
        List<Order> orders = List.of(
                limit(Side.BUY, TimeInForce.GTC, priceAway(Side.BUY, 0.9), 2),
                limit(Side.BUY, TimeInForce.IOC, priceAway(Side.BUY, 1.01), 2),
                limit(Side.SELL, TimeInForce.IOC, priceAway(Side.SELL, 0.99), 2),
                limit(Side.BUY, TimeInForce.POST_ONLY, priceAway(Side.BUY, 1.01), 2));
        orders.forEach(gateway()::place);
        settle();
        gateway().cancel(orders.get(0).coin(), orders.get(0).exchange(), orders.get(0).clientOrderId());

        Map<ClientOrderId, OrderStatus> current = new HashMap<>();
        for (ExecutionReport report : reports) {
            OrderStatus previous = current.get(report.clientOrderId());
            assertThat(previous == null || !previous.isTerminal())
                    .as("report %s after terminal %s", report.status(), previous).isTrue();
            if (previous == null) {
                assertThat(report.status()).isIn(OrderStatus.NEW, OrderStatus.REJECTED);
            }
            current.put(report.clientOrderId(), report.status());
        }
        assertThat(current.values()).allMatch(OrderStatus::isTerminal);
    }

    // ------------------------------------------------------------------ helpers for subclasses too

    protected void assertRejected(Order order, RejectReason reason) {
        ExecutionReport ack = gateway().place(order);
        settle();
        assertThat(ack.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(ack.rejectReason()).contains(reason);
        assertThat(gateway().openOrders(order.exchange())).extracting(ExecutionReport::clientOrderId)
                .doesNotContain(order.clientOrderId());
    }

    /** A limit order of {@code minNotionals} times the minimum notional at {@code price}. */
    protected Order limit(Side side, TimeInForce timeInForce, BigDecimal price, int minNotionals) {
        return order(side, OrderType.LIMIT, timeInForce, quantityFor(price, minNotionals), Optional.of(price));
    }

    protected Order order(Side side, OrderType type, TimeInForce timeInForce, BigDecimal quantity,
                          Optional<BigDecimal> price) {
        Instrument instrument = instrument();
        return new Order(nextId(), instrument.coin(), instrument.exchange(), instrument.kind(), side, type, timeInForce,
                new Quantity(quantity), price.map(Price::new), false);
    }

    /** The touch on {@code side}'s opposite side times {@code factor}, on the tick grid. */
    protected BigDecimal priceAway(Side side, double factor) {
        Instrument instrument = instrument();
        OrderBook book = gateway().orderBook(instrument.coin(), instrument.exchange(), 1);
        assertThat(book.asks()).as("the contract needs a market for %s", instrument.coin()).isNotEmpty();
        double touch = side == Side.BUY ? book.asks().get(0).price() : book.bids().get(0).price();
        return BigDecimal.valueOf(touch * factor).divide(instrument.tickSize(), 0, RoundingMode.HALF_UP)
                .multiply(instrument.tickSize());
    }

    protected BigDecimal quantityFor(BigDecimal price, int minNotionals) {
        return quantityFor(price, instrument().minNotional().max(BigDecimal.ONE).multiply(BigDecimal.valueOf(minNotionals)));
    }

    protected BigDecimal quantityFor(BigDecimal price, BigDecimal notional) {
        BigDecimal lot = instrument().lotSize();
        return notional.divide(price.multiply(lot), 0, RoundingMode.CEILING).multiply(lot);
    }

    protected Balance quote(Instrument instrument) {
        return gateway().balances(instrument.exchange()).stream()
                .filter(b -> b.asset().equals(instrument.quoteCurrency())).findFirst().orElseThrow();
    }

    protected BigDecimal position(Instrument instrument) {
        return gateway().positions(instrument.exchange()).stream().filter(p -> p.coin().equals(instrument.coin()))
                .map(Position::quantity).findFirst().orElse(BigDecimal.ZERO);
    }

    protected Optional<ExecutionReport> query(Order order) {
        return gateway().query(order.coin(), order.exchange(), order.clientOrderId());
    }

    protected List<ExecutionReport> reportsOf(Order order) {
        return reports.stream().filter(r -> r.clientOrderId().equals(order.clientOrderId())).toList();
    }

    protected List<OrderStatus> statusesOf(Order order) {
        return reportsOf(order).stream().map(ExecutionReport::status).toList();
    }

    protected static ClientOrderId nextId() {
        return new ClientOrderId("contract-" + IDS.incrementAndGet());
    }
}
