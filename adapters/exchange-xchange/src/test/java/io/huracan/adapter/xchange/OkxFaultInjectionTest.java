package io.huracan.adapter.xchange;

import io.huracan.ports.exchange.ExchangeErrorClass;
import io.huracan.ports.exchange.ExchangeException;
import io.huracan.ports.exchange.ExecutionReport;
import io.huracan.ports.exchange.RejectReason;
import io.huracan.ports.market.Coin;
import io.huracan.ports.market.ExchangeId;
import io.huracan.ports.market.InstrumentKind;
import io.huracan.ports.market.Price;
import io.huracan.ports.market.Quantity;
import io.huracan.ports.market.Side;
import io.huracan.ports.order.ClientOrderId;
import io.huracan.ports.order.Fill;
import io.huracan.ports.order.Order;
import io.huracan.ports.order.OrderStatus;
import io.huracan.ports.order.OrderType;
import io.huracan.ports.order.TimeInForce;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.huracan.adapter.xchange.StubVenue.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** OKX through XChange when the venue or the network misbehaves: no duplicate order, bounded retries, clear errors. */
class OkxFaultInjectionTest {
    private static final Coin BTC = Coin.of("BTC");
    private static final String ORDER = "/api/v5/trade/order";
    private static final String BOOKS = "/api/v5/market/books";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T06:00:10Z"));
    private final List<ExecutionReport> reports = new ArrayList<>();
    private OkxStub stub;
    private XChangeExchangeGateway gateway;

    @BeforeEach
    void start() throws IOException {
        stub = new OkxStub();
        gateway = OkxVenues.gateway(stub, InstrumentKind.SPOT, clock);
        gateway.addExecutionListener(reports::add);
    }

    @AfterEach
    void stop() throws IOException {
        stub.close();
    }

    @Test
    void aConnectionResetAfterOkxAcceptedAnOrderIsResolvedByQueryingItsClOrdIdNotBySendingAgain() {
        stub.inject("POST", ORDER, new StubVenue.Fault.ProcessThenDisconnect());

        ExecutionReport report = gateway.place(restingBuy("reset-1"));

        assertThat(report.status()).isEqualTo(OrderStatus.NEW);
        assertThat(stub.count("POST", ORDER)).isEqualTo(1);
        assertThat(stub.count("GET", ORDER)).isEqualTo(1);
        assertThat(gateway.openOrders(ExchangeId.OKX)).extracting(r -> r.clientOrderId().value()).containsExactly("reset-1");
    }

    @Test
    void aReadTimeoutOnAnOrderIsResolvedByQueryingIt() {
        stub.inject("POST", ORDER, new StubVenue.Fault.ProcessThenStall(2_500));

        ExecutionReport report = gateway.place(restingBuy("timeout1"));

        assertThat(report.status()).isEqualTo(OrderStatus.NEW);
        assertThat(stub.count("POST", ORDER)).isEqualTo(1);
        assertThat(reports).extracting(ExecutionReport::status).containsExactly(OrderStatus.NEW);
    }

    @Test
    void anUnreadableAnswerToAnOrderIsAmbiguousAndResolvedByQuery() {
        stub.inject("POST", ORDER, new StubVenue.Fault.ProcessThenRespond(json(200, "{\"code\":\"0\",\"data\":[{\"clOrd")));

        assertThat(gateway.place(restingBuy("garbled1")).status()).isEqualTo(OrderStatus.NEW);
        assertThat(stub.count("POST", ORDER)).isEqualTo(1);
    }

    @Test
    void aServerErrorBeforeOkxActedIsSentAgainOnlyAfterOkxSaysItDoesNotKnowTheClOrdId() {
        stub.inject("POST", ORDER, new StubVenue.Fault.Respond(
                OkxStub.error(503, "50001", "Service temporarily unavailable. Try again later")));

        ExecutionReport report = gateway.place(restingBuy("busy1"));

        assertThat(report.status()).isEqualTo(OrderStatus.NEW);
        assertThat(stub.count("POST", ORDER)).isEqualTo(2);
        assertThat(stub.count("GET", ORDER)).isEqualTo(2); // the lookup (51603), then the query after the placement
        assertThat(gateway.openOrders(ExchangeId.OKX)).hasSize(1);
    }

    @Test
    void anOrderOkxAlreadyHasFromAnEarlierProcessIsReportedNotPlacedTwice() {
        gateway.place(restingBuy("before-restart"));
        XChangeExchangeGateway restarted = OkxVenues.gateway(stub, InstrumentKind.SPOT, clock);

        ExecutionReport again = restarted.place(restingBuy("before-restart"));

        assertThat(again.status()).isEqualTo(OrderStatus.NEW);
        assertThat(stub.count("POST", ORDER)).isEqualTo(2); // the second answered 51016 Duplicated clOrdId
        assertThat(restarted.openOrders(ExchangeId.OKX)).singleElement()
                .satisfies(r -> assertThat(r.clientOrderId().value()).isEqualTo("before-restart"));
    }

    @Test
    void aPartialFillThenADroppedConnectionIsReportedAsAFillOnceTheQueryGetsThrough() {
        Order order = restingBuy("partial1");
        gateway.place(order);
        stub.fillResting("partial1", new BigDecimal("0.0004"));
        stub.inject("GET", ORDER, new StubVenue.Fault.ProcessThenDisconnect());

        ExecutionReport report = gateway.query(BTC, ExchangeId.OKX, order.clientOrderId()).orElseThrow();

        assertThat(report.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(report.filledQuantity()).isEqualTo(Quantity.of("0.0004"));
        assertThat(report.filledNotional()).isEqualByComparingTo("10.8"); // 0.0004 x 27000
        Fill fill = report.lastFill().orElseThrow();
        assertThat(fill.quantity()).isEqualTo(Quantity.of("0.0004"));
        assertThat(fill.price()).isEqualTo(Price.of("27000"));
        assertThat(fill.maker()).isTrue();
        assertThat(fill.feeQuote().doubleValue()).isCloseTo(10.8 * 0.0008, within(1e-9)); // Lv1 maker, paid in BTC
        assertThat(stub.count("GET", ORDER)).isEqualTo(3); // after the placement, the dropped one, the retry
        assertThat(reports).extracting(ExecutionReport::status)
                .containsExactly(OrderStatus.NEW, OrderStatus.PARTIALLY_FILLED);
    }

    @Test
    void anEarlierProcesssPartlyFilledOrderIsABaselineAndOnlyWhatFillsLaterIsReportedAsAFill() {
        gateway.place(restingBuy("earlier-1"));
        stub.fillResting(clOrdId("earlier-1"), new BigDecimal("0.0004"));
        XChangeExchangeGateway restarted = OkxVenues.gateway(stub, InstrumentKind.SPOT, clock);

        ExecutionReport found = restarted.openOrders(ExchangeId.OKX).get(0);
        stub.fillResting(clOrdId("earlier-1"), new BigDecimal("0.0002"));
        // a new process knows the order by the id OKX lists (the clOrdId our dashed id was sent as)
        ExecutionReport later = restarted.query(BTC, ExchangeId.OKX, found.clientOrderId()).orElseThrow();

        assertThat(found.filledQuantity()).isEqualTo(Quantity.of("0.0004"));
        assertThat(found.lastFill()).isEmpty();
        assertThat(later.filledQuantity()).isEqualTo(Quantity.of("0.0006"));
        assertThat(later.lastFill()).hasValueSatisfying(fill -> {
            assertThat(fill.quantity()).isEqualTo(Quantity.of("0.0002"));
            assertThat(fill.feeQuote().doubleValue()).isCloseTo(0.0002 * 27000 * 0.0008, within(1e-9));
        });
    }

    @Test
    void a429With50011PausesOkxForAWindowWithoutSendingAnything() {
        gateway.instruments();
        stub.inject("GET", BOOKS, new StubVenue.Fault.Respond(OkxStub.error(429, "50011",
                "Rate limit reached. Please refer to API documentation and throttle requests accordingly.")));

        assertThatThrownBy(() -> gateway.orderBook(BTC, ExchangeId.OKX, 5)).isInstanceOfSatisfying(ExchangeException.class, e -> {
            assertThat(e.errorClass()).isEqualTo(ExchangeErrorClass.RETRYABLE);
            assertThat(e.getMessage()).contains("back off until 2026-11-24T06:00:12Z");
        });
        assertThatThrownBy(() -> gateway.place(restingBuy("paused1"))).isInstanceOf(ExchangeException.class);
        assertThat(stub.count("GET", BOOKS)).isEqualTo(1);
        assertThat(stub.count("POST", ORDER)).isZero();

        clock.advance(Duration.ofSeconds(2));
        assertThat(gateway.orderBook(BTC, ExchangeId.OKX, 5).asks()).hasSize(3);
        assertThat(gateway.place(restingBuy("paused1")).status()).isEqualTo(OrderStatus.NEW);
    }

    @Test
    void okxsPerInstrumentOrderLimitHoldsBackThe61stOrderIn2Seconds() {
        for (int i = 0; i < 60; i++) {
            gateway.place(restingBuy("burst" + i));
        }

        assertThatThrownBy(() -> gateway.place(restingBuy("burst60"))).isInstanceOfSatisfying(ExchangeException.class, e -> {
            assertThat(e.errorClass()).isEqualTo(ExchangeErrorClass.RETRYABLE);
            assertThat(e.getMessage()).contains("request budget is spent (order BTC-USDT)").contains("no request sent");
        });
        assertThat(stub.count("POST", ORDER)).isEqualTo(60);
        assertThat(gateway.health().get(0).headroom()).isZero();
        clock.advance(Duration.ofSeconds(2));
        assertThat(gateway.place(restingBuy("burst60")).status()).isEqualTo(OrderStatus.NEW);
    }

    @Test
    void malformedJsonOnAReadIsRetriedAndServerErrorsAreBounded() {
        gateway.instruments();
        stub.inject("GET", BOOKS, new StubVenue.Fault.Respond(json(200, "{\"code\":\"0\",\"data\":[{\"asks\":[[")));

        assertThat(gateway.orderBook(BTC, ExchangeId.OKX, 5).bids()).hasSize(3);
        assertThat(stub.count("GET", BOOKS)).isEqualTo(2);

        for (int i = 0; i < 4; i++) {
            stub.inject("GET", BOOKS, new StubVenue.Fault.Respond(OkxStub.error(500, "50026", "System error. Try again later.")));
        }
        assertThatThrownBy(() -> gateway.orderBook(BTC, ExchangeId.OKX, 5))
                .isInstanceOfSatisfying(ExchangeException.class, e -> assertThat(e.getMessage()).contains("50026"));
        assertThat(stub.count("GET", BOOKS)).isEqualTo(2 + 4); // one try and three retries
    }

    @Test
    void theCircuitBreakerOpensAfterRepeatedFailuresAndClosesAgainWhenOkxRecovers() throws InterruptedException {
        XChangeExchangeGateway fragile = StubVenues.gateway(OkxVenues.config(stub, InstrumentKind.SPOT, OkxStub.PASSPHRASE,
                0, 3, StubVenues.FAULT_READ_TIMEOUT), clock);
        fragile.instruments();
        for (int i = 0; i < 3; i++) {
            stub.inject("GET", BOOKS, new StubVenue.Fault.Respond(json(502, "<html>Bad Gateway</html>")));
            assertThatThrownBy(() -> fragile.orderBook(BTC, ExchangeId.OKX, 5)).isInstanceOf(ExchangeException.class);
        }

        assertThatThrownBy(() -> fragile.orderBook(BTC, ExchangeId.OKX, 5)).isInstanceOfSatisfying(ExchangeException.class,
                e -> assertThat(e.getMessage()).contains("okx circuit breaker is open after 3 failures"));
        assertThat(stub.count("GET", BOOKS)).isEqualTo(3);
        assertThat(fragile.health().get(0).breaker()).isEqualTo(VenueHealth.Breaker.OPEN);

        Thread.sleep(350);
        assertThat(fragile.orderBook(BTC, ExchangeId.OKX, 5).asks()).isNotEmpty();
        assertThat(fragile.health().get(0).breaker()).isEqualTo(VenueHealth.Breaker.CLOSED);
    }

    @Test
    void aWrongPassphraseIsFatalAndNoCredentialAppearsInTheError() {
        XChangeVenueConfig config = OkxVenues.config(stub, InstrumentKind.SPOT, "not-the-passphrase", 3, 5,
                StubVenues.FAULT_READ_TIMEOUT);
        XChangeExchangeGateway badKeys = StubVenues.gateway(config, clock);

        assertThatThrownBy(() -> badKeys.balances(ExchangeId.OKX)).isInstanceOfSatisfying(ExchangeException.class, e -> {
            assertThat(e.errorClass()).isEqualTo(ExchangeErrorClass.FATAL);
            assertThat(e.getMessage()).contains("50105").contains("passphrase")
                    .doesNotContain("not-the-passphrase").doesNotContain(OkxStub.API_SECRET).doesNotContain(OkxStub.API_KEY);
        });
        assertThat(stub.count("GET", "/api/v5/account/balance")).isEqualTo(1);
        assertThat(config.toString()).doesNotContain("not-the-passphrase").doesNotContain(OkxStub.API_KEY);
    }

    @Test
    void anOrderBelowOkxsMinimumSizeIsRejectedBeforeAnythingIsSent() {
        Order tiny = new Order(new ClientOrderId("tiny1"), BTC, ExchangeId.OKX, InstrumentKind.SPOT, Side.BUY,
                OrderType.LIMIT, TimeInForce.GTC, Quantity.of("0.000001"), Optional.of(Price.of("27000")), false);

        ExecutionReport report = gateway.place(tiny);

        assertThat(report.rejectReason()).contains(RejectReason.LOT_SIZE);
        assertThat(stub.count("POST", ORDER)).isZero();
    }

    @Test
    void aCancelThatLostTheRaceWithAFillReportsTheFill() {
        Order order = restingBuy("race1");
        gateway.place(order);
        stub.fillResting("race1", new BigDecimal("0.001"));

        ExecutionReport report = gateway.cancel(BTC, ExchangeId.OKX, order.clientOrderId());

        assertThat(report.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(report.filledNotional()).isEqualByComparingTo("27"); // 0.001 x 27000
        assertThat(report.lastFill()).isPresent();
        assertThat(stub.count("POST", "/api/v5/trade/cancel-order")).isEqualTo(1);
        assertThat(reports).extracting(ExecutionReport::status).containsExactly(OrderStatus.NEW, OrderStatus.FILLED);
    }

    @Test
    void perpetualSizesCrossThePortInCoinsWhileOkxCountsContracts() {
        XChangeExchangeGateway swaps = OkxVenues.gateway(stub, InstrumentKind.PERPETUAL, clock);
        Order buy = new Order(new ClientOrderId("swap1"), BTC, ExchangeId.OKX, InstrumentKind.PERPETUAL, Side.BUY,
                OrderType.MARKET, TimeInForce.IOC, Quantity.of("0.05"), Optional.empty(), false);

        ExecutionReport report = swaps.place(buy);

        assertThat(swaps.instrument(BTC, ExchangeId.OKX).orElseThrow().lotSize()).isEqualByComparingTo("0.0001");
        assertThat(report.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(report.filledQuantity()).isEqualTo(Quantity.of("0.05"));
        assertThat(swaps.positions(ExchangeId.OKX)).singleElement().satisfies(p -> {
            assertThat(p.quantity()).isEqualByComparingTo("0.05"); // 5 contracts of 0.01 BTC
            assertThat(p.averageEntryPrice()).isEqualByComparingTo("30000.1");
        });
        assertThat(swaps.fundingRate(BTC, ExchangeId.OKX)).hasValueSatisfying(f -> {
            assertThat(f.rate()).isEqualTo(0.0000792386885340);
            assertThat(f.intervalMicros()).isEqualTo(Duration.ofHours(8).toNanos() / 1000);
        });
    }

    /** The clOrdId our id goes to OKX as (ours have a dash, OKX takes letters and digits). */
    private static String clOrdId(String id) {
        return new OkxClientOrderIds().clOrdId(new ClientOrderId(id));
    }

    private static Order restingBuy(String id) {
        return new Order(new ClientOrderId(id), BTC, ExchangeId.OKX, InstrumentKind.SPOT, Side.BUY, OrderType.LIMIT,
                TimeInForce.GTC, Quantity.of("0.001"), Optional.of(Price.of("27000")), false);
    }
}
